// A contact station's A4 poster: the QR opens the citizen form addressed to the station (its members and region are
// preset by the intake). Loaded here, rendered in the render pool like the member and village posters.
import { sql } from 'drizzle-orm';
import type { PosterData } from '../../adapters/renderers/poster-pdf.js';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { loadBulletinSettings } from '../bulletins/settings.js';
import { citizenFormUrl, mayPrint } from '../directory/posters.js';

/** The poster of a station the actor may edit (404 otherwise); inactive stations print too (to prepare a reopening). */
export async function stationPoster(db: DbOrTx, a: Actor, id: number, lang: PosterData['lang'], origin: string) {
  const res = await db.execute(sql`select s.name, s.address, s.open_hours as "openHours",
      coalesce(t.id, r.id) as "townshipId", coalesce(t.name, r.name) as "townshipName",
      case when r.level = 'village' then r.name else null end as "villageName",
      coalesce((select json_agg(m.name order by m.pinyin_full, m.id) from contact_station_members sm
        join members m on m.id = sm.member_id where sm.station_id = s.id and m.active), '[]') as "memberNames"
    from contact_stations s join regions r on r.id = s.region_id left join regions t on t.id = r.parent_id
    where s.id = ${id}`);
  const s = res.rows[0] as
    | {
        name: string;
        address: string;
        openHours: string;
        townshipId: number;
        townshipName: string;
        villageName: string | null;
        memberNames: string[];
      }
    | undefined;
  if (!s || !mayPrint(a, [s.townshipId])) throw notFound();
  const data: PosterData = {
    kind: 'station',
    lang,
    name: s.name,
    sectorName: '',
    places: [s.villageName ? `${s.townshipName} ${s.villageName}` : s.townshipName],
    publicPhone: '',
    url: citizenFormUrl(origin, { stationId: id }),
    issuer: (await loadBulletinSettings(db)).unit,
    station: { address: s.address, openHours: s.openHours, memberNames: s.memberNames },
  };
  return data;
}
