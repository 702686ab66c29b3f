// Chinese word segmentation for full-text search and hot topics: one jieba instance per process (bundled dictionary plus
// the domain word list), words stored space-joined in a column and indexed with to_tsvector('simple', …) + GIN.
import { createRequire } from 'node:module';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { DOMAIN_WORDS, NOT_WORDS } from './domain-words.js';
import { KEYWORD_NOISE, STOP_WORDS } from './stop-words.js';

/** A topic word of a text with its TF-IDF weight. */
export interface Keyword {
  word: string;
  weight: number;
}

/** Lowest dictionary frequency of a domain word: keeps 断头路/河长制 whole in context without swallowing neighbours
 * (measured: 20 still lets 各校车都 split, 1000 turns 违建设 into 违建/设; 300 passes both). */
const DOMAIN_WORD_FREQ = 300;
/** Query words beyond this are ignored, so a pasted paragraph cannot build a huge tsquery. */
const MAX_QUERY_TERMS = 16;
/** Longest stored document: keeps to_tsvector under Postgres's 1 MB tsvector limit even for an all-distinct-words text
 * (≈300 KB UTF-8 in, at most ≈2× that as a tsvector); positions past 16,383 are not indexed anyway. */
const MAX_DOCUMENT_CHARS = 100_000;
/** Distinct long words whose sub-words are remembered; the cache is dropped when it grows past this. */
const EXPANSION_CACHE_MAX = 50_000;

const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const HAS_LETTER = /\p{L}/u;
const HAS_HAN = /\p{Script=Han}/u;

interface Engine {
  jieba: Jieba;
  tfidf: TfIdf;
  expansions: Map<string, readonly string[]>;
}

let engine: Engine | null = null;

/** Loads the dictionaries now (≈0.5 s, 11 MB) instead of on the first request; later calls are free. */
export function loadSegmenter(): void {
  getEngine();
}

function getEngine(): Engine {
  if (engine) return engine;
  // The dictionaries are read lazily: importing this module must not cost half a second.
  const { dict, idf } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Buffer; idf: Buffer };
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(domainDictionary(dict.toString('utf8')), 'utf8'));
  engine = { jieba, tfidf: TfIdf.withDict(idf), expansions: new Map() };
  return engine;
}

/** Dictionary lines for the domain words; a word the bundled dictionary already rates higher keeps its frequency. */
function domainDictionary(baseDict: string): string {
  const wanted = new Set(DOMAIN_WORDS);
  const freq = new Map<string, number>();
  let start = 0;
  while (start < baseDict.length) {
    let end = baseDict.indexOf('\n', start);
    if (end < 0) end = baseDict.length;
    const space = baseDict.indexOf(' ', start);
    if (space > start && space < end) {
      const word = baseDict.slice(start, space);
      if (wanted.has(word)) freq.set(word, Number.parseInt(baseDict.slice(space + 1, end), 10) || 0);
    }
    start = end + 1;
  }
  const lines = DOMAIN_WORDS.map((w) => `${w} ${Math.max(DOMAIN_WORD_FREQ, freq.get(w) ?? 0)} n`);
  return [...lines, ...NOT_WORDS.map((w) => `${w} 0 n`)].join('\n');
}

function normalize(text: string): string {
  // NFKC folds full-width letters and digits (ＡＢＣ１２３) so they index like ASCII.
  return text.normalize('NFKC').toLowerCase();
}

/** Splits one jieba token on anything that is not a letter, digit or mark (punctuation, spaces, tsquery operators). */
function wordsOf(token: string): string[] {
  if (!NON_WORD.test(token)) return token ? [token] : [];
  return token.split(NON_WORD).filter(Boolean);
}

function isIndexed(word: string): boolean {
  return !STOP_WORDS.has(word);
}

/** The dictionary words inside a long word (城乡居民养老保险 → 城乡, 居民, 养老, 养老保险, 保险…), cached per word. */
function subWords(e: Engine, word: string): readonly string[] {
  let subs = e.expansions.get(word);
  if (subs) return subs;
  subs = [...new Set(e.jieba.cutAll(word))].filter((w) => w !== word && [...w].length >= 2 && isIndexed(w));
  if (e.expansions.size >= EXPANSION_CACHE_MAX) e.expansions.clear();
  e.expansions.set(word, subs);
  return subs;
}

