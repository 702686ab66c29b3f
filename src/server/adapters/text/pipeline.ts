// The text pipeline as the server runs it: core's normalisation (full/half width, traditional → simplified, numerals),
// jieba with the domain dictionary and stop words, then word 1–2-grams for TF-IDF and the classifier.
import { joinLoneChars, normalizeText, type TextFeatures, wordNgrams } from '../../../core/text/index.js';
import { words } from './segmenter.js';

/** Characters of a message read for similarity and categories: the matter is stated at the start. */
const MAX_CHARS = 3000;
const HAS_HAN = /\p{Script=Han}/u;

/** A word worth a feature: not a lone Chinese character (的 is gone already, 坏/修 say little alone), not one letter. */
function isFeatureWord(w: string): boolean {
  return HAS_HAN.test(w) ? w.length >= 2 : w.length >= 2 || /\p{N}/u.test(w);
}

/** Normalised, segmented words of a text (stop words removed). */
export function textWords(text: string): string[] {
  return words(normalizeText(text.slice(0, MAX_CHARS))).filter(isFeatureWord);
}

/** The words of a normalised text, and the same with the names the segmenter broke into single characters joined back
 * (丽 发 新城 → 丽发 新城, where the lone characters alone would be dropped). */
function featureWords(normalized: string): { plain: string[]; joined: string[] } {
  const all = words(normalized);
  return { plain: all.filter(isFeatureWord), joined: joinLoneChars(all).filter(isFeatureWord) };
}

/** The word 1–2-grams of `joined` that `plain` lacks: the recovered names and their pairs. */
function recovered(plain: string[], joined: string[]): string[] {
  const have = new Set(wordNgrams(plain));
  return wordNgrams(joined).filter((t) => !have.has(t));
}

/** Features of an item: its title counted twice (it names the matter) and its content, as words and word pairs; the
 * recovered names as extra terms of the similar-items index (topics and categories read `terms` only); the title's
 * words as the title field. */
export function itemFeatures(title: string, content: string): TextFeatures {
  const normalized = normalizeText(`${title}\n${content}`.slice(0, MAX_CHARS));
  const t = featureWords(normalizeText(title));
  const b = featureWords(normalized);
  return {
    normalized,
    terms: [...wordNgrams(t.plain), ...wordNgrams(b.plain)],
    names: [...recovered(t.plain, t.joined), ...recovered(b.plain, b.joined)],
    title: t.joined,
  };
}
