// The citizen form opened from a contact station's QR code (联络站): /public/opinions/new?station=<id>. Looks the
// station up in the public list; an unknown or closed station is simply not addressed (the form still works).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api';

/** A published, active station as GET /public/stations lists it. */
export interface PublicStation {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  members: { id: number; name: string }[];
}

/** The station a QR code addressed the form to, once found in the public list. */
export function useStation(): PublicStation | undefined {
  const [params] = useSearchParams();
  const raw = params.get('station');
  const id = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const q = useQuery({
    queryKey: ['pub-stations'],
    queryFn: () => api<{ items: PublicStation[] }>('/public/stations'),
    enabled: id !== undefined,
    retry: false,
    staleTime: 300_000,
  });
  return id === undefined ? undefined : q.data?.items.find((s) => s.id === id);
}

/** "您正在通过 <station> 反映" above the form. */
export function StationLine({ station }: { station?: PublicStation }) {
  const { t } = useTranslation();
  if (!station) return null;
  return (
    <p className="pub-alert pub-alert-ok" data-testid="pub-station">
      {t('pub.form.station', { name: station.name })}
    </p>
  );
}

/** The publication consent box: unticked unless the citizen ticks it; the form goes in either way. */
export function PublishConsentBox({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div data-field="publishConsent">
      <label className="pub-check">
        <input
          type="checkbox"
          data-testid="pub-publish-consent"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>
          {t('pub.form.publishConsent')}
          <span className="pub-muted pub-small" style={{ display: 'block' }}>
            {t('pub.form.publishConsentHint')}
          </span>
        </span>
      </label>
    </div>
  );
}
