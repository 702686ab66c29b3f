// The text pipeline as the server runs it: core's normalisation (full/half width, traditional → simplified, numerals),
// jieba with the domain dictionary and stop words, then word 1–2-grams for TF-IDF and the classifier.
import { normalizeText, type TextFeatures, wordNgrams } from '../../../core/text/index.js';
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

/** Features of an item: its title counted twice (it names the matter) and its content, as words and word pairs. */
export function itemFeatures(title: string, content: string): TextFeatures {
  const normalized = normalizeText(`${title}\n${content}`.slice(0, MAX_CHARS));
  const titleWords = words(normalizeText(title)).filter(isFeatureWord);
  const bodyWords = words(normalized).filter(isFeatureWord);
  return { normalized, terms: [...wordNgrams(titleWords), ...wordNgrams(bodyWords)] };
}
