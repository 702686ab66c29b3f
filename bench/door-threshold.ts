// `npx tsx bench/door-threshold.ts`: the cut-off of the citizen form's "已有人反映" list (opinions/door.ts
// PUBLIC_MIN_COSINE), measured on the 4,326 real messages of bench/data. For the 172 messages of the 6 rule-defined
// same-problem groups (bench/teddy.ts ENTITY_GROUPS): how often the list shows at least one same-group item and which
// share of what it shows is same-group; for every other message, how often the list shows anything (an upper bound on
// false alarms: those messages hold unlabelled duplicates). Queried with the title only (as typed first) and in full.
import { SimilarIndex } from '../src/core/text/index.js';
import { itemFeatures } from '../src/server/adapters/text/pipeline.js';
import { loadSegmenter } from '../src/server/adapters/text/segmenter.js';
import { entityGroups, loadTeddy } from './teddy.js';

loadSegmenter();
const msgs = loadTeddy().messages;
const group = entityGroups(msgs);
const idx = new SimilarIndex();
const feats = new Map<number, any>();
for (const m of msgs) {
  const f = itemFeatures(m.title, m.text);
  feats.set(m.id, f);
  idx.add(m.id, f);
}
// typed-as-they-arrive: title only (what a citizen typed first) and title+content
for (const mode of ['title', 'full'] as const) {
  for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    let q = 0,
      found = 0,
      shown = 0,
      right = 0,
      ungroupedShown = 0,
      ungroupedQ = 0;
    for (const m of msgs) {
      const f = mode === 'title' ? itemFeatures(m.title, '') : feats.get(m.id);
      const hits = idx.query(f, { exclude: new Set([m.id]), limit: 5, minScore: t });
      if (group.has(m.id)) {
        q++;
        if (hits.some((h) => group.get(h.id) === group.get(m.id))) found++;
        shown += hits.length;
        right += hits.filter((h) => group.get(h.id) === group.get(m.id)).length;
      } else {
        ungroupedQ++;
        if (hits.length) ungroupedShown++;
      }
    }
    console.log(
      mode,
      t,
      `grouped queries ${q}: ≥1 same-group shown ${((found / q) * 100).toFixed(1)}%, precision of shown ${((right / Math.max(1, shown)) * 100).toFixed(1)}% (${shown}); ungrouped with any match ${((ungroupedShown / ungroupedQ) * 100).toFixed(1)}%`,
    );
  }
}
