// The form's two pickers, fed by the public look-ups: the category tree as a native select (a top category with
// sub-categories is a group heading), and the village searched on the server by name or pinyin.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api';

interface CategoryNode {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}
interface Village {
  id: number;
  name: string;
  townshipName: string | null;
}
type Aria = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
type Props = Aria & { value?: number; onChange: (v: number | undefined) => void; 'data-testid'?: string };

/** Two-level category picker. */
export function CategoryPicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['pub-categories'],
    queryFn: () => api<{ items: CategoryNode[] }>('/public/categories'),
  });
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
      aria-busy={q.isLoading}
    >
      <option value="">{t('pub.form.categoryPh')}</option>
      {(q.data?.items ?? []).map((c) =>
        c.children.length ? (
          <optgroup key={c.id} label={c.name}>
            {c.children.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </optgroup>
        ) : (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ),
      )}
    </select>
  );
}

const villageLabel = (v: Village) => (v.townshipName ? `${v.townshipName} / ${v.name}` : v.name);

/** Village picker: type to search, tap a match; the choice shows with a button to change it. */
export function VillagePicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Village | null>(null);
  const q = useQuery({
    queryKey: ['pub-villages', text],
    queryFn: () => api<{ items: Village[] }>(`/public/villages${qs({ q: text })}`),
    placeholderData: (prev) => prev,
    enabled: text.trim().length > 0,
  });
  if (value !== undefined && chosen?.id === value)
    return (
      <div className="pub-chosen" data-testid={`${rest['data-testid']}-chosen`}>
        <span>{villageLabel(chosen)}</span>
        <button
          type="button"
          className="pub-btn"
          onClick={() => {
            setChosen(null);
            onChange(undefined);
          }}
        >
          {t('pub.form.villageChange')}
        </button>
      </div>
    );
  const items = text.trim() ? (q.data?.items ?? []) : [];
  return (
    <div>
      <input
        {...rest}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('pub.form.villagePh')}
        autoComplete="off"
      />
      {items.length > 0 && (
        <ul className="pub-options" aria-label={t('pub.form.village')}>
          {items.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="pub-btn"
                data-testid="pub-village-option"
                onClick={() => {
                  setChosen(v);
                  onChange(v.id);
                }}
              >
                {villageLabel(v)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {text.trim() && !q.isFetching && q.data && items.length === 0 && (
        <div className="pub-hint">{t('pub.form.villageNone')}</div>
      )}
    </div>
  );
}
