// Small display pieces shared by the activity pages and the home (kept apart from the list page, so the home's chunk
// does not carry the list's table and filters).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../lookups';

const STATUS_COLOR: Record<string, string> = {
  pending: 'default',
  in_progress: 'processing',
  done: 'success',
  reported: 'purple',
};

/** A short "张三、李四 等5人" list of names. */
export function names(xs: Array<{ name: string }>, t: (k: string, o?: any) => string, max = 3) {
  const head = xs
    .slice(0, max)
    .map((x) => x.name)
    .join(t('field.sep'));
  return xs.length > max ? t('field.activity.andMore', { names: head, count: xs.length }) : head;
}

/** The handling status as a coloured tag. */
export function StatusTag({ code }: { code: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[code]}>{codeLabel(t, 'status', code)}</Tag>;
}
