// The 编辑参加人员 button and modal of a consultation page: the create form's pickers, saved through PATCH (the list
// given replaces the old one; attendance marks of people kept are carried over).
import { TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ParticipantFields, type ParticipantValues, toParticipants } from './participant-fields';

/** A participant as GET /consultations/:id returns it. */
export interface ParticipantRow {
  id: number;
  kind: 'member' | 'representative' | 'citizen' | 'department';
  memberId: number | null;
  representativeId: number | null;
  departmentId: number | null;
  name: string;
  attended: boolean | null;
}

const keyOf = (p: {
  kind: string;
  memberId?: number | null;
  representativeId?: number | null;
  departmentId?: number | null;
  name?: string;
}) => `${p.kind}:${p.memberId ?? p.representativeId ?? p.departmentId ?? p.name ?? ''}`;

const ids = (rows: ParticipantRow[], kind: ParticipantRow['kind'], pick: (p: ParticipantRow) => number | null) =>
  rows.filter((p) => p.kind === kind).map((p) => pick(p) as number);

/** The button (shown only when `canEdit`) and its modal. */
export function ParticipantsEditor({
  consultationId,
  participants,
  onSaved,
}: {
  consultationId: number | string;
  participants: ParticipantRow[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ParticipantValues>();
  const save = useMutation({
    mutationFn: (v: ParticipantValues) => {
      const attended = new Map(participants.map((p) => [keyOf(p), p.attended]));
      const list = toParticipants(v).map((p) => ({ ...p, attended: attended.get(keyOf(p)) ?? null }));
      return api(`/consultations/${consultationId}`, { method: 'PATCH', body: { participants: list } });
    },
    onSuccess: () => {
      message.success(t('cst.done'));
      setOpen(false);
      onSaved();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const show = () => {
    form.setFieldsValue({
      memberIds: ids(participants, 'member', (p) => p.memberId),
      representativeIds: ids(participants, 'representative', (p) => p.representativeId),
      citizenNames: participants.filter((p) => p.kind === 'citizen').map((p) => p.name),
      departmentIds: ids(participants, 'department', (p) => p.departmentId),
    });
    setOpen(true);
  };
  const known = {
    members: participants.filter((p) => p.kind === 'member').map((p) => ({ id: p.memberId as number, name: p.name })),
    representatives: participants
      .filter((p) => p.kind === 'representative')
      .map((p) => ({ value: p.representativeId as number, label: p.name })),
  };
  return (
    <>
      <Button size="small" icon={<TeamOutlined />} onClick={show} data-testid="cst-edit-participants">
        {t('cst.editParticipants')}
      </Button>
      <Modal
        open={open}
        title={t('cst.editParticipants')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
        okButtonProps={{ 'data-testid': 'cst-participants-save' } as Record<string, string>}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <ParticipantFields known={known} />
        </Form>
      </Modal>
    </>
  );
}
