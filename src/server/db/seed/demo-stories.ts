// Composes the 活动记录卡 texts of one activity: where it happened, what people said, and what the member did.
import type { ContactMethod, HandlingStatus, PurposeTag } from '../../../core/code-lists.js';
import { concernsFor, fillConcern, PENDING_HANDLING } from './demo-opinions.js';
import type { Rng } from './demo-random.js';

/** The facts an activity's text is made from. */
export interface ActivityStory {
  /** The village or community visited; null for a meeting at the group office or a phone call. */
  village: { name: string; kind: 'village' | 'community' } | null;
  township: string;
  /** A village of the township the talk was about when the activity had no village. */
  topicVillage: string;
  groupName: string;
  methods: readonly ContactMethod[];
  status: HandlingStatus;
  /** Month of the activity (1–12), so seasonal concerns come up in season. */
  month?: number;
  /** The first contact's name, quoted in the opinion text. */
  contactName?: string;
  contactPost?: string;
  /** How many people were met, so one speaker among several is quoted as '…等'. */
  contactCount?: number;
}

/** The composed texts. */
export interface ActivityText {
  location: string;
  opinions: string;
  handling: string;
  purposes: PurposeTag[];
  methodOther: string;
}

const VILLAGE_SPOTS = ['村民家中', '文化礼堂', '党群服务中心', '田间地头', '茶园', '村委会会议室'];
const COMMUNITY_SPOTS = ['党群服务中心', '居民家中', '小区广场', '社区议事厅'];
// Kinds of activity a contact can also be (委员接待日, 调研, 视察), added to the concern's own purpose.
const EXTRA_PURPOSES: readonly (readonly [PurposeTag, number])[] = [
  ['opinions', 10],
  ['policy', 6],
  ['research', 3],
  ['inspection', 1],
  ['reception', 2],
];

function locationOf(rng: Rng, s: ActivityStory): string {
  const { methods, village } = s;
  if (methods.includes('phone') && methods.length === 1) return '';
  if (!village) return rng.pick([`${s.groupName}活动室`, `${s.township}委员之家`, '县政协委员会客厅']);
  if (methods.includes('box')) return `${village.name}社情民意箱`;
  if (methods.includes('talk')) return `${village.name}${village.kind === 'village' ? '文化礼堂' : '社区议事厅'}`;
  return `${village.name}${rng.pick(village.kind === 'village' ? VILLAGE_SPOTS : COMMUNITY_SPOTS)}`;
}

function speaker(rng: Rng, s: ActivityStory): string {
  if (!s.contactName || rng.chance(0.35)) return rng.pick(['群众反映：', '代表们提出：', '']);
  const who = s.contactPost && rng.chance(0.5) ? `${s.contactPost}${s.contactName}` : s.contactName;
  return (s.contactCount ?? 1) > 1 ? `${who}等反映：` : `${who}反映：`;
}

/** Picks 1–3 concerns that fit the place and writes them up with the handling their status calls for. */
export function composeActivityText(rng: Rng, s: ActivityStory): ActivityText {
  const place = { village: s.village?.name ?? s.topicVillage, township: s.township };
  const pool = concernsFor(s.village?.kind ?? null, s.month).filter((c) => s.village || !/\{v\}\{n/.test(c.opinion));
  const count = rng.weighted([
    [1, 70],
    [2, 25],
    [3, 5],
  ]);
  const concerns = rng.sample(pool, count);
  const numbered = (texts: string[]) =>
    texts.length === 1 ? texts[0] : texts.map((t, i) => `${i + 1}. ${t}`).join('\n');
  const opinions = speaker(rng, s) + numbered(concerns.map((c) => fillConcern(rng, c.opinion, place)));
  let handling: string;
  if (s.status === 'pending') handling = fillConcern(rng, rng.pick(PENDING_HANDLING), place);
  else {
    const texts = concerns.map((c, i) => {
      const finished =
        s.status === 'done' ||
        (s.status === 'reported' && i > 0) ||
        (s.status === 'in_progress' && i > 0 && rng.chance(0.5));
      return fillConcern(rng, finished ? c.done : c.progress, place);
    });
    handling = numbered(texts);
    if (s.status === 'reported') handling += '\n已整理形成社情民意信息报送县政协办公室。';
  }
  const purposes = new Set<PurposeTag>([concerns[0].tag]);
  if (rng.chance(0.3)) purposes.add(rng.weighted(EXTRA_PURPOSES));
  if (purposes.has('relief') && rng.chance(0.3)) purposes.add('pairing');
  return {
    location: locationOf(rng, s),
    opinions,
    handling,
    purposes: [...purposes],
    methodOther: s.methods.includes('other') ? rng.pick(['微信群', '钉钉视频', '“浙里办”留言']) : '',
  };
}
