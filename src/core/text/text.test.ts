// The pure text pipeline: normalisation, signatures, TF-IDF, the similar-items index, the classifier and the metrics,
// on the inputs citizens really send (traditional characters, Uyghur mixed with Chinese, one word, a pasted letter,
// nothing but punctuation or emoji).
import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  blendScore,
  chineseNumeralValue,
  cosine,
  estimateJaccard,
  joinLoneChars,
  macroF1,
  minhashSignature,
  normalizeText,
  SimilarIndex,
  TextClassifier,
  tfidfVector,
  titleKey,
  Vocabulary,
  wordNgrams,
} from './index.js';

const LONG = '村口路灯坏了，晚上出行很不安全。'.repeat(5000);
const UYGHUR = 'يولدىكى چىراغ بۇزۇلدى 路灯坏了 كەچتە قاراڭغۇ';

describe('normalizeText', () => {
  it.each([
    ['traditional characters', '請盡快維修路燈，謝謝', '请尽快维修路灯,谢谢'],
    ['traditional place words', '臺灣同胞反映頭髮店噪音', '台湾同胞反映头发店噪音'],
    ['full-width latin and digits', 'ＡＢＣ小区１２３号楼', 'abc小区123号楼'],
    ['ideographic spaces', '路灯\u3000\u3000坏了  \n 三天', '路灯 坏了 三天'],
    ['counts in Chinese numerals', '三十二户村民，二〇一九年起', '32户村民,2019年起'],
    ['single numerals stay words', '一楼的一些住户', '一楼的一些住户'],
    ['mixed Uyghur and Chinese keeps both scripts', UYGHUR, UYGHUR.normalize('NFKC')],
    ['only punctuation', '！！！？？。。。', '!!!??。。。'],
    ['only emoji', '😡😡👎', '😡😡👎'],
    ['one character', '水', '水'],
    ['empty', '', ''],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('handles a very long message in one pass', () => {
    const out = normalizeText(LONG);
    expect(out.length).toBe(LONG.length);
    expect(out.startsWith('村口路灯坏了,')).toBe(true);
  });
});

describe('chineseNumeralValue', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['三十二', 32],
    ['一百零五', 105],
    ['两千', 2000],
    ['二〇一九', 2019],
    ['三个', null],
  ])('%s → %s', (text, value) => {
    expect(chineseNumeralValue(text)).toBe(value);
  });
});

describe('minhashSignature', () => {
  it.each([
    ['only punctuation', '!!!???。。。'],
    ['only emoji', '😡😡👎👎'],
    ['three characters', '路灯坏'],
    ['empty', ''],
  ])('has no signature for %s', (_, text) => {
    expect(minhashSignature(normalizeText(text))).toBeNull();
  });

  it('sees a re-typed message (traditional, other punctuation) as the same text', () => {
    const a = minhashSignature(normalizeText('村口的路灯坏了三个月，晚上出行很不安全，请尽快维修。'))!;
    const b = minhashSignature(normalizeText('村口的路燈壞了三個月!!晚上出行很不安全 請盡快維修'))!;
    const c = minhashSignature(normalizeText('学校门口的道路积水严重，学生上学要绕路，希望修排水沟。'))!;
    expect(estimateJaccard(a, b)).toBe(1);
    expect(estimateJaccard(a, c)).toBeLessThan(0.2);
  });

  it('signs a very long message and mixed Uyghur/Chinese text', () => {
    expect(minhashSignature(normalizeText(LONG))).toHaveLength(64);
    expect(minhashSignature(normalizeText(UYGHUR))).toHaveLength(64);
  });
});

describe('TF-IDF', () => {
  it('weighs rare words above common ones and scores identical texts 1', () => {
    const vocab = new Vocabulary();
    for (const d of ['路灯 坏 村口', '路灯 安装 学校', '路灯 维修 小区', '积水 道路 学校'])
      vocab.addDocument(d.split(' '));
    const v = tfidfVector(vocab.countTerms(['路灯', '村口']), vocab);
    const [common, rare] = [vocab.idOf('路灯', false), vocab.idOf('村口', false)];
    expect(v.get(rare)!).toBeGreaterThan(v.get(common)!);
    expect(cosine(v, v)).toBeCloseTo(1, 10);
    expect(tfidfVector(vocab.countTerms(['未知']), vocab).size).toBe(0);
  });

  it('adds word pairs', () => {
    expect(wordNgrams(['路灯', '不', '亮'])).toEqual(['路灯', '不', '亮', '路灯_不', '不_亮']);
    expect(wordNgrams([])).toEqual([]);
  });
});

