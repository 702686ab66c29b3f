// Cross-record search: 社情民意 items by full text, members and representatives by name/pinyin, each scoped by the
// list service that owns it (nothing here decides who sees what).
import { toSearchQuery } from '../../adapters/text/segmenter.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { listMembers } from '../members/service.js';
import { listOpinions } from '../opinions/read.js';
import { listRepresentatives } from '../representatives/service.js';

/** Hits per kind. */
const LIMIT = 10;

/** Searches everything the actor may see for `q`; a text with nothing searchable finds no items (not all of them). */
export async function searchAll(db: DbOrTx, a: Actor, q: string, now: Date) {
  const page = { page: 1, pageSize: LIMIT, q };
  const opinions = toSearchQuery(q)
    ? await listOpinions(db, a, page, now)
    : { items: [] as Record<string, unknown>[], total: 0 };
  const members = await listMembers(db, a, page);
  const reps = await listRepresentatives(db, a, page, now);
  return {
    opinions: {
      items: opinions.items.map((o: any) => ({
        id: o.id,
        trackingCode: o.trackingCode,
        title: o.title,
        status: o.status,
        statusLabel: o.statusLabel,
        receivedAt: o.receivedAt,
      })),
      total: opinions.total,
    },
    members: {
      items: members.items.map((m: any) => ({
        id: m.id,
        code: m.code,
        name: m.name,
        groupName: m.groupName,
        sectorName: m.sectorName,
      })),
    },
    representatives: {
      items: reps.items.map((r: any) => ({
        id: r.id,
        name: r.name,
        regionName: r.regionName,
        townshipName: r.townshipName,
        departmentName: r.departmentName,
        memberNames: r.memberNames,
      })),
    },
  };
}
