// The participant pickers of a consultation form: members, invited representatives, citizens by name, departments.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from '../../components/department-select';
import { type MemberOption, MemberSelect } from '../../components/member-select';
import { type Option, RepresentativeSelect } from '../office/components/remote-select';

/** What the pickers hold in the form. */
export interface ParticipantValues {
  memberIds?: number[];
  representativeIds?: number[];
  citizenNames?: string[];
  departmentIds?: number[];
}

/** Labels of people already chosen, so an edit form shows names rather than ids. */
export interface KnownParticipants {
  members?: MemberOption[];
  representatives?: Option[];
}

/** The four pickers; citizens are typed by name (Enter adds one). */
export function ParticipantFields({ known = {} }: { known?: KnownParticipants }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="memberIds" label={t('cst.kind.member')}>
        <MemberSelect mode="multiple" known={known.members} data-testid="cst-members" />
      </Form.Item>
      <Form.Item name="representativeIds" label={t('cst.kind.representative')}>
        <RepresentativeSelect mode="multiple" known={known.representatives} data-testid="cst-representatives" />
      </Form.Item>
      <Form.Item name="citizenNames" label={t('cst.kind.citizen')} extra={t('cst.citizenHint')}>
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', '、']}
          data-testid="cst-citizens"
        />
      </Form.Item>
      <Form.Item name="departmentIds" label={t('cst.kind.department')}>
        <DepartmentSelect mode="multiple" data-testid="cst-departments" />
      </Form.Item>
    </>
  );
}

/** The pickers' values as the API's participant list. */
export function toParticipants(v: ParticipantValues) {
  return [
    ...(v.memberIds ?? []).map((memberId) => ({ kind: 'member' as const, memberId })),
    ...(v.representativeIds ?? []).map((representativeId) => ({ kind: 'representative' as const, representativeId })),
    ...(v.citizenNames ?? [])
      .map((n) => n.trim())
      .filter(Boolean)
      .map((name) => ({ kind: 'citizen' as const, name: name.slice(0, 50) })),
    ...(v.departmentIds ?? []).map((departmentId) => ({ kind: 'department' as const, departmentId })),
  ];
}
