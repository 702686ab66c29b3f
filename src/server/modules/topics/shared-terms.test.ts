// The topic model and the similar-items index segment each item once between them: the index keeps the terms it
// segmented for the topic model, which takes them instead of segmenting again (at 100,000 items the second pass cost
// about 33 s of start-up). Items added later are segmented once too.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/setup/test-app.js';
import type { Database } from '../../db/client.js';
import { keepTermsForTopics, segmentation, similarIndexFor } from '../opinions/text-index.js';
import { topicModelFor } from './model.js';

const open: Database[] = [];
afterAll(async () => {
  for (const d of open) await d.close();
});

let seq = 0;
async function items(database: Database, n: number) {
  for (let i = 0; i < n; i++) {
    seq++;
    await database.db.execute(sql`insert into opinions (tracking_code, title, content, channel)
      values (${`TS${seq}X${Date.now()}`}, ${`村口路灯坏了${seq}`}, '村口到学校的路灯坏了三个月，晚上出行很不安全。', 'letter')`);
  }
}

async function fresh(n: number) {
  const database = await openTestDatabase();
  open.push(database);
  await items(database, n);
  return database;
}

describe('one segmentation per item for the index and the topics', () => {
  it('as the server warms up: index first, then the topics', async () => {
    const database = await fresh(6);
    const before = segmentation.items;
    keepTermsForTopics(database.db);
    await similarIndexFor(database.db);
    const model = await topicModelFor(database.db);
    expect(segmentation.items - before).toBe(6);
    expect(model.size).toBe(6);
  });

  it('when the topics are asked for first, and for items added afterwards', async () => {
    const database = await fresh(4);
    const before = segmentation.items;
    expect((await topicModelFor(database.db)).size).toBe(4);
    expect(segmentation.items - before).toBe(4);
    await items(database, 3);
    expect((await topicModelFor(database.db)).size).toBe(7);
    expect(segmentation.items - before).toBe(7);
    // The index has them all too, without a third pass.
    expect((await similarIndexFor(database.db)).size).toBe(7);
    expect(segmentation.items - before).toBe(7);
  });
});
