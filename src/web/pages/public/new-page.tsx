// 反映社情民意: the citizen's form (no account), then the tracking code to keep. Plain HTML controls (see public.css).
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { AddresseeLine, PresetVillage, useAddressee } from './directory-address';
import { CategoryChip, type DoorMatch, DoorPanel } from './door-panel';
import { Field, type FieldErrors, readApiError } from './fields';
import { PublishConsentBox, StationLine, useStation } from './form-station';
import { CategoryPicker, VillagePicker } from './pickers';
import { PublicLayout } from './public-layout';
import { Submitted } from './submitted';

interface Values {
  title: string;
  content: string;
  categoryId?: number;
  regionId?: number;
  /** The member a QR code addressed the form to. */
  memberId?: number;
  /** The contact station whose QR code opened the form (its members receive the item too). */
  stationId?: number;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  /** The answer may be shown on the public board without name, phone or address (off unless ticked). */
  publishConsent: boolean;
  /** Send the tracking link by SMS / e-mail to the contact given (ticked when a contact is first typed). */
  sendLink: boolean;
  website: string;
  files: File[];
  /** 我也反映这个问题: the sealed ref of the open item this one joins. */
  followRef?: string;
}
const EMPTY: Values = {
  title: '',
  content: '',
  name: '',
  phone: '',
  email: '',
  consent: false,
  publishConsent: false,
  sendLink: false,
  website: '',
  files: [],
};

