// The opinions heard in a contact activity: the card's one text field split into separate opinions, each with a key
// that stays the same while its words do, so the phone and the server agree on which opinion became which item.

/** One opinion heard in an activity. */
export interface HeardOpinion {
  /** 8 hex digits of the opinion's words (FNV-1a), "-2", "-3"… for repeats within the same text. */
  key: string;
  /** A short title for the 社情民意 item: the first sentence, at most TITLE_MAX characters. */
  title: string;
  /** The opinion as written, without its list marker. */
  text: string;
}

/** Longest derived title; an item's title may be longer, but a list of items reads best with short ones. */
export const TITLE_MAX = 30;

// 1. 1、 1) (1) （1） ① 一、 - • · * at the start of a line.
const MARKER =
  /^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[.、．)）:：]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|[-•·*])\s*/;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** FNV-1a over the UTF-16 code units: the same 8 hex digits in the browser and on the server. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The first sentence of the first line, cut to TITLE_MAX characters with an ellipsis. */
export function titleOf(text: string): string {
  const one = squash(text.trim().split('\n')[0] ?? '');
  const sentence = one.split(/(?<=[。！？；!?;])/)[0]?.replace(/[。！？；!?;，,、\s]+$/, '') || one;
  const chars = [...sentence];
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : sentence;
}

/**
 * Splits the card's opinions text: when lines are numbered or bulleted, each marker starts an opinion and unmarked
 * lines continue the one before; otherwise every non-empty line is one opinion.
 */
export function splitActivityOpinions(text: string): HeardOpinion[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const marked = lines.some((l) => MARKER.test(l));
  const parts: string[] = [];
  for (const line of lines) {
    if (!marked || MARKER.test(line) || parts.length === 0) parts.push(line.replace(MARKER, ''));
    else parts[parts.length - 1] += `\n${line}`;
  }
  const seen = new Map<string, number>();
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const base = fnv1a(squash(p));
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { key: n === 1 ? base : `${base}-${n}`, title: titleOf(p), text: p };
    });
}

/** Whether a string has the shape of a key (what the API accepts). */
export const isOpinionKey = (s: string) => /^[0-9a-f]{8}(?:-\d{1,3})?$/.test(s);
