// QR posters (码上联系): the data of a member's or a village's A4 poster, loaded on the request thread and rendered in
// the render pool. Office staff print them; a township's information officer prints those of their own township.
import { sql } from 'drizzle-orm';
import type { PosterData } from '../../adapters/renderers/poster-pdf.js';
import type { Actor } from '../../context.js';
import { hasRole } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { loadBulletinSettings } from '../bulletins/settings.js';
import { loadDirectoryMember } from './service.js';

/** The citizen form pre-addressed to a member and/or a village: what every QR code opens. */
export function citizenFormUrl(
  origin: string,
  to: { memberId?: number; villageId?: number; stationId?: number },
): string {
  const q = new URLSearchParams();
  if (to.stationId) q.set('station', String(to.stationId));
  if (to.memberId) q.set('member', String(to.memberId));
  if (to.villageId) q.set('village', String(to.villageId));
  return `${origin.replace(/\/$/, '')}/public/opinions/new${q.size ? `?${q}` : ''}`;
}

/** True when the actor may print posters of something in these townships (404 otherwise: nothing is revealed). */
export function mayPrint(a: Actor, townshipIds: number[]): boolean {
  if (hasRole(a, 'admin')) return true;
  return hasRole(a, 'info_officer') && a.townshipId !== null && townshipIds.includes(a.townshipId);
}

type Place = { id: number; name: string };

/** A member's poster: the public directory entry only; the QR presets their first contacted village. */
export async function memberPoster(
  db: DbOrTx,
  a: Actor,
  id: number,
  lang: PosterData['lang'],
  origin: string,
  now: Date,
) {
  const m = (await loadDirectoryMember(db, id, now).catch(() => null)) as {
    name: string;
    sectorName: string | null;
    publicPhone: string | null;
    townships: Place[];
    villages: Place[];
  } | null;
  if (
    !m ||
    !mayPrint(
      a,
      m.townships.map((t) => t.id),
    )
  )
    throw notFound();
  const village = m.villages.length === 1 ? m.villages[0].id : undefined;
  const data: PosterData = {
    kind: 'member',
    lang,
    name: m.name,
    sectorName: m.sectorName ?? '',
    places: m.villages.map((v) => v.name),
    publicPhone: m.publicPhone ?? '',
    url: citizenFormUrl(origin, { memberId: id, villageId: village }),
    issuer: (await loadBulletinSettings(db)).unit,
  };
  return data;
}

/** A village's poster: the QR presets the village; no member is named. */
export async function villagePoster(db: DbOrTx, a: Actor, id: number, lang: PosterData['lang'], origin: string) {
  const res = await db.execute(sql`select v.name, v.parent_id as "townshipId", t.name as "townshipName"
    from regions v left join regions t on t.id = v.parent_id where v.id = ${id} and v.level = 'village'`);
  const v = res.rows[0] as { name: string; townshipId: number; townshipName: string | null } | undefined;
  if (!v || !mayPrint(a, [v.townshipId])) throw notFound();
  const data: PosterData = {
    kind: 'village',
    lang,
    name: v.name,
    sectorName: '',
    places: v.townshipName ? [v.townshipName] : [],
    publicPhone: '',
    url: citizenFormUrl(origin, { villageId: id }),
    issuer: (await loadBulletinSettings(db)).unit,
  };
  return data;
}
