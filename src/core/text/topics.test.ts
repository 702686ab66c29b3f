// Hot-problem topics: the same matter in one topic, different matters apart, traditional and simplified alike, and
// texts that say nothing (one word, punctuation, emoji) left out instead of piling into one giant topic.
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { wordNgrams } from './tfidf.js';
import { phraseText, TopicModel } from './topics.js';

/** A stand-in for jieba (which lives in the server adapters): Han runs as overlapping character pairs, other scripts
 * as words; normalised first, as the pipeline does. */
function terms(text: string): string[] {
  const words: string[] = [];
  for (const run of normalizeText(text).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (/\p{Script=Han}/u.test(run)) {
      for (let i = 0; i + 1 < run.length; i++) words.push(run.slice(i, i + 2));
    } else if (run.length >= 2) words.push(run);
  }
  return wordNgrams(words);
}

const LAMP = '村口路灯坏了三个月，晚上出行很不安全，请尽快维修路灯';
const LAMP2 = '村口的路灯坏了好几个月，晚上出行不安全，希望尽快维修';
const PIGS = '养猪场粪污直排河道，气味难闻，村民反映强烈';
const PIGS2 = '养猪场的粪污直接排进河道，气味难闻';
const SCHOOL = '小学门口上下学时段交通拥堵，没有交警疏导';
const UYGHUR = 'يولدىكى چىراغ بۇزۇلدى 路灯坏了 كەچتە قاراڭغۇ';

function model(texts: string[], batch = false) {
  const m = new TopicModel();
  const items = texts.map((t, i) => ({ id: i + 1, terms: terms(t) }));
  if (batch) m.addMany(items);
  else for (const it of items) m.add(it);
  return m;
}

describe('TopicModel', () => {
  it.each([
    ['identical texts', [LAMP, LAMP, LAMP], [[1, 2, 3]]],
    [
      'the same matter in other words',
      [LAMP, PIGS, LAMP2, PIGS2],
      [
        [1, 3],
        [2, 4],
      ],
    ],
    [
      'traditional and simplified of the same text',
      [LAMP, '村口路燈壞了三個月，晚上出行很不安全，請儘快維修路燈'],
      [[1, 2]],
    ],
    ['mixed Uyghur and Chinese', [UYGHUR, UYGHUR, PIGS], [[1, 2], [3]]],
  ])('%s', (_, texts, groups) => {
    for (const batch of [false, true]) {
      const m = model(texts as string[], batch);
      for (const g of groups as number[][]) {
        const t = m.topicOf(g[0]);
        expect(t).not.toBeNull();
        for (const id of g) expect(m.topicOf(id), `item ${id}`).toBe(t);
      }
      const firsts = (groups as number[][]).map((g) => m.topicOf(g[0]));
      expect(new Set(firsts).size).toBe(firsts.length);
    }
  });

  it('keeps unrelated matters apart', () => {
    const m = model([LAMP, PIGS, SCHOOL]);
    expect(new Set([1, 2, 3].map((id) => m.topicOf(id))).size).toBe(3);
  });

  it('leaves texts that say nothing out of every topic, without crashing', () => {
    const junk = ['', '！！！？？。。。', '😡😡👎', '😡', '水', '路灯', '...', '   ', 'a'];
    const m = model([...junk, ...junk, LAMP, LAMP2]);
    for (let id = 1; id <= junk.length * 2; id++) expect(m.topicOf(id), `item ${id}`).toBeNull();
    expect(m.topicOf(junk.length * 2 + 1)).toBe(m.topicOf(junk.length * 2 + 2));
    expect(m.topicSize(m.topicOf(junk.length * 2 + 1)!)).toBe(2);
    expect(m.size).toBe(junk.length * 2 + 2);
  });

  it('does not pile short, different texts into one giant topic', () => {
    const shorts = ['路灯坏了', '河水发臭', '噪音扰民', '停车太难', '欠薪不发', '网络太慢', '垃圾成堆', '水压不足'];
    const m = model([...shorts, ...shorts]);
    const sizes = new Map<number, number>();
    for (let id = 1; id <= 16; id++) {
      const t = m.topicOf(id);
      if (t !== null) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    }
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(2);
  });

  it('is incremental: a new item joins the existing topic, an added item is not added twice', () => {
    const m = model([LAMP, PIGS]);
    const before = m.topicCount;
    expect(m.add({ id: 3, terms: terms(LAMP2) })).toBe(m.topicOf(1));
    expect(m.add({ id: 3, terms: terms(SCHOOL) })).toBe(m.topicOf(1));
    expect(m.topicCount).toBe(before);
    expect(m.topicSize(m.topicOf(1)!)).toBe(2);
  });

  it('is deterministic', () => {
    const texts = [LAMP, PIGS, LAMP2, SCHOOL, PIGS2, LAMP, UYGHUR];
    const a = model(texts);
    const b = model(texts);
    expect(texts.map((_, i) => a.topicOf(i + 1))).toEqual(texts.map((_, i) => b.topicOf(i + 1)));
  });

  it('names a topic by the phrases its items share, word pairs first', () => {
    const m = model([LAMP, LAMP2, LAMP]);
    const p = m.phrases([1, 2, 3]);
    expect(p.label.length).toBeGreaterThanOrEqual(2);
    expect(p.label.length).toBeLessThanOrEqual(3);
    expect(p.label.join(' ')).toMatch(/路灯|村口|维修/u);
    // The first label phrase is a pair of adjacent words that occur in the items.
    expect(p.label[0].length).toBeGreaterThanOrEqual(3);
    expect(m.phrases([]).label).toEqual([]);
    expect(m.phrases([99]).label).toEqual([]);
  });

  it('joins pairs that run on into one phrase', () => {
    const m = new TopicModel();
    const words = ['附近', '一家', '养猪场', '污水', '直排'];
    for (let id = 1; id <= 3; id++) m.add({ id, terms: wordNgrams([...words, `村${id}`]) });
    expect(m.phrases([1, 2, 3]).label[0]).toMatch(/^(附近)?一家养猪场污水/u);
  });

  it.each([
    ['路灯_坏', '路灯坏'],
    ['bazar_yoli', 'bazar yoli'],
    ['路灯_led', '路灯 led'],
    ['路灯', '路灯'],
  ])('reads %s as %s', (term, text) => {
    expect(phraseText(term)).toBe(text);
  });
});