describe('joinLoneChars', () => {
  it.each([
    ['a name split into single characters', ['丽', '发', '新城', '小区'], ['丽发', '新城', '小区']],
    ['a run at the end', ['投诉', '润', '芳', '园'], ['投诉', '润芳园']],
    ['a unit after a code starts no name', ['a2', '区', '丽', '发', '新城'], ['a2', '区', '丽发', '新城']],
    ['a unit after digits', ['12', '万', '车位'], ['12', '万', '车位']],
    ['a lone character stays alone', ['路灯', '坏', '三天'], ['路灯', '坏', '三天']],
    ['latin letters are not joined', ['a', 'b', '小区'], ['a', 'b', '小区']],
    ['Uyghur words pass through', ['يول', '灯', '坏'], ['يول', '灯坏']],
    ['empty', [], []],
  ])('%s', (_, words, expected) => {
    expect(joinLoneChars(words)).toEqual(expected);
  });
});

describe('titleKey and blendScore', () => {
  it.each([
    ['the same words in order match', ['伊景园', '捆绑', '车位'], ['伊景园', '捆绑', '车位'], true],
    ['another order does not', ['伊景园', '捆绑', '车位'], ['车位', '捆绑', '伊景园'], false],
    ['word boundaries count', ['ab', 'c', 'd'], ['a', 'bc', 'd'], false],
  ])('%s', (_, a, b, same) => {
    expect(titleKey(a) === titleKey(b)).toBe(same);
    expect(titleKey(a)).not.toBe(0);
  });

  it('gives no key to a missing or too short title', () => {
    expect(titleKey(undefined)).toBe(0);
    expect(titleKey(['环境', '污染'])).toBe(0);
  });

  it.each([
    ['no title: the text cosine', 0.4, null, false, 0.4],
    ['titles blended at 15 %', 0.4, 1, false, 0.49],
    ['the same title closes half the gap to 1', 0.4, 1, true, 0.745],
    ['never above 1', 1, 1, true, 1],
    ['nothing in common', 0, 0, false, 0],
  ])('%s', (_, cos, titleCos, same, expected) => {
    expect(blendScore(cos, titleCos, same)).toBeCloseTo(expected, 10);
  });
});

/** Tests segment by spaces: jieba lives in the server adapter. */
const features = (text: string) => ({
  terms: wordNgrams(
    normalizeText(text)
      .split(/[\s,.!?。]+/u)
      .filter(Boolean),
  ),
  normalized: normalizeText(text),
});

