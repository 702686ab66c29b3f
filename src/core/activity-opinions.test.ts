// Splitting a record card's opinions into items: numbered lists, plain lines, stable keys, short titles.
import { describe, expect, it } from 'vitest';
import { isOpinionKey, splitActivityOpinions, TITLE_MAX, titleOf } from './activity-opinions';

describe('splitActivityOpinions', () => {
  it('takes every non-empty line as one opinion when nothing is numbered', () => {
    const xs = splitActivityOpinions('村口道路坑洼，雨天积水严重。\n\n  自来水水压不足  \n');
    expect(xs.map((x) => x.text)).toEqual(['村口道路坑洼，雨天积水严重。', '自来水水压不足']);
    expect(xs.every((x) => isOpinionKey(x.key))).toBe(true);
  });

  it('starts an opinion at each marker and keeps unmarked lines with the one before', () => {
    const xs = splitActivityOpinions('1、路灯坏了\n已经三个月。\n（2）垃圾清运不及时\n③ 缺少健身器材');
    expect(xs.map((x) => x.text)).toEqual(['路灯坏了\n已经三个月。', '垃圾清运不及时', '缺少健身器材']);
  });

  it('keeps a key while the words stay, whatever the numbering or spacing', () => {
    const [a] = splitActivityOpinions('1. 路灯坏了');
    const [b] = splitActivityOpinions('路灯坏了');
    const [c] = splitActivityOpinions('路灯坏了。');
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(b.key);
  });

  it('numbers repeats of the same words within one text', () => {
    const xs = splitActivityOpinions('路灯坏了\n路灯坏了');
    expect(xs[1].key).toBe(`${xs[0].key}-2`);
    expect(isOpinionKey(xs[1].key)).toBe(true);
  });

  it('derives a short title from the first sentence', () => {
    expect(titleOf('村口道路坑洼，雨天积水严重。希望尽快修复。')).toBe('村口道路坑洼，雨天积水严重');
    const long = titleOf('这是一段很长很长的意见没有任何标点符号一直写下去直到超过三十个字为止还在继续写');
    expect([...long]).toHaveLength(TITLE_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(splitActivityOpinions('')).toEqual([]);
  });
});
