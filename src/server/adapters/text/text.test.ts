import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/setup/test-app.js';
import type { Database } from '../../db/client.js';
import { itemFeatures } from './pipeline.js';
import { DEAD_END_ROAD_ROWS, SAMPLE_OPINIONS, SUBSISTENCE_ALLOWANCE_ROWS } from './sample-opinions.js';
import { keywords, segment, similarity, toSearchDocument, toSearchQuery } from './segmenter.js';

const HOSTILE = [
  "a' & | ! ( ) :* \\",
  "断头路' | '1",
  "'); drop table text_search_probe; --",
  '\\',
  ':*',
  '!!!',
  '(低保',
  "低保')|(!",
  '低保 & | 公交',
  "O'Brien",
  '<->',
  "''''",
  '断头路:* & !公交',
];
/** Quoted lexemes of letters, digits and marks only; outside them, nothing but the operators toSearchQuery writes. */
const LEXEME = /'[\p{L}\p{N}\p{M}]+'/gu;
const OPERATORS_ONLY = /^[ &|():*]*$/;

describe('segment', () => {
  it.each(['断头路', '低保', '公交', '养殖污染', '河长制', '新农合', '白茶', '垃圾分类'])(
    'keeps %s as one word',
    (word) => {
      // The query side uses the precise words: one lexeme means jieba did not split it.
      expect(toSearchQuery(word)).toBe(`'${word}':*`);
    },
  );

  it('keeps domain words whole inside sentences', () => {
    expect(segment(SAMPLE_OPINIONS[0])).toContain('断头路');
    expect(segment(SAMPLE_OPINIONS[0])).not.toContain('路');
    expect(segment('低保评定不公开')).toContain('低保');
    expect(segment('镇区到县城的公交车班次太少')).toContain('公交');
    expect(segment('养殖污染严重')).toContain('养殖污染');
    expect(segment('小区路灯不亮')).toEqual(['小区', '路灯', '亮']);
  });

  it('adds the words inside long words, so a short query finds a long word', () => {
    expect(segment('低保户')).toEqual(['低保', '保户', '低保户']);
    expect(segment('养殖污染')).toEqual(expect.arrayContaining(['养殖', '污染', '养殖污染']));
  });

  it('drops punctuation, whitespace and stop words, lower-cases latin and folds full-width characters', () => {
    const words = segment('我们的“公交”！！  很 不方便。\n\tＷｉＦｉ信号差，APP用不了……');
    expect(words).toEqual(['公交', '方便', 'wifi', '信号', '差', 'app', '用', '不了']);
    for (const w of segment(SAMPLE_OPINIONS.join(' '))) expect(w).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    expect(segment('的了吗，。！ ')).toEqual([]);
  });

  it('builds the stored document as space-joined words', () => {
    expect(toSearchDocument('断头路，低保！')).toBe('断头 头路 断头路 低保');
  });
});

describe('toSearchQuery', () => {
  it('joins words with & and makes the last one a prefix', () => {
    expect(toSearchQuery('断头路 公交')).toBe("'断头路' & '公交':*");
    expect(toSearchQuery('  的，。 ')).toBe('');
  });

  it('also tries trailing single characters as the start of one unfinished word', () => {
    expect(toSearchQuery('养殖污染 河长')).toBe("'养殖污染' & ('河' & '长':* | '河长':*)");
  });

  it.each(HOSTILE)('quotes every word of %j', (input) => {
    const q = toSearchQuery(input);
    expect(q.replace(LEXEME, '')).toMatch(OPERATORS_ONLY);
    expect(q).not.toMatch(/[\\!<>]/);
  });
});

