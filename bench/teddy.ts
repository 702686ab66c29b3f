// The real citizen messages of bench/data (2020 Teddy Cup C; source and licence in bench/data/README.md), shared by
// the text benches: loading, the rule-defined same-problem groups, re-typed copies for the larger sets, quantiles.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A message of 附件2 with its official first-level category (text pre-segmented by a contest team). */
export interface Labelled {
  set: 'label';
  n: number;
  category: string;
  text: string;
}

/** A raw message of 附件3, with the team's hot-problem group when it has one. */
export interface Message {
  set: 'problem';
  id: number;
  user: string;
  title: string;
  time: string;
  text: string;
  hotGroup?: number;
}

let cache: { labelled: Labelled[]; messages: Message[] } | null = null;

/** Every row of the sample, read once per process. */
export function loadTeddy(): { labelled: Labelled[]; messages: Message[] } {
  if (!cache) {
    const rows = gunzipSync(readFileSync(new URL('./data/teddy2020c.jsonl.gz', import.meta.url)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Labelled | Message);
    cache = {
      labelled: rows.filter((r): r is Labelled => r.set === 'label'),
      messages: rows.filter((r): r is Message => r.set === 'problem'),
    };
  }
  return cache;
}

/**
 * Same-problem groups by rule (the team's groups are incomplete): a message naming the estate or case and the matter.
 * [name, estate/case, matter].
 */
export const ENTITY_GROUPS: [string, RegExp, RegExp][] = [
  ['丽发新城 mixing plant', /丽发新城/u, /搅拌/u],
  ['伊景园滨河苑 parking bundled', /伊景园|滨河苑/u, /车位/u],
  ['五矿万境K9县 defects', /五矿万境/u, /k9/iu],
  ['58车贷 fraud case', /58车贷/u, /./u],
  ['魅力之城 fumes', /魅力之城/u, /油烟|夜宵|烧烤/u],
  ['人才 house-purchase subsidy', /人才/u, /购房补贴|购房补助/u],
];

/** Message id → rule group name, for the messages in a group. */
export function entityGroups(messages: readonly Message[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of messages) {
    const t = `${m.title}\n${m.text}`;
    const g = ENTITY_GROUPS.find(([, a, b]) => a.test(t) && b.test(t));
    if (g) out.set(m.id, g[0]);
  }
  return out;
}

/**
 * A re-typer with a fixed seed, for sets larger than the sample: sentences split at ，。！？ and spaces, 15 % dropped,
 * the rest shuffled (the text itself when nothing is left).
 */
export function retyper(seed: number): (text: string) => string {
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  return (t) =>
    t
      .split(/(?<=[，。！？\s])/u)
      .filter(() => rand() > 0.15)
      .map((c) => ({ c, k: rand() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c)
      .join('') || t;
}

/** The q-quantile (0…1) of a list of numbers. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
