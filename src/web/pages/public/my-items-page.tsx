// /public/my-items: the citizen types the phone they gave on their forms, receives a 6-digit code by SMS, and sees the
// items raised with that phone, each linking to its tracking page. Nothing is kept after leaving the page.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { intlLocale } from '../../i18n/setup';
import { Field, type FieldErrors, readApiError } from './fields';
import { PublicLayout } from './public-layout';

interface MyItem {
  trackingCode: string;
  title: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  mergedInto: string | null;
}

const formatDay = (at: string, lang: string) =>
  new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(at));

/** The lookup page: phone, then code, then the list. */
export function MyItemsPage() {
  const { t, i18n } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [items, setItems] = useState<MyItem[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const onError = (e: unknown) => {
    const r = readApiError(e);
    setErrors(r.fields);
    setFailure(Object.values(r.fields).some(Boolean) ? null : r.message);
  };
  const ask = useMutation({
    mutationFn: () => api('/public/lookup/code', { body: { phone } }),
    onSuccess: () => {
      setStep('code');
      setErrors({});
      setFailure(null);
    },
    onError,
  });
  const check = useMutation({
    mutationFn: () => api<{ items: MyItem[] }>('/public/lookup/verify', { body: { phone, code } }),
    onSuccess: (r) => {
      setItems(r.items);
      setFailure(null);
    },
    onError,
  });
  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    if (!phone.trim()) return setErrors({ phone: t('pub.form.required') });
    if (!ask.isPending) ask.mutate();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setErrors({ code: t('pub.form.required') });
    if (!check.isPending) check.mutate();
  };
  const restart = () => {
    setStep('phone');
    setCode('');
    setItems(null);
    setErrors({});
    setFailure(null);
  };

  return (
    <PublicLayout>
      <section className="pub-card">
        <h1>{t('pub.mine.heading')}</h1>
        {items === null && <p className="pub-muted">{t('pub.mine.intro')}</p>}
        {items === null && step === 'phone' && (
          <form onSubmit={submitPhone} noValidate>
            <Field label={t('pub.mine.phone')} required error={errors.phone}>
              {(a) => (
                <input
                  {...a}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  data-testid="mine-phone"
                  maxLength={20}
                  value={phone}
                  onChange={(e) => {
                    setPhone(e.target.value);
                    setErrors({});
                  }}
                />
              )}
            </Field>
            <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" data-testid="mine-send">
              {t('pub.mine.sendCode')}
            </button>
          </form>
        )}
        {items === null && step === 'code' && (
          <form onSubmit={submitCode} noValidate>
            <div className="pub-alert pub-alert-ok" role="status" data-testid="mine-sent">
              {t('pub.mine.sent')}
            </div>
            <Field label={t('pub.mine.code')} required error={errors.code}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]*"
                  data-testid="mine-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value.replace(/\D/g, ''));
                    setErrors({});
                  }}
                />
              )}
            </Field>
            <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" data-testid="mine-verify">
              {t('pub.mine.verify')}
            </button>
            <button type="button" className="pub-btn pub-btn-block" style={{ marginBlockStart: 8 }} onClick={restart}>
              {t('pub.mine.otherPhone')}
            </button>
          </form>
        )}
        {failure && (
          <div className="pub-alert pub-alert-error" role="alert" style={{ marginBlockStart: 12 }}>
            {failure}
          </div>
        )}
      </section>
      {items !== null && (
        <section className="pub-card" data-testid="mine-list">
          <p className="pub-muted">
            {items.length ? t('pub.mine.count', { count: items.length }) : t('pub.mine.empty')}
          </p>
          <ul className="pub-mine-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((it) => (
              <li key={it.trackingCode} style={{ paddingBlock: 10, borderBlockEnd: '1px solid #e5e7eb' }}>
                <Link to={`/public/opinions/${it.trackingCode}`} data-testid="mine-item">
                  <strong dir="auto">{it.title}</strong>
                </Link>
                <div className="pub-small">
                  <code>{it.trackingCode}</code> · <span className="pub-tag">{t(`pub.stage.${it.status}`)}</span>
                </div>
                <div className="pub-muted pub-small">
                  {t('pub.mine.received')}: {formatDay(it.receivedAt, i18n.language)}
                </div>
                {it.mergedInto && (
                  <div className="pub-small">
                    <Link to={`/public/opinions/${it.mergedInto}`}>
                      {t('pub.mine.mergedInto', { code: it.mergedInto })}
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="pub-btn" style={{ marginBlockStart: 12 }} onClick={restart}>
            {t('pub.mine.otherPhone')}
          </button>
        </section>
      )}
    </PublicLayout>
  );
}