/** Most files the form sends (the server refuses more). */
const MAX_FILES = 3;
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
const PHONE = /^[\d\s+()-]{7,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A fresh Idempotency-Key: one per filling of the form, kept across retries and double taps. */
const newKey = () =>
  typeof globalThis.crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/**
 * The submission: JSON without files, multipart with the same fields when files are attached; the key makes a retry
 * after a lost answer return the first item instead of a second one.
 */
function submitOpinion(v: Values, key: string) {
  const headers = { 'idempotency-key': key };
  const { files, ...rest } = v;
  const body = { ...rest, sendLink: rest.sendLink && !!(rest.phone.trim() || rest.email.trim()) };
  if (!files.length) return api<Answer>('/public/opinions', { body, headers });
  const form = new FormData();
  for (const [k, val] of Object.entries(body)) if (val !== undefined) form.append(k, String(val));
  for (const f of files) form.append('file', f, f.name);
  return api<Answer>('/public/opinions', { form, headers });
}

/** The tracking code, and whether the item joined the followed one (absent when none was followed). */
type Answer = { trackingCode: string; followed?: boolean };

/** The rules the server also checks, so most mistakes show before sending. */
function validate(v: Values, t: (k: string) => string): FieldErrors {
  const e: FieldErrors = {};
  if (!v.title.trim()) e.title = t('pub.form.required');
  if (!v.content.trim()) e.content = t('pub.form.required');
  if (v.categoryId === undefined) e.categoryId = t('pub.form.chooseRequired');
  if (v.regionId === undefined && v.stationId === undefined) e.regionId = t('pub.form.chooseRequired');
  if (v.files.length > MAX_FILES) e.files = t('pub.form.filesTooMany');
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = t('pub.form.phoneInvalid');
  if (v.email.trim() && !EMAIL.test(v.email.trim())) e.email = t('pub.form.emailInvalid');
  if (!v.consent) e.consent = t('pub.form.consentRequired');
  return e;
}

/** The public submission page. */
export function NewOpinionPage() {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [joined, setJoined] = useState<boolean | undefined>(undefined);
  // The open item the citizen chose to join (shown with 取消并入 until submitted).
  const [followed, setFollowed] = useState<DoorMatch | null>(null);
  const [key, setKey] = useState(newKey);
  // Until the citizen touches the link box, it follows whether a contact was typed.
  const [linkTouched, setLinkTouched] = useState(false);
  // A QR code's member and village preset the form (and stay preset for the next item from the same poster).
  const to = useAddressee();
  const station = useStation();
  const preset = { memberId: to.member?.id, regionId: to.village?.id, stationId: station?.id };
  useEffect(() => {
    if (preset.memberId === undefined && preset.regionId === undefined && preset.stationId === undefined) return;
    setV((old) => ({
      ...old,
      memberId: preset.memberId,
      stationId: preset.stationId,
      regionId: old.regionId ?? preset.regionId,
    }));
  }, [preset.memberId, preset.regionId, preset.stationId]);
  const send = useMutation({
    mutationFn: (values: Values) => submitOpinion(values, key),
    onSuccess: (r) => {
      setKey(newKey());
      setCode(r.trackingCode);
      setJoined(r.followed);
      setFollowed(null);
      setV({ ...EMPTY, ...preset });
      setLinkTouched(false);
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      const r = readApiError(e);
      // A stale or altered choice: the join is dropped so the next tap submits the item on its own.
      if (e instanceof ApiError && e.body.code === 'follow_ref_invalid') follow(null);
      setErrors(r.fields);
      setFailure(r.message);
    },
  });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((old) => {
      const next = { ...old, [k]: value };
      if ((k === 'phone' || k === 'email') && !linkTouched) next.sendLink = !!(next.phone.trim() || next.email.trim());
      return next;
    });
    if (errors[k]) setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const follow = (m: DoorMatch | null) => {
    setFollowed(m);
    setV((old) => ({ ...old, followRef: m?.ref }));
  };
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (send.isPending) return;
    const found = validate(v, t);
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found).find((k) => found[k]);
    if (first) {
      document.querySelector<HTMLElement>(`[data-field="${first}"] :is(input, select, textarea)`)?.focus();
      return;
    }
    send.mutate(v);
  };

  if (code)
    return (
      <PublicLayout>
        <Submitted code={code} followed={joined} onAnother={() => setCode(null)} />
      </PublicLayout>
    );
  const busy = send.isPending;
  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('pub.form.heading')}</h1>
        <AddresseeLine member={to.member} />
        <StationLine station={station} />
        <p className="pub-muted">{t('pub.form.intro')}</p>
        <form onSubmit={onSubmit} noValidate aria-busy={busy}>
          <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
            <div data-field="title">
              <Field label={t('pub.form.title')} required error={errors.title}>
                {(a) => (
                  <input
                    {...a}
                    type="text"
                    data-testid="pub-title"
                    placeholder={t('pub.form.titlePh')}
                    maxLength={100}
                    value={v.title}
                    onChange={(e) => set('title', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div data-field="content">
              <Field label={t('pub.form.content')} required error={errors.content} hint={`${v.content.length} / 5000`}>
                {(a) => (
                  <textarea
                    {...a}
                    data-testid="pub-content"
                    placeholder={t('pub.form.contentPh')}
                    rows={5}
                    maxLength={5000}
                    value={v.content}
                    onChange={(e) => set('content', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <DoorPanel
              title={v.title}
              content={v.content}
              regionId={v.regionId}
              followed={followed}
              onFollow={follow}
            />
            <div data-field="categoryId">
              <Field label={t('pub.form.category')} required error={errors.categoryId}>
                {(a) => (
                  <div>
                    <CategoryPicker
                      {...a}
                      data-testid="pub-category"
                      value={v.categoryId}
                      onChange={(x) => set('categoryId', x)}
                    />
                    <CategoryChip
                      title={v.title}
                      content={v.content}
                      value={v.categoryId}
                      onPick={(x) => set('categoryId', x)}
                    />
                  </div>
                )}
              </Field>
            </div>
            <div data-field="regionId">
              <Field
                label={t('pub.form.village')}
                required={v.stationId === undefined}
                hint={station ? t('pub.form.stationVillageHint', { region: station.regionName }) : undefined}
                error={errors.regionId}
              >
                {(a) =>
                  to.village && v.regionId === to.village.id ? (
                    <PresetVillage village={to.village} onChange={() => set('regionId', undefined)} />
                  ) : (
                    <VillagePicker
                      {...a}
                      data-testid="pub-village"
                      value={v.regionId}
                      onChange={(x) => set('regionId', x)}
                    />
                  )
                }
              </Field>
            </div>
            <div data-field="files">
              <Field label={t('pub.form.files')} hint={t('pub.form.filesHint')} error={errors.files}>
                {(a) => (
                  <div>
                    <label className="pub-btn pub-file">
                      {t('pub.form.filesPick')}
                      <input
                        {...a}
                        type="file"
                        multiple
                        accept={ACCEPT}
                        data-testid="pub-files"
                        onChange={(e) => {
                          const picked = Array.from(e.target.files ?? []);
                          set('files', [...v.files, ...picked].slice(0, MAX_FILES));
                          e.target.value = '';
                        }}
                      />
                    </label>
                    {v.files.length > 0 && (
                      <ul className="pub-files">
                        {v.files.map((f) => (
                          <li key={`${f.name}-${f.size}-${f.lastModified}`}>
                            <span>{f.name}</span>
                            <button
                              type="button"
                              className="pub-btn"
                              onClick={() =>
                                set(
                                  'files',
                                  v.files.filter((x) => x !== f),
                                )
                              }
                            >
                              {t('pub.form.fileRemove')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </Field>
            </div>
            <h2 style={{ fontSize: 16, marginBlock: '8px 0' }}>{t('pub.form.contactHeading')}</h2>
            <p className="pub-muted pub-small">{t('pub.form.contactHint')}</p>
            <div data-field="name">
              <Field label={t('pub.form.name')} error={errors.name}>
                {(a) => (
                  <input
                    {...a}
                    type="text"
                    data-testid="pub-name"
                    autoComplete="name"
                    maxLength={50}
                    value={v.name}
                    onChange={(e) => set('name', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div data-field="phone">
              <Field label={t('pub.form.phone')} error={errors.phone}>
                {(a) => (
                  <input
                    {...a}
                    type="tel"
                    data-testid="pub-phone"
                    autoComplete="tel"
                    maxLength={20}
                    value={v.phone}
                    onChange={(e) => set('phone', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div data-field="email">
              <Field label={t('pub.form.email')} error={errors.email}>
                {(a) => (
                  <input
                    {...a}
                    type="email"
                    data-testid="pub-email"
                    autoComplete="email"
                    maxLength={200}
                    value={v.email}
                    onChange={(e) => set('email', e.target.value)}
                  />
                )}
              </Field>
            </div>
            {(v.phone.trim() || v.email.trim()) && (
              <div data-field="sendLink">
                <label className="pub-check">
                  <input
                    type="checkbox"
                    data-testid="pub-send-link"
                    checked={v.sendLink}
                    onChange={(e) => {
                      setLinkTouched(true);
                      set('sendLink', e.target.checked);
                    }}
                  />
                  <span>{t('pub.form.sendLink')}</span>
                </label>
              </div>
            )}
            {/* Honeypot: hidden from people and screen readers; bots that fill every field give themselves away. */}
            <div className="pub-honeypot" aria-hidden="true">
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                data-testid="pub-website"
                value={v.website}
                onChange={(e) => set('website', e.target.value)}
              />
            </div>
            <div className="pub-alert pub-alert-warn" style={{ marginBlockEnd: 12 }}>
              <strong>{t('pub.form.privacyTitle')}</strong>
              <div className="pub-small">{t('pub.form.privacy')}</div>
            </div>
            <div data-field="consent">
              <label className="pub-check">
                <input
                  type="checkbox"
                  data-testid="pub-consent"
                  checked={v.consent}
                  aria-invalid={!!errors.consent}
                  onChange={(e) => set('consent', e.target.checked)}
                />
                <span>{t('pub.form.consent')}</span>
              </label>
              {errors.consent && (
                <div className="pub-error" role="alert">
                  {errors.consent}
                </div>
              )}
            </div>
            <PublishConsentBox checked={v.publishConsent} onChange={(x) => set('publishConsent', x)} />
            {failure && (
              <div className="pub-alert pub-alert-error" role="alert" data-testid="pub-error">
                {failure}
              </div>
            )}
            <button
              type="submit"
              className="pub-btn pub-btn-primary pub-btn-block"
              style={{ marginBlockStart: 12 }}
              data-testid="pub-submit"
            >
              {busy ? t('pub.form.sending') : t('pub.form.submit')}
            </button>
          </fieldset>
        </form>
      </section>
    </PublicLayout>
  );
}