describe('SimilarIndex', () => {
  const items: [number, string][] = [
    [1, '丽发新城 小区 搅拌站 噪音 扰民'],
    [2, '丽发新城 搅拌站 粉尘 噪音 夜间 施工'],
    [3, '学校 门口 道路 积水 严重'],
    [4, '伊景园 滨河苑 捆绑 销售 车位'],
    [5, '村口 路灯 坏了 三个月'],
  ];
  const build = () => {
    const index = new SimilarIndex();
    for (const [id, text] of items) index.add(id, features(text));
    return index;
  };

  it('ranks the same matter first and never returns the item itself', () => {
    const hits = build().query(features('丽发新城 搅拌站 噪音'), { exclude: new Set([1]) });
    expect(hits[0].id).toBe(2);
    expect(hits.map((h) => h.id)).not.toContain(1);
  });

  it('finds a re-post typed in traditional characters first, flagged as a re-post', () => {
    const index = build();
    index.add(6, features('我们村口的路灯已经坏了整整三个月，晚上出行很不安全，请有关部门尽快维修'));
    const hits = index.query(features('我們村口的路燈已經壞了整整三個月，晚上出行很不安全，請有關部門儘快維修！'));
    expect(hits[0]).toMatchObject({ id: 6, isRepost: true });
  });

  it('ranks a re-post with the same title and a rewritten body above a message sharing only a form template', () => {
    const index = new SimilarIndex();
    const template = '被举报企业 事实理由 每天 晚上 鬼哭狼嚎 深夜 噪音';
    const item = (title: string, body: string) => ({ ...features(`${title} ${body}`), title: title.split(' ') });
    index.add(1, item('柏家塘 小区 私营 ktv 扰民', `${template} 柏家塘 音乐吧`));
    index.add(2, item('柏家塘 小区 私营 ktv 扰民', '作为 外来 青年 工作 两年 最近 搬家 晚上 无法 休息'));
    index.add(3, item('燕联 小区 ktv 噪音', `${template} 燕联 醉开心`));
    for (let id = 10; id < 20; id++) index.add(id, item(`其他 事项 ${id}`, `道路 积水 ${id} 学校 门口`));
    const hits = index.query(item('柏家塘 小区 私营 ktv 扰民', `${template} 柏家塘 音乐吧`), { exclude: new Set([1]) });
    expect(hits[0].id).toBe(2);
  });

  it.each([
    ['only punctuation', '！！！？？？'],
    ['only emoji', '😡😡😡'],
    ['empty', ''],
  ])('returns nothing for %s', (_, text) => {
    expect(build().query(features(text))).toEqual([]);
  });

  it('drops removed items and honours the visibility filter', () => {
    const index = build();
    index.remove(2);
    expect(index.query(features('丽发新城 搅拌站')).map((h) => h.id)).toEqual([1]);
    expect(index.query(features('丽发新城 搅拌站'), { accept: (id) => id !== 1 })).toEqual([]);
    expect(index.size).toBe(4);
  });

  it('indexes mixed Uyghur/Chinese and very long texts', () => {
    const index = build();
    index.add(7, features(UYGHUR));
    index.add(8, features(LONG));
    expect(index.query(features('路灯坏了 چىراغ'))[0].id).toBe(7);
    expect(index.query(features(LONG), { limit: 1 })[0].id).toBe(8);
  });
});

describe('TextClassifier', () => {
  const keywords = { 城乡建设: ['路灯', '道路'], 环境保护: ['噪音', '污染'], 教育文体: ['学校', '学生'] };

  it('suggests from category keywords before anything is learned', () => {
    const c = new TextClassifier({ keywords });
    expect(c.predict(['村口', '路灯', '坏'])[0].label).toBe('城乡建设');
    expect(c.predict(['工地', '噪音'])[0].label).toBe('环境保护');
  });

  it('learns a correction and gives probabilities that sum to one', () => {
    const c = new TextClassifier({ keywords });
    for (let i = 0; i < 5; i++) c.learn(['校车', '超载'], '交通运输');
    const top = c.predict(['校车', '超载'], 10);
    expect(top[0].label).toBe('交通运输');
    expect(top.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 6);
  });

  it('trains in a batch and separates the categories it has seen', () => {
    const c = new TextClassifier();
    c.train([
      { terms: ['路灯', '坏'], label: 'a' },
      { terms: ['路灯', '不亮'], label: 'a' },
      { terms: ['学校', '收费'], label: 'b' },
      { terms: ['学校', '食堂'], label: 'b' },
    ]);
    expect(c.predict(['路灯'])[0].label).toBe('a');
    expect(c.predict(['学校'])[0].label).toBe('b');
    expect(c.predict([])).toHaveLength(2);
  });
});

describe('metrics', () => {
  it('computes macro-F1 as scikit-learn does', () => {
    expect(macroF1(['a', 'a', 'b', 'b'], ['a', 'a', 'b', 'b'])).toBe(1);
    // a: P 1/2 R 1/2 → ½; b: same → ½
    expect(macroF1(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b'])).toBeCloseTo(0.5, 10);
  });

  it('computes the adjusted Rand index', () => {
    expect(adjustedRandIndex([1, 1, 2, 2], ['x', 'x', 'y', 'y'])).toBe(1);
    // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714…
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 8);
  });
});
