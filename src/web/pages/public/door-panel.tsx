// Duplicates at the door on the citizen form: the open items of the township that read like what is being typed
// ("已有 N 人反映此问题"), each with 我也反映这个问题 to join it instead of opening a new matter (undoable), and the
// suggested category as one chip beside the picker. Both stay silent when the server cannot answer.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { typedBody, useTypedLookup } from './door-typed';
import './door.css';

/** One open item as /public/opinions/similar-open shows it (no names, codes or ids: the ref is sealed). */
export interface DoorMatch {
  ref: string;
  title: string;
  status: string;
  peopleCount: number;
  handlingUnit: string | null;
  month: string;
}

function MatchCard({ m, children }: { m: DoorMatch; children: ReactNode }) {
  const { t } = useTranslation();
  // The month stays one left-to-right piece inside a right-to-left sentence (2026-10 never breaks at the dash).
  const month = t('pub.door.month', { month: '\u0001' }).split('\u0001');
  return (
    <li className="pub-door-item" data-testid="pub-door-item">
      <div className="pub-door-title" dir="auto">
        {m.title}
      </div>
      <div className="pub-small">
        {t('pub.door.count', { count: m.peopleCount, stage: t(`pub.stage.${m.status}`) })}
        {m.handlingUnit ? t('pub.door.unit', { unit: m.handlingUnit }) : ''}
        <span className="pub-muted"> · {month[0]}</span>
        <bdi className="pub-muted pub-door-month">{m.month}</bdi>
        <span className="pub-muted">{month[1]}</span>
      </div>
      {children}
    </li>
  );
}

/** The panel under the text: matches while typing; the chosen one stays shown (with 取消并入) whatever is typed next. */
export function DoorPanel(props: {
  title: string;
  content: string;
  regionId?: number;
  followed: DoorMatch | null;
  onFollow: (m: DoorMatch | null) => void;
}) {
  const { t } = useTranslation();
  const body = typedBody(props.title, props.content, props.regionId ? { regionId: props.regionId } : {});
  const data = useTypedLookup<{ items: DoorMatch[] }>('/public/opinions/similar-open', body);
  const { followed, onFollow } = props;
  if (followed)
    return (
      <section className="pub-door pub-door-on" aria-live="polite" data-testid="pub-door">
        <ul className="pub-door-list">
          <MatchCard m={followed}>
            <p className="pub-small pub-door-note" data-testid="pub-door-following">
              {t('pub.door.following')}
            </p>
            <button type="button" className="pub-btn" onClick={() => onFollow(null)} data-testid="pub-door-undo">
              {t('pub.door.undo')}
            </button>
          </MatchCard>
        </ul>
      </section>
    );
  const items = body ? (data?.items ?? []) : [];
  if (!items.length) return null;
  return (
    <section className="pub-door" aria-live="polite" data-testid="pub-door">
      <strong>{t('pub.door.heading')}</strong>
      <p className="pub-small pub-muted" style={{ margin: '4px 0 8px' }}>
        {t('pub.door.intro')}
      </p>
      <ul className="pub-door-list">
        {items.map((m) => (
          <MatchCard key={m.ref} m={m}>
            <button type="button" className="pub-btn" onClick={() => onFollow(m)} data-testid="pub-door-follow">
              {t('pub.door.follow')}
            </button>
          </MatchCard>
        ))}
      </ul>
    </section>
  );
}

interface CategoryNode {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}

/** "可能是：路灯（城乡建设）": the classifier's first category as one tap; hidden once that category is chosen. */
export function CategoryChip(props: { title: string; content: string; value?: number; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const tree = useQuery({
    queryKey: ['pub-categories'],
    queryFn: () => api<{ items: CategoryNode[] }>('/public/categories'),
  });
  const data = useTypedLookup<{ items: { categoryId: number; name: string }[] }>(
    '/public/opinions/suggest-category',
    typedBody(props.title, props.content),
  );
  const top = typedBody(props.title, props.content) ? data?.items[0] : undefined;
  if (!top || top.categoryId === props.value) return null;
  const parent = (tree.data?.items ?? []).find((c) => c.children.some((x) => x.id === top.categoryId));
  // Only a category the picker offers (a top level with children is not pickable).
  if (!parent && !(tree.data?.items ?? []).some((c) => c.id === top.categoryId && !c.children.length)) return null;
  const label = parent ? t('pub.door.categoryIn', { name: top.name, parent: parent.name }) : top.name;
  return (
    <div className="pub-door-chip-row">
      <span className="pub-muted pub-small">{t('pub.door.maybe')}</span>
      <button
        type="button"
        className="pub-door-chip"
        onClick={() => props.onPick(top.categoryId)}
        data-testid="pub-category-chip"
      >
        {label}
      </button>
    </div>
  );
}
