// Chinese segmentation throughput (chars/s) on ~1 M characters of opinion-like text: segment() on the whole text,
// toSearchDocument() and keywords() item by item, against jieba's bare precise cut. Usage: tsx bench/segment.ts [chars]
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { DOMAIN_WORDS } from '../src/server/adapters/text/domain-words.js';
import { SAMPLE_OPINIONS } from '../src/server/adapters/text/sample-opinions.js';
import { keywords, loadSegmenter, segment, toSearchDocument } from '../src/server/adapters/text/segmenter.js';
import { median, since } from './bench-app.js';

const TARGET_CHARS = Number(process.argv[2] ?? 1_000_000);
const RUNS = 5;

/** Deterministic pseudo-random numbers, so every run segments the same text. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** Opinions rebuilt from shuffled sentence pieces, domain words and numbers, so the text is not one paragraph repeated. */
function buildItems(): string[] {
  const rand = prng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const pieces = SAMPLE_OPINIONS.flatMap((t) => t.split(/(?<=[，。；！？])/u));
  const items: string[] = [];
  let total = 0;
  while (total < TARGET_CHARS) {
    const n = 3 + Math.floor(rand() * 6);
    let item = `${pick(DOMAIN_WORDS)}问题：`;
    for (let i = 0; i < n; i++)
      item += pick(pieces) + (rand() < 0.3 ? `涉及${Math.floor(rand() * 500)}户${pick(DOMAIN_WORDS)}。` : '');
    items.push(item);
    total += item.length;
  }
  return items;
}

function rate(chars: number, ms: number): string {
  return `${(chars / (ms / 1000) / 1e6).toFixed(2)} M chars/s`;
}

function timeIt(fn: () => void): { first: number; median: number } {
  const t0 = performance.now();
  fn();
  const first = since(t0);
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    xs.push(since(t));
  }
  return { first, median: median(xs) };
}

function main() {
  const items = buildItems();
  const text = items.join('\n');
  const bytes = Buffer.byteLength(text, 'utf8');
  console.log(
    `segment: ${text.length.toLocaleString()} chars (${(bytes / 1048576).toFixed(2)} MiB UTF-8), ${items.length} items`,
  );

  let t0 = performance.now();
  loadSegmenter();
  console.log(`  load dictionaries + domain words: ${since(t0).toFixed(0)} ms`);

  const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Buffer };
  t0 = performance.now();
  const bare = Jieba.withDict(dict);
  console.log(`  (bare jieba load: ${since(t0).toFixed(0)} ms)`);

  const runs: [string, () => void][] = [
    ['jieba.cut, whole text (baseline)', () => bare.cut(text, false)],
    ['segment(), whole text', () => segment(text)],
    [
      'toSearchDocument(), per item',
      () => {
        for (const t of items) toSearchDocument(t);
      },
    ],
    [
      'keywords(·, 8), per item',
      () => {
        for (const t of items) keywords(t, 8);
      },
    ],
  ];
  for (const [label, fn] of runs) {
    const r = timeIt(fn);
    console.log(
      `  ${label.padEnd(36)} ${rate(text.length, r.median)}  (median of ${RUNS}; first run ${rate(text.length, r.first)})`,
    );
  }
}

main();
