// Keyboard shortcuts of the inbox on desktops: j/k move the selection, Enter opens it, / focuses the search, ? shows
// the help. Keys typed into a field, or with a modifier, are left alone.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a key event comes from something the user types into (or a control that handles Enter itself). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return !!target.closest('input, textarea, select, [role="combobox"], [role="textbox"]');
}

const onControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('a, button, [role="button"], [role="menuitem"]');

interface Options<T> {
  rows: T[];
  enabled: boolean;
  onOpen: (row: T) => void;
  focusSearch: () => void;
}

/** The selected row index (-1: none) driven by j/k, and the help popover's state. */
export function useInboxKeys<T extends { id: number }>({ rows, enabled, onOpen, focusSearch }: Options<T>) {
  const [cursor, setCursor] = useState(-1);
  const [help, setHelp] = useState(false);
  const latest = useRef({ rows, cursor, onOpen, focusSearch });
  latest.current = { rows, cursor, onOpen, focusSearch };
  // A new page or filter starts without a selection.
  const shown = rows.map((r) => r.id).join(',');
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setCursor(-1);
  }
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTyping(e.target)) return;
      const { rows: list, cursor: at } = latest.current;
      if (e.key === 'j' || e.key === 'k') {
        if (!list.length) return;
        e.preventDefault();
        setCursor(e.key === 'j' ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0));
      } else if (e.key === 'Enter' && at >= 0 && at < list.length && !onControl(e.target)) {
        e.preventDefault();
        latest.current.onOpen(list[at]);
      } else if (e.key === '/') {
        e.preventDefault();
        latest.current.focusSearch();
      } else if (e.key === '?') {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (e.key === 'Escape') setHelp(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
  return { cursor, help, setHelp };
}

const KEYS: [string, string][] = [
  ['j', 'next'],
  ['k', 'prev'],
  ['Enter', 'open'],
  ['/', 'search'],
  ['?', 'help'],
];

/** The "?" button and popover listing the shortcuts. */
export function KeysHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const content = (
    <table data-testid="op-keys-help">
      <tbody>
        {KEYS.map(([key, label]) => (
          <tr key={key}>
            <td style={{ paddingInlineEnd: 12 }}>
              <Typography.Text keyboard>{key}</Typography.Text>
            </td>
            <td>{t(`wb.keys.${label}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover title={t('wb.keys.title')} content={content} open={open} onOpenChange={onOpenChange} trigger="click">
      <Button icon={<QuestionCircleOutlined />} aria-label={t('wb.keys.button')} data-testid="op-keys">
        ?
      </Button>
    </Popover>
  );
}
