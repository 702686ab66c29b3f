// 记录走访: the member's phone screen: record a visit in a minute, saved to the server or kept on the phone without signal.
import { App, Button, Card, Form, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api';
import { useAuth } from '../../../auth';
import { applyApiError } from '../../../components/errors';
import { useMembers, useMembersReps } from '../lookups';
import type { Activity, RaisedItem } from '../types';
import { ActivityForm, type ActivityFormValues, toActivityBody } from './activity-form';
import { compressImage } from './compress';
import { enqueue, isNetworkError, newClientId, uploadPhoto } from './outbox';
import { PendingList, useOnline } from './pending-list';
import { useOutbox } from './use-outbox';

type Outcome =
  | { kind: 'saved'; id: number; photosQueued: number; photosRefused: number; raised: RaisedItem[] }
  | { kind: 'queued'; raising: number };

/** What became of the ticked 同时转为社情民意: links to the items, or how many wait for the sync. */
function RaisedNote({ outcome, queued }: { outcome: Outcome; queued: boolean }) {
  const { t } = useTranslation();
  if (outcome.kind === 'queued')
    return queued && outcome.raising > 0 ? <div>{t('field.raise.pending', { count: outcome.raising })}</div> : null;
  if (outcome.raised.length === 0) return null;
  return (
    <div data-testid="record-raised">
      {t('field.raise.savedWith', { count: outcome.raised.length })}
      {outcome.raised.map((r) => (
        <div key={r.id}>
          <Link to={`/opinions/${r.id}`}>{r.title}</Link>
        </div>
      ))}
    </div>
  );
}

/** The record screen; phone layout at every width (max 560 px wide on a desktop). */
export function RecordPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const online = useOnline();
  const [form] = Form.useForm<ActivityFormValues>();
  const [params] = useSearchParams();
  const presetMember = Number(params.get('memberId')) || undefined;
  const presetRegion = Number(params.get('regionId')) || undefined;
  const preset = {
    ...(presetMember ? { memberIds: [presetMember] } : {}),
    ...(presetRegion ? { regionId: presetRegion } : {}),
  };
  const [clientId, setClientId] = useState(newClientId);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const memberIds: number[] = Form.useWatch('memberIds', form) ?? [];
  const members = useMembers(memberIds);
  const { contacts } = useMembersReps(memberIds);
  const { items: waiting } = useOutbox();

  const submit = async (v: ActivityFormValues) => {
    setBusy(true);
    const body = { ...toActivityBody(v), clientId };
    const files = (v.photos ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    const village = members.flatMap((m) => m.data?.villages ?? []).find((x) => x.id === body.regionId)?.name ?? null;
    const summary = {
      village,
      contacts: contacts.filter((c) => body.representativeIds.includes(c.id)).map((c) => c.name),
    };
    const keep = async (activityId: number | undefined, rest: File[]) => {
      const photos = await Promise.all(
        rest.map(async (f) => ({ ...(await compressImage(f)), kind: 'photo' as const })),
      );
      await enqueue({ clientId, userId: me!.id, body, summary, savedAt: new Date().toISOString(), activityId }, photos);
    };
    try {
      if (!navigator.onLine) {
        await keep(undefined, files);
        setOutcome({ kind: 'queued', raising: body.raiseOpinions?.length ?? 0 });
        return;
      }
      let created: Activity;
      try {
        created = await api<Activity>('/activities', { body });
      } catch (e) {
        if (!isNetworkError(e)) throw e;
        await keep(undefined, files);
        setOutcome({ kind: 'queued', raising: body.raiseOpinions?.length ?? 0 });
        return;
      }
      const raised = (created.raised ?? []).filter((r) => r.id && body.raiseOpinions?.includes(r.key ?? ''));
      let refused = 0;
      for (let i = 0; i < files.length; i++) {
        try {
          const p = await compressImage(files[i]);
          await uploadPhoto(created.id, p.blob, p.name, 'photo');
        } catch (e) {
          if (!isNetworkError(e)) {
            refused++;
            continue;
          }
          await keep(created.id, files.slice(i));
          setOutcome({ kind: 'saved', id: created.id, photosQueued: files.length - i, photosRefused: refused, raised });
          return;
        }
      }
      setOutcome({ kind: 'saved', id: created.id, photosQueued: 0, photosRefused: refused, raised });
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    form.resetFields();
    setClientId(newClientId());
    setOutcome(null);
    window.scrollTo({ top: 0 });
  };

  const wrap = { maxWidth: 560, marginInline: 'auto' };
  if (outcome) {
    const queued = outcome.kind === 'queued' && waiting.some((i) => i.clientId === clientId);
    const synced = outcome.kind === 'queued' && !queued;
    const photoNote =
      outcome.kind === 'saved'
        ? [
            outcome.photosQueued ? t('field.record.photosQueued', { count: outcome.photosQueued }) : '',
            outcome.photosRefused ? t('field.record.photosRefused', { count: outcome.photosRefused }) : '',
          ]
            .filter(Boolean)
            .join(' ')
        : '';
    return (
      <div style={wrap}>
        <Card>
          <Result
            status={queued ? 'warning' : 'success'}
            title={
              queued
                ? t('field.record.queuedTitle')
                : synced
                  ? t('field.record.syncedTitle')
                  : t('field.record.savedTitle')
            }
            subTitle={
              <>
                {queued ? t('field.record.queuedHint') : photoNote}
                <RaisedNote outcome={outcome} queued={queued} />
              </>
            }
            data-testid="record-success"
            data-pending={queued ? 'true' : 'false'}
            extra={[
              <Button key="again" type="primary" size="large" onClick={again} data-testid="record-again">
                {t('field.record.again')}
              </Button>,
              <Button
                key="view"
                size="large"
                onClick={() => navigate(outcome.kind === 'saved' ? `/activities/${outcome.id}` : '/activities')}
                data-testid="record-view"
              >
                {t('action.view')}
              </Button>,
            ]}
          />
        </Card>
        <PendingList />
      </div>
    );
  }
  return (
    <div style={wrap}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBlockEnd: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('nav.record')}
        </Typography.Title>
        {!online && (
          <Tag color="orange" data-testid="record-offline">
            {t('field.outbox.offline')}
          </Tag>
        )}
      </div>
      <PendingList compact />
      <Card styles={{ body: { padding: 16 } }} style={{ marginBlockStart: 8 }}>
        <ActivityForm layout="phone" form={form} preset={preset} busy={busy} onSubmit={submit} />
      </Card>
    </div>
  );
}
