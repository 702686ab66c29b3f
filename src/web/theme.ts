// The look both web entries share: antd theme tokens and the CSS beside them (theme.css). One place for what makes
// the app readable on a village phone: 16 px body text and 14 px secondary text on phones, grey text at ≥ 4.5:1
// contrast, 44 px touch targets, a visible focus ring (theme.css) and the remembered larger-text setting (130 %).
import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';
import './numbers.css';
import './theme.css';

/**
 * Colours every screen shares. antd's defaults put grey secondary text at 3.36:1 and links at 4.1:1 on white; these
 * are ≥ 4.5:1 (WCAG AA) on white and on antd's light grey backgrounds.
 */
const colours = {
  colorPrimary: '#b71c1c',
  colorLink: '#0b54c9',
  colorError: '#c41d1f',
  colorSuccess: '#237804',
  colorWarning: '#874d00',
  colorInfo: '#0958d9',
  // antd derives the fills from the seed; from these darker seeds they come out grey, so keep antd's light fills.
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorInfoBg: '#e6f4ff',
  colorInfoBorder: '#91caff',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  borderRadius: 6,
};

/** antd theme of the staff app and the citizens' pages (desktop sizes). */
export const appTheme: ThemeConfig = { token: colours };

/** The theme for a screen: phone sizes under 768 px, every text size × 1.3 with the larger-text setting. */
export function themeFor(opts: { phone: boolean; large: boolean }): ThemeConfig {
  const k = opts.large ? 1.3 : 1;
  const base = opts.phone ? 16 : 14;
  const px = (n: number) => Math.round(n * k);
  return {
    token: {
      ...colours,
      fontSize: px(base),
      fontSizeSM: px(opts.phone ? 14 : 12),
      fontSizeLG: px(base + 2),
      fontSizeXL: px(base + 4),
      fontSizeHeading1: px(opts.phone ? 30 : 38),
      fontSizeHeading2: px(opts.phone ? 26 : 30),
      fontSizeHeading3: px(opts.phone ? 22 : 24),
      fontSizeHeading4: px(opts.phone ? 19 : 20),
      fontSizeHeading5: px(base + 1),
      ...(opts.phone ? { controlHeight: 44, controlHeightLG: 50, controlHeightSM: 36 } : {}),
    },
    components: opts.phone ? { Pagination: { itemSize: 44, itemSizeSM: 36 } } : undefined,
  };
}

const PHONE_QUERY = '(max-width: 767.98px)';
const SCALE_KEY = 'jl.textScale';
const listeners = new Set<() => void>();

function subscribe(fn: () => void) {
  listeners.add(fn);
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener('change', fn);
  return () => {
    listeners.delete(fn);
    mq.removeEventListener('change', fn);
  };
}

/**
 * antd tables keep an aria-hidden measuring row that copies the header (select-all checkbox included), which a keyboard
 * could still reach: make such rows inert wherever they appear.
 */
function inertMeasureRows() {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  const fix = () => {
    for (const el of document.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])')) el.inert = true;
  };
  new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true });
}
inertMeasureRows();

/** Whether the larger-text setting is on (remembered on this device). */
export function isLargeText() {
  try {
    return localStorage.getItem(SCALE_KEY) === 'large';
  } catch {
    return false;
  }
}

/** Turns the larger-text setting on or off and remembers it. */
export function setLargeText(on: boolean) {
  try {
    if (on) localStorage.setItem(SCALE_KEY, 'large');
    else localStorage.removeItem(SCALE_KEY);
  } catch {}
  applyRootScale();
  for (const fn of listeners) fn();
}

/** The root font size follows the setting too, so rem-based CSS (theme.css, public.css) scales with antd. */
function applyRootScale() {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.textScale = isLargeText() ? 'large' : 'normal';
}
applyRootScale();

/** [larger text on, toggle] for a settings switch. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const large = useSyncExternalStore(subscribe, isLargeText, () => false);
  return [large, setLargeText];
}

/** The theme for this screen and setting, following width changes and the larger-text switch. */
export function useAppTheme(): ThemeConfig {
  const phone = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
  const large = useSyncExternalStore(subscribe, isLargeText, () => false);
  // The two booleans select one of four stable objects, so ConfigProvider does not rebuild its styles per render.
  const key = `${phone}-${large}`;
  themes[key] ??= themeFor({ phone, large });
  return themes[key];
}
const themes: Record<string, ThemeConfig> = {};
