// The citizen form opened from a QR code (码上联系): /public/opinions/new?member=<id>&village=<regionId>. Reads the
// two parameters, looks up the member and the village on the public directory, and says whom the form goes to.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import type { DirectoryMember, DirectoryPlace } from './directory-types';

const idOf = (raw: string | null) => (raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined);

/** The member and village a QR code addressed the form to; an unknown or inactive member is simply not addressed. */
export function useAddressee() {
  const [params] = useSearchParams();
  const memberId = idOf(params.get('member'));
  const villageId = idOf(params.get('village'));
  const member = useQuery({
    queryKey: ['pub-directory-member', String(memberId)],
    queryFn: () => api<DirectoryMember>(`/public/directory/members/${memberId}`),
    enabled: memberId !== undefined,
    retry: false,
  });
  const village = useQuery({
    queryKey: ['pub-directory-village', villageId],
    queryFn: () => api<DirectoryPlace>(`/public/directory/villages/${villageId}`),
    enabled: villageId !== undefined,
    retry: false,
  });
  return { member: member.data, village: village.data };
}

/** "写给 <member>（<sector>）" above the form when it is addressed to a member. */
export function AddresseeLine({ member }: { member?: DirectoryMember }) {
  const { t } = useTranslation();
  if (!member) return null;
  const text = member.sectorName
    ? t('dir.writeTo', { name: member.name, sector: member.sectorName })
    : t('dir.writeToPlain', { name: member.name });
  return (
    <p className="pub-alert pub-alert-ok" data-testid="pub-addressee">
      {text}
    </p>
  );
}

/** The preset village, shown as chosen with a button to change it (then the usual picker returns). */
export function PresetVillage({ village, onChange }: { village: DirectoryPlace; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="pub-chosen" data-testid="pub-village-chosen">
      <span>{village.townshipName ? `${village.townshipName} / ${village.name}` : village.name}</span>
      <button type="button" className="pub-btn" onClick={onChange}>
        {t('pub.form.villageChange')}
      </button>
    </div>
  );
}