/** Precise-mode words of a text, lower-cased, without punctuation, whitespace or stop words. */
function preciseWords(e: Engine, text: string): string[] {
  const out: string[] = [];
  for (const token of e.jieba.cut(normalize(text), false)) {
    for (const w of wordsOf(token)) if (isIndexed(w)) out.push(w);
  }
  return out;
}

/**
 * Search-mode words of a text: every precise word, preceded by the dictionary words inside it when it is longer than two
 * characters, so 低保 finds 低保户 and 养老保险 finds 城乡居民养老保险. Lower-case latin, no punctuation or stop words.
 */
export function segment(text: string): string[] {
  const e = getEngine();
  const out: string[] = [];
  for (const w of preciseWords(e, text)) {
    if (w.length > 2 && HAS_HAN.test(w)) out.push(...subWords(e, w));
    out.push(w);
  }
  return out;
}

/** The text to store in the search column: segment() joined by spaces, for to_tsvector('simple', column); whole words
 * only, cut at MAX_DOCUMENT_CHARS so a pasted book cannot make the insert fail. */
export function toSearchDocument(text: string): string {
  const words = segment(text);
  let length = -1;
  let count = 0;
  while (count < words.length && length + 1 + words[count].length <= MAX_DOCUMENT_CHARS)
    length += 1 + words[count++].length;
  return (count === words.length ? words : words.slice(0, count)).join(' ');
}

/** Quotes one word as a tsquery lexeme; words never hold quotes or backslashes after wordsOf(), this is a second fence. */
function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A to_tsquery('simple', …) expression for what a user typed: precise-mode words joined by &, the last one a prefix
 * (`:*`) so a half-typed word still matches. When the input ends in single characters (河长 → 河, 长: an unfinished
 * 河长制) the joined characters are tried as a prefix too. Every word is quoted, so no input can produce a tsquery
 * syntax error. Returns '' when nothing searchable is left (only punctuation or stop words): callers then skip the
 * text condition.
 */
export function toSearchQuery(q: string): string {
  const words = [...new Set(preciseWords(getEngine(), q))].slice(0, MAX_QUERY_TERMS);
  if (words.length === 0) return '';
  let tailStart = words.length;
  while (tailStart > 0 && isSingleHan(words[tailStart - 1])) tailStart--;
  if (words.length - tailStart < 2)
    return words.map((w, i) => quoteLexeme(w) + (i === words.length - 1 ? ':*' : '')).join(' & ');
  const head = words.slice(0, tailStart).map(quoteLexeme);
  const tail = words.slice(tailStart);
  const asWords = `${tail.map(quoteLexeme).join(' & ')}:*`;
  return [...head, `(${asWords} | ${quoteLexeme(tail.join(''))}:*)`].join(' & ');
}

function isSingleHan(word: string): boolean {
  return word.length === 1 && HAS_HAN.test(word);
}

/** A keyword worth showing: two or more Chinese characters, or a latin word of three letters or more (not wi/fi). */
function isTopicWord(word: string): boolean {
  if (NON_WORD.test(word) || STOP_WORDS.has(word) || KEYWORD_NOISE.has(word)) return false;
  return HAS_HAN.test(word) ? [...word].length >= 2 : word.length >= 3 && HAS_LETTER.test(word);
}

/** The topK TF-IDF keywords of a text (domain words included, petition boilerplate such as 问题/希望 left out), best first. */
export function keywords(text: string, topK = 10): Keyword[] {
  if (topK <= 0) return [];
  const e = getEngine();
  // Ask for more than needed: stop words are filtered here, because this binding cannot take a stop-word set.
  const found = e.tfidf.extractKeywords(e.jieba, normalize(text), topK * 3 + 10);
  return found
    .filter((k) => isTopicWord(k.keyword))
    .slice(0, topK)
    .map((k) => ({ word: k.keyword, weight: k.weight }));
}

/** Jaccard similarity (0…1) of two keyword sets, for "similar items"; 0 when both are empty. */
export function similarity(aTokens: Iterable<string>, bTokens: Iterable<string>): number {
  const a = new Set(aTokens);
  const b = new Set(bTokens);
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Precise-mode words of an already normalised text (see core/text normalizeText), for TF-IDF and classification. */
export function words(text: string): string[] {
  return preciseWords(getEngine(), text);
}