describe('search on the database', () => {
  let database: Database;
  const search = async (input: string) => {
    const q = toSearchQuery(input);
    if (q === '') return [];
    const res = await database.db.execute(
      sql`select id from text_search_probe where search_vector @@ to_tsquery('simple', ${q}) order by id`,
    );
    return res.rows.map((r: any) => Number(r.id));
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    await db.execute(sql`create table text_search_probe (
      id int primary key,
      body text not null,
      search_text text not null,
      search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored)`);
    await db.execute(sql`create index text_search_probe_gin on text_search_probe using gin (search_vector)`);
    for (const [id, body] of SAMPLE_OPINIONS.entries()) {
      await db.execute(
        sql`insert into text_search_probe (id, body, search_text) values (${id}, ${body}, ${toSearchDocument(body)})`,
      );
    }
  });
  afterAll(() => database?.close());

  it('finds exactly the 断头路 items, not the washed-out road that mentions 断, 头 and 路', async () => {
    expect(await search('断头路')).toEqual(DEAD_END_ROAD_ROWS);
  });

  it('finds two-character words such as 低保 (and 低保户/低保金), but not 最低保障', async () => {
    expect(await search('低保')).toEqual(SUBSISTENCE_ALLOWANCE_ROWS);
    expect(await search('校车')).toEqual([7]);
    expect(await search('公交')).toEqual([1, 6]);
  });

  it('matches a half-typed last word as a prefix and needs every word', async () => {
    expect(await search('断头')).toEqual(DEAD_END_ROAD_ROWS);
    expect(await search('断头路 公交')).toEqual([1]);
    expect(await search('养殖污染 河长')).toEqual([8]);
    expect(await search('wifi')).toEqual([21]);
  });

  it('runs every hostile input without a SQL error', async () => {
    for (const input of HOSTILE) await expect(search(input)).resolves.toBeInstanceOf(Array);
    expect(await search("低保')|(!")).toEqual(SUBSISTENCE_ALLOWANCE_ROWS);
  });

  it('the same input passed raw would break to_tsquery, so the escaping matters', async () => {
    await expect(database.db.execute(sql`select to_tsquery('simple', ${"a' & | ! ( ) :* \\"})`)).rejects.toThrow();
  });

  it('caps a huge document so to_tsvector stays under the 1 MB tsvector limit', async () => {
    const distinct = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const doc = toSearchDocument(distinct);
    expect(doc.length).toBeLessThanOrEqual(100_000);
    expect(doc.split(' ').at(-1)).toMatch(/^w[0-9a-z]+x$/);
    const res = await database.db.execute(sql`select length(to_tsvector('simple', ${doc})) as n`);
    expect(Number((res.rows[0] as any).n)).toBeGreaterThan(10_000);
    await expect(database.db.execute(sql`select to_tsvector('simple', ${distinct})`)).rejects.toThrow();
  });

  it('uses the GIN index', async () => {
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const res = await tx.execute(
        sql`explain select id from text_search_probe where search_vector @@ to_tsquery('simple', ${toSearchQuery('低保')})`,
      );
      return res.rows.map((r: any) => String(r['QUERY PLAN'])).join('\n');
    });
    expect(plan).toContain('text_search_probe_gin');
  });
});

describe('keywords and similarity', () => {
  it('returns the domain terms of a text, not petition boilerplate', () => {
    const env = keywords(SAMPLE_OPINIONS[8], 5).map((k) => k.word);
    expect(env).toEqual(expect.arrayContaining(['养殖污染', '河长制']));
    const tea = keywords(SAMPLE_OPINIONS[17], 6).map((k) => k.word);
    expect(tea).toEqual(expect.arrayContaining(['白茶', '茶农', '农业帮扶']));
    const all = SAMPLE_OPINIONS.flatMap((t) => keywords(t, 8).map((k) => k.word));
    for (const noise of ['问题', '希望', '反映', '建议', '群众']) expect(all).not.toContain(noise);
    expect(keywords('', 5)).toEqual([]);
    expect(keywords(SAMPLE_OPINIONS[0], 0)).toEqual([]);
  });

  it('orders keywords by weight', () => {
    const ks = keywords(SAMPLE_OPINIONS[1], 8);
    expect(ks.length).toBeGreaterThan(3);
    for (let i = 1; i < ks.length; i++) expect(ks[i - 1].weight).toBeGreaterThanOrEqual(ks[i].weight);
  });

  it('scores keyword overlap with Jaccard', () => {
    expect(similarity(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(similarity(['a', 'a'], ['a'])).toBe(1);
    expect(similarity([], [])).toBe(0);
    const kw = (i: number) => keywords(SAMPLE_OPINIONS[i], 8).map((k) => k.word);
    expect(similarity(kw(0), kw(1))).toBeGreaterThan(similarity(kw(0), kw(17)));
  });
});

describe('itemFeatures', () => {
  it('recovers a name the segmenter splits into single characters, and keeps the title words as the title field', () => {
    const f = itemFeatures('A2区丽发新城附近修建搅拌厂', '丽发新城小区旁边建搅拌站，噪音扰民。');
    expect(f.names).toEqual(expect.arrayContaining(['丽发', '丽发_新城']));
    expect(f.terms).not.toContain('丽发');
    expect(f.title).toEqual(['a2', '丽发', '新城', '附近', '修建', '搅拌']);
  });

  it.each([
    ['an empty title', '', '路灯坏了'],
    ['only punctuation', '！！！', '？？？'],
  ])('has an empty title field for %s', (_, title, content) => {
    expect(itemFeatures(title, content).title).toEqual([]);
  });
});
