// The one masking policy for personal data (ENGINEERING 13): how much of each person's identity every role sees, the
// relationships that open a record in full, and the masks. Servers apply it in one presenter; search obeys it too.
import type { Role } from './code-lists';
import { maskAddress, maskPhone } from './phone';

// How much of a field a viewer gets: all of it, a mask that keeps a hint (张**, 138****0001), or nothing ('').
export type Visibility = 'full' | 'masked' | 'hidden';

// Whose data it is: a citizen who raised an item or booked a reception slot, a registry representative, a member.
export type PersonKind = 'citizen' | 'representative' | 'member';

// Every personal field the policy rules, plus an item's tracking code (the citizen's secret that signs a rating).
export const MASKED_FIELDS = [
  'citizen.name',
  'citizen.phone',
  'citizen.email',
  'representative.name',
  'representative.phone',
  'representative.address',
  'member.name',
  'member.phone',
  'member.email',
  'member.address',
  'item.trackingCode',
] as const;
// One field of the table.
export type MaskedField = (typeof MASKED_FIELDS)[number];
type FieldOf<T, K extends string> = T extends `${K}.${infer F}` ? F : never;
// A personal field of one kind of person ('phone' of 'citizen.phone').
export type PersonField<K extends PersonKind = PersonKind> = FieldOf<MaskedField, K>;

const F = 'full';
const M = 'masked';
const H = 'hidden';

// Role × field. Names of citizens and representatives are work data for everyone but departments; contact details
// (phone, e-mail, address) are full only for office staff and for the owner (see OWNER below); a department never
// sees the tracking code, so it cannot rate its own work through the public rating.
export const MASKING_POLICY = {
  admin: {
    'citizen.name': F,
    'citizen.phone': F,
    'citizen.email': F,
    'representative.name': F,
    'representative.phone': F,
    'representative.address': F,
    'member.name': F,
    'member.phone': F,
    'member.email': F,
    'member.address': F,
    'item.trackingCode': F,
  },
  leader: {
    'citizen.name': F,
    'citizen.phone': M,
    'citizen.email': M,
    'representative.name': F,
    'representative.phone': M,
    'representative.address': M,
    'member.name': F,
    'member.phone': M,
    'member.email': H,
    'member.address': M,
    'item.trackingCode': F,
  },
  member: {
    'citizen.name': F,
    'citizen.phone': M,
    'citizen.email': M,
    'representative.name': F,
    'representative.phone': M,
    'representative.address': M,
    'member.name': F,
    'member.phone': M,
    'member.email': H,
    'member.address': M,
    'item.trackingCode': F,
  },
  group_leader: {
    'citizen.name': F,
    'citizen.phone': M,
    'citizen.email': M,
    'representative.name': F,
    'representative.phone': M,
    'representative.address': M,
    'member.name': F,
    'member.phone': M,
    'member.email': H,
    'member.address': M,
    'item.trackingCode': F,
  },
  info_officer: {
    'citizen.name': F,
    'citizen.phone': M,
    'citizen.email': M,
    'representative.name': F,
    'representative.phone': M,
    'representative.address': M,
    'member.name': F,
    'member.phone': M,
    'member.email': H,
    'member.address': M,
    'item.trackingCode': F,
  },
  dept_handler: {
    'citizen.name': M,
    'citizen.phone': M,
    'citizen.email': M,
    'representative.name': M,
    'representative.phone': M,
    'representative.address': M,
    'member.name': F,
    'member.phone': M,
    'member.email': H,
    'member.address': M,
    'item.trackingCode': H,
  },
} as const satisfies Record<Role, Record<MaskedField, Visibility>>;

// How the viewer stands to the record, resolved by the server (SQL or the loaded row).
export interface Relationship {
  // The viewer owns the record: the member linked to a representative; the member themself or their group leader;
  // the person who collected an item (its creator or an originating member/user) or a member present at a reception
  // day for its bookings. Owners see every personal field of that record in full.
  isOwner?: boolean;
  // The office released the item's contacts to the departments handling it (opinions.contact_released).
  isReleased?: boolean;
}

// What a release opens, and to whom: the handling department sees the people who raised the item.
export const RELEASED_FIELDS = {
  roles: ['dept_handler'],
  fields: ['citizen.name', 'citizen.phone', 'citizen.email', 'representative.name', 'representative.phone'],
} as const satisfies { roles: readonly Role[]; fields: readonly MaskedField[] };

const RANK: Record<Visibility, number> = { hidden: 0, masked: 1, full: 2 };

// Several roles add up: the most open level any of them grants (an admin who also handles a department sees all).
export function visibilityOf(roles: readonly Role[], field: MaskedField, rel: Relationship = {}): Visibility {
  let best: Visibility = 'hidden';
  for (const r of roles) if (RANK[MASKING_POLICY[r][field]] > RANK[best]) best = MASKING_POLICY[r][field];
  if (best === 'full') return best;
  if (rel.isOwner && !field.startsWith('item.')) return 'full';
  const released = RELEASED_FIELDS.fields as readonly MaskedField[];
  if (
    rel.isReleased &&
    released.includes(field) &&
    roles.some((r) => (RELEASED_FIELDS.roles as readonly Role[]).includes(r))
  )
    return 'full';
  return best;
}

// Hides a name but its first character, so a department can still say 张先生 on the phone: 张三 → 张*.
export function maskName(s: string): string {
  const chars = Array.from(s.trim());
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : '';
}

// Hides the local part of an e-mail address but its first character: chen@example.com → c***@example.com.
export function maskEmail(s: string): string {
  const at = s.indexOf('@');
  return at > 0 ? `${s[0]}***${s.slice(at)}` : s ? '***' : '';
}

const MASKS: Record<string, (s: string) => string> = {
  name: maskName,
  phone: maskPhone,
  email: maskEmail,
  address: maskAddress,
};

// One value as the viewer may see it: itself, its mask, or '' (an empty value stays empty).
export function applyVisibility(field: string, value: string, v: Visibility): string {
  if (v === 'full' || value === '') return value;
  if (v === 'hidden') return '';
  return (MASKS[field] ?? (() => ''))(value);
}
