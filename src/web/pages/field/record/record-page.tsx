// 记录走访: the member's phone screen: record a visit in a minute, saved to the server or kept on the phone without signal.
import { Alert, App, Button, Card, Form, Result, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../../api';
import { useAuth } from '../../../auth';
import { applyApiError } from '../../../components/errors';
import { clearDraft, draftHasContent, loadDraft, saveDraft } from '../../../pwa/draft';
import '../../../pwa/i18n';
import { SlowNetworkError, withTimeout } from '../../../pwa/timeout';
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
  const userId = me?.id ?? null;
  const [restored, setRestored] = useState(false);
  const draftReady = useRef(false);
  const watched = Form.useWatch((v) => v, { form, preserve: true }) as Partial<ActivityFormValues> | undefined;

  // Restore what was typed before (closed tab, expired session), then keep every change on the phone.
  useEffect(() => {
    if (userId === null || draftReady.current) return;
    draftReady.current = true;
    const d = loadDraft(userId);
    if (!d || !draftHasContent(d.values)) return;
    const { date, ...rest } = d.values as { date?: string } & Record<string, unknown>;
    form.setFieldsValue({
      ...rest,
      ...(date ? { date: dayjs(date) } : {}),
      ...(presetMember ? { memberIds: [presetMember] } : {}),
      ...(presetRegion ? { regionId: presetRegion } : {}),
    } as any);
    setRestored(true);
  }, [userId, form, presetMember, presetRegion]);
  useEffect(() => {
    if (userId === null || !draftReady.current || !watched || !form.isFieldsTouched()) return;
    const { photos: _p, date, ...rest } = watched;
    saveDraft(userId, { ...rest, ...(date ? { date: date.format('YYYY-MM-DD') } : {}) });
  }, [watched, userId, form]);
  // The effect above runs after the screen updates; a page closed or reloaded right after the last keystroke must keep
  // it too, so the form is also written out synchronously when the page is hidden or left.
  const editing = useRef(true);
  editing.current = outcome === null;
  useEffect(() => {
    if (userId === null) return;
    const flush = () => {
      if (!draftReady.current || !editing.current || !form.isFieldsTouched()) return;
      const { photos: _p, date, ...rest } = form.getFieldsValue(true) as Partial<ActivityFormValues>;
      saveDraft(userId, { ...rest, ...(date ? { date: date.format('YYYY-MM-DD') } : {}) });
    };
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [userId, form]);

  const submit = async (v: ActivityFormValues) => {
    setBusy(true);
    const body = { ...toActivityBody(v), clientId };
    const files = (v.photos ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    const village = members.flatMap((m) => m.data?.villages ?? []).find((x) => x.id === body.regionId)?.name ?? null;
    const summary = {
      village,
      contacts: contacts.filter((c) => body.representativeIds.includes(c.id)).map((c) => c.name),
    };
    // One idempotency key per photo, chosen now: a photo whose reply is lost and is sent again is stored once.
    const keys = files.map(() => newClientId());
    const keep = async (activityId: number | undefined, from: number) => {
      const photos = await Promise.all(
        files.slice(from).map(async (f, i) => ({
          ...(await compressImage(f)),
          kind: 'photo' as const,
          uploadKey: keys[from + i],
        })),
      );
      await enqueue({ clientId, userId: me!.id, body, summary, savedAt: new Date().toISOString(), activityId }, photos);
      clearDraft(me!.id);
    };
    /** No signal, too slow, or signed out: the record waits in the outbox, and the member is told why. */
    const queuedBecause = (e: unknown) => {
      if (e instanceof SlowNetworkError) message.warning(t('pwa.slowQueued'), 8);
      else if (e instanceof ApiError && e.status === 401) message.warning(t('pwa.signInQueued'), 8);
    };
    const keepsOnPhone = (e: unknown) => isNetworkError(e) || (e instanceof ApiError && e.status === 401);
    try {
      if (!navigator.onLine) {
        await keep(undefined, 0);
        setOutcome({ kind: 'queued', raising: body.raiseOpinions?.length ?? 0 });
        return;
      }
      let created: Activity;
      try {
        created = await withTimeout(api<Activity>('/activities', { body }));
      } catch (e) {
        if (!keepsOnPhone(e)) throw e;
        await keep(undefined, 0);
        queuedBecause(e);
        setOutcome({ kind: 'queued', raising: body.raiseOpinions?.length ?? 0 });
        return;
      }
      clearDraft(me!.id);
      const raised = (created.raised ?? []).filter((r) => r.id && body.raiseOpinions?.includes(r.key ?? ''));
      let refused = 0;
      for (let i = 0; i < files.length; i++) {
        try {
          const p = await compressImage(files[i]);
          await withTimeout(uploadPhoto(created.id, p.blob, p.name, 'photo', keys[i]));
        } catch (e) {
          if (!keepsOnPhone(e)) {
            refused++;
            continue;
          }
          await keep(created.id, i);
          queuedBecause(e);
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
    if (userId !== null) clearDraft(userId);
    setRestored(false);
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
      {restored && (
        <Alert
          type="info"
          showIcon
          data-testid="record-draft-restored"
          style={{ marginBlockStart: 8 }}
          title={t('pwa.draftRestored')}
          action={
            <Button size="small" onClick={again}>
              {t('pwa.draftDiscard')}
            </Button>
          }
        />
      )}
      <Card styles={{ body: { padding: 16 } }} style={{ marginBlockStart: 8 }}>
        <ActivityForm layout="phone" form={form} preset={preset} busy={busy} onSubmit={submit} />
      </Card>
    </div>
  );
}
