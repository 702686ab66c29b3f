// The citizen's rating of the answer: three choices and a comment, required when unsatisfied.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Field, type FieldErrors, readApiError } from './fields';
import type { PublicView } from './types';

const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/** Posts the rating and hands the refreshed view back. */
export function RatingForm({ code, onDone }: { code: string; onDone: (v: PublicView) => void }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api<PublicView>(`/public/opinions/${encodeURIComponent(code)}/rating`, { body: { rating, comment } }),
    onSuccess: onDone,
    onError: (e) => {
      const r = readApiError(e);
      setErrors(r.fields);
      setFailure(r.message);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!rating) found.rating = t('pub.form.chooseRequired');
    if (rating === 'unsatisfied' && !comment.trim()) found.comment = t('pub.rate.commentRequired');
    setErrors(found);
    setFailure(null);
    if (!found.rating && !found.comment) send.mutate();
  };
  return (
    <section className="pub-card">
      <h2>{t('pub.rate.heading')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={send.isPending} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
          <fieldset className="pub-radios" aria-invalid={!!errors.rating}>
            <legend className="pub-honeypot">{t('pub.rate.heading')}</legend>
            {RATINGS.map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="rating"
                  value={r}
                  data-testid={`rate-${r}`}
                  checked={rating === r}
                  onChange={() => {
                    setRating(r);
                    setErrors({});
                  }}
                />
                {t(`pub.rate.${r}`)}
              </label>
            ))}
          </fieldset>
          {errors.rating && (
            <div className="pub-error" role="alert" style={{ marginBlockEnd: 8 }}>
              {errors.rating}
            </div>
          )}
          <Field label={t('pub.rate.comment')} required={rating === 'unsatisfied'} error={errors.comment}>
            {(a) => (
              <textarea
                {...a}
                data-testid="rate-comment"
                placeholder={t('pub.rate.commentPh')}
                rows={3}
                maxLength={1000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
          {failure && (
            <div className="pub-alert pub-alert-error" role="alert" style={{ marginBlockEnd: 12 }}>
              {failure}
            </div>
          )}
          <button type="submit" className="pub-btn pub-btn-primary pub-btn-block" data-testid="rate-submit">
            {t('pub.rate.submit')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
