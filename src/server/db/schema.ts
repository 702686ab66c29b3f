// Drizzle schema: the one description of the database, shared by PGlite and PostgreSQL (drizzle-kit generates migrations from it).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const terms = pgTable('terms', {
  id: id(),
  number: integer('number').notNull().unique(),
  name: text('name').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  isCurrent: boolean('is_current').notNull().default(false),
});

export const sectors = pgTable(
  'sectors',
  {
    id: id(),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    parentId: integer('parent_id'),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sectors_term_parent_name_uq').on(t.termId, sql`coalesce(${t.parentId}, 0)`, t.name),
    index('sectors_term_idx').on(t.termId),
  ],
);

export const regions = pgTable(
  'regions',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: integer('parent_id'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    pinyinFull: text('pinyin_full').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('regions_level_ck', sql`${t.level} in ('township','village')`),
    check('regions_code_ck', sql`${t.code} ~ '^[0-9]{12}$'`),
    index('regions_parent_idx').on(t.parentId),
  ],
);

export const liaisonGroups = pgTable('liaison_groups', {
  id: id(),
  name: text('name').notNull().unique(),
  townshipId: integer('township_id')
    .notNull()
    .unique()
    .references(() => regions.id),
  leaderMemberId: integer('leader_member_id'),
  createdAt: createdAt(),
});

export const departments = pgTable(
  'departments',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('township'),
    townshipId: integer('township_id').references(() => regions.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('departments_kind_ck', sql`${t.kind} in ('township','county')`),
    uniqueIndex('departments_township_name_uq').on(sql`coalesce(${t.townshipId}, 0)`, t.name),
  ],
);

export const members = pgTable(
  'members',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthYear: smallint('birth_year'),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    politicalStatus: text('political_status').notNull(),
    education: text('education').notNull().default(''),
    workUnit: text('work_unit').notNull().default(''),
    post: text('post').notNull().default(''),
    groupId: integer('group_id').references(() => liaisonGroups.id),
    isStandingCommittee: boolean('is_standing_committee').notNull().default(false),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    publicPhone: text('public_phone').notNull().default(''),
    publishContact: boolean('publish_contact').notNull().default(false),
    active: boolean('active').notNull().default(true),
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    pinyinFull: text('pinyin_full').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('members_group_idx').on(t.groupId), index('members_name_idx').on(t.name)],
);

/** A member's sector in each term: changing sectors in a new term never rewrites the old term's row. */
export const memberTerms = pgTable(
  'member_terms',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    sectorId: integer('sector_id')
      .notNull()
      .references(() => sectors.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.termId] }), index('member_terms_sector_idx').on(t.sectorId)],
);

export const memberVillages = pgTable(
  'member_villages',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.regionId] }), index('member_villages_region_idx').on(t.regionId)],
);

export const representatives = pgTable(
  'representatives',
  {
    id: id(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthYear: smallint('birth_year'),
    age: smallint('age'),
    education: text('education').notNull().default(''),
    post: text('post').notNull().default(''),
    workUnit: text('work_unit').notNull().default(''),
    politicalStatus: text('political_status').notNull().default('13'),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull(),
    remarks: text('remarks').notNull().default(''),
    regionId: integer('region_id').references(() => regions.id),
    departmentId: integer('department_id').references(() => departments.id),
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    pinyinFull: text('pinyin_full').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('representatives_name_phone_uq').on(t.name, t.phone),
    check('representatives_place_ck', sql`(${t.regionId} is null) <> (${t.departmentId} is null)`),
    index('representatives_region_idx').on(t.regionId),
    index('representatives_department_idx').on(t.departmentId),
    index('representatives_phone_idx').on(t.phone),
  ],
);

export const memberRepresentatives = pgTable(
  'member_representatives',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    representativeId: integer('representative_id')
      .notNull()
      .references(() => representatives.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.representativeId] }),
    index('member_reps_rep_idx').on(t.representativeId),
  ],
);

export const activities = pgTable(
  'activities',
  {
    id: id(),
    clientId: text('client_id').unique(),
    date: date('date').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    location: text('location').notNull().default(''),
    methods: text('methods').array().notNull(),
    methodOther: text('method_other').notNull().default(''),
    purposes: text('purposes').array().notNull().default(sql`'{}'::text[]`),
    opinions: text('opinions').notNull().default(''),
    handling: text('handling').notNull().default(''),
    handlingStatus: text('handling_status').notNull().default('pending'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('activities_status_ck', sql`${t.handlingStatus} in ('pending','in_progress','done','reported')`),
    check('activities_methods_ck', sql`cardinality(${t.methods}) > 0`),
    index('activities_date_idx').on(t.date),
    index('activities_region_date_idx').on(t.regionId, t.date),
  ],
);

export const activityMembers = pgTable(
  'activity_members',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.memberId] }), index('activity_members_member_idx').on(t.memberId)],
);

export const activityContacts = pgTable(
  'activity_contacts',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    representativeId: integer('representative_id')
      .notNull()
      .references(() => representatives.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.representativeId] }),
    index('activity_contacts_rep_idx').on(t.representativeId),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: integer('uploaded_by'),
    /** The phone's id for this upload: a retried upload with the same id returns the first row (see attachments.ts). */
    clientId: text('client_id').unique(),
    createdAt: createdAt(),
  },
  (t) => [
    check('attachments_kind_ck', sql`${t.kind} in ('photo','signin')`),
    index('attachments_activity_idx').on(t.activityId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    memberId: integer('member_id').references(() => members.id),
    townshipId: integer('township_id').references(() => regions.id),
    departmentId: integer('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('users_member_idx').on(t.memberId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  roles: text('roles').array().notNull(),
  createdBy: integer('created_by').references(() => users.id),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Tokens end on this date (at most a year after creation); the migration gave older tokens 90 days. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/**
 * Failed sign-in and password-change counters, shared by every server process (modules/auth/throttle.ts): per account
 * and address (`account_ip`, key = JSON [username, address]), per address (`ip`), per account (`account`, key =
 * username, whether or not it exists) and per user's password changes (`password_change`, key = user id).
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** Requests refused during the current block (only the first is audited). */
    refused: integer('refused').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key] }),
    check('login_throttle_kind_ck', sql`${t.kind} in ('account_ip','ip','account','password_change')`),
    index('login_throttle_updated_idx').on(t.updatedAt),
  ],
);

/** Public per-address hit counters (fixed windows), in the database so every server process counts the same hits. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** Which limit counts: an endpoint group and its window, e.g. `public_submit/10m`. */
    bucket: text('bucket').notNull(),
    /** The client address (IPv6 by its /64). */
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.key] }),
    check('rate_limits_hits_ck', sql`${t.hits} > 0`),
    index('rate_limits_window_idx').on(t.windowStart),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull().default(''),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip').notNull().default(''),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorUserId),
  ],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ——— 社情民意 (issue 3) ———

/** Two-level category taxonomy the office edits (经济发展 → 招商引资 …), with an optional per-category reply deadline. */
export const opinionCategories = pgTable(
  'opinion_categories',
  {
    id: id(),
    parentId: integer('parent_id'),
    name: text('name').notNull(),
    replyWorkingDays: integer('reply_working_days'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('opinion_categories_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name)],
);

/** Admin corrections and next year's notice on top of the built-in official holiday calendar. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    date: date('date').primaryKey(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [check('calendar_overrides_kind_ck', sql`${t.kind} in ('holiday','workday')`)],
);

/** One 社情民意 item; the status follows src/core/opinions/lifecycle.ts, orthogonal facts sit in their own columns. */
export const opinions = pgTable(
  'opinions',
  {
    id: id(),
    trackingCode: text('tracking_code').notNull().unique(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    categoryId: integer('category_id').references(() => opinionCategories.id),
    regionId: integer('region_id').references(() => regions.id),
    sectorId: integer('sector_id').references(() => sectors.id),
    channel: text('channel').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    confidentiality: text('confidentiality').notNull().default('normal'),
    status: text('status').notNull().default('received'),
    activityId: integer('activity_id').references(() => activities.id),
    /** Which opinion of the activity's text this item was raised from (core/activity-opinions key): once per opinion. */
    activityOpinionKey: text('activity_opinion_key'),
    mergedIntoId: integer('merged_into_id'),
    leadDepartmentId: integer('lead_department_id').references(() => departments.id),
    deadline: date('deadline'),
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }),
    hasPendingExtension: boolean('has_pending_extension').notNull().default(false),
    isInBulletin: boolean('is_in_bulletin').notNull().default(false),
    isEscalated: boolean('is_escalated').notNull().default(false),
    contactReleased: boolean('contact_released').notNull().default(false),
    publicReply: text('public_reply').notNull().default(''),
    /** The citizen agreed (a box on the form) that the office's answer may be shown on the public board, PII removed. */
    publishConsent: boolean('publish_consent').notNull().default(false),
    /** The contact station (联络站) whose QR code the citizen scanned, if any. */
    contactStationId: integer('contact_station_id').references((): AnyPgColumn => contactStations.id),
    /** For confidential items: the redacted copy a department receives instead of the original, and the office's note. */
    redactedTitle: text('redacted_title'),
    redactedContent: text('redacted_content'),
    redactionNote: text('redaction_note').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    idempotencyKey: text('idempotency_key').unique(),
    createdBy: integer('created_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'opinions_status_ck',
      sql`${t.status} in ('received','accepted','not_accepted','forwarded','replied','returned_for_rework','reviewed','replied_directly','feedback_sent','rated','closed','reopened','merged')`,
    ),
    check('opinions_urgency_ck', sql`${t.urgency} in ('normal','urgent')`),
    check('opinions_confidentiality_ck', sql`${t.confidentiality} in ('normal','internal','confidential')`),
    check(
      'opinions_channel_ck',
      sql`${t.channel} in ('activity','web','box','phone','letter','email','petition','officer','reception','forum','open311')`,
    ),
    index('opinions_status_idx').on(t.status, t.receivedAt),
    index('opinions_received_idx').on(t.receivedAt),
    index('opinions_region_idx').on(t.regionId),
    index('opinions_category_idx').on(t.categoryId),
    index('opinions_lead_dept_idx').on(t.leadDepartmentId, t.status),
    index('opinions_deadline_idx').on(t.deadline),
    // Items merged into an item: its people count (door, problems, tracking) reads them per item.
    index('opinions_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    index('opinions_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    uniqueIndex('opinions_activity_opinion_uq').on(t.activityId, t.activityOpinionKey),
  ],
);

/** Everyone who raised an item (kept through merges): a citizen's contact, a member, a representative, an officer. */
export const opinionOriginators = pgTable(
  'opinion_originators',
  {
    id: id(),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    memberId: integer('member_id').references(() => members.id),
    representativeId: integer('representative_id').references(() => representatives.id),
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    /** The language of the form a citizen used: their SMS and e-mails (link, feedback, problem news) are written in it. */
    lang: text('lang').notNull().default('zh'),
    relayedAt: timestamp('relayed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('opinion_originators_kind_ck', sql`${t.kind} in ('citizen','member','representative','officer')`),
    index('opinion_originators_opinion_idx').on(t.opinionId),
    index('opinion_originators_member_idx').on(t.memberId),
  ],
);

/** Departments an item is forwarded to: the lead (主办) and co-handlers (协办) of each forwarding round. */
export const opinionAssignments = pgTable(
  'opinion_assignments',
  {
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.opinionId, t.departmentId] }),
    check('opinion_assignments_role_ck', sql`${t.role} in ('lead','co')`),
    index('opinion_assignments_dept_idx').on(t.departmentId, t.active),
  ],
);

/** The typed event log of every item: timelines and statistics read it; appended with each transition. */
export const opinionEvents = pgTable(
  'opinion_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    payload: jsonb('payload').notNull().default({}),
    actorUserId: integer('actor_user_id'),
    actorKind: text('actor_kind').notNull(),
    actorName: text('actor_name').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('opinion_events_opinion_idx').on(t.opinionId, t.at),
    index('opinion_events_type_at_idx').on(t.type, t.at),
  ],
);

/** Files attached to an item (by the citizen, staff or a department's reply), stored like activity attachments. */
export const opinionAttachments = pgTable(
  'opinion_attachments',
  {
    id: id(),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: integer('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('opinion_attachments_opinion_idx').on(t.opinionId)],
);

/** In-app notifications (reminders, feedback to originating members), read in the UI. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link').notNull().default(''),
    opinionId: integer('opinion_id').references(() => opinions.id, { onDelete: 'cascade' }),
    /** The kind's parameters: the list renders title and body from kind + data in the reader's language. */
    data: jsonb('data'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/**
 * Outgoing messages (email, SMS) and reminders as claimed rows: `dedupe_key` makes a reminder exist once, and a
 * worker claims a row with `FOR UPDATE SKIP LOCKED`, so several server processes never send it twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').unique(),
    opinionId: integer('opinion_id').references(() => opinions.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('outbox_channel_ck', sql`${t.channel} in ('email','sms','webhook')`),
    check('outbox_status_ck', sql`${t.status} in ('pending','sending','sent','failed')`),
    index('outbox_pending_idx').on(t.status, t.notBefore),
  ],
);

/** Reception of inbound mail that was refused or could not become an item, for the office to look at. */
export const inboundMailLog = pgTable('inbound_mail_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sender: text('sender').notNull().default(''),
  subject: text('subject').notNull().default(''),
  outcome: text('outcome').notNull(),
  reason: text('reason').notNull().default(''),
  opinionId: integer('opinion_id').references(() => opinions.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user's named inbox filter (saved view): the query string of GET /opinions, replayed by the inbox. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull().default('opinions'),
    name: text('name').notNull(),
    query: jsonb('query').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_user_name_uq').on(t.userId, t.scope, t.name)],
);

// ——— Bulletins, assessment, reception days, consultations, proposals (issue 4) ———

/**
 * Typed event log of the issue-4 records (bulletins, proposals, consultation outcomes, reception days, appeals):
 * one row per change, appended in the same transaction, read as each record's timeline.
 */
export const recordEvents = pgTable(
  'record_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull().default({}),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_events_entity_idx').on(t.entity, t.entityId, t.at)],
);

/** One issue of 《社情民意》: drafted by an editor, signed off by another office user, numbered per year when issued. */
export const bulletins = pgTable(
  'bulletins',
  {
    id: id(),
    year: smallint('year').notNull(),
    number: integer('number'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    categoryId: integer('category_id').references(() => opinionCategories.id),
    status: text('status').notNull().default('draft'),
    distribution: text('distribution').notNull().default(''),
    editorId: integer('editor_id').references(() => users.id),
    signedOffBy: integer('signed_off_by').references(() => users.id),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issueDate: date('issue_date'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('bulletins_status_ck', sql`${t.status} in ('draft','submitted','signed_off','issued')`),
    uniqueIndex('bulletins_year_number_uq').on(t.year, t.number),
    index('bulletins_status_idx').on(t.status, t.year),
  ],
);

/** The 社情民意 items an issue was compiled from (their originators get the credit). */
export const bulletinItems = pgTable(
  'bulletin_items',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.opinionId] }), index('bulletin_items_opinion_idx').on(t.opinionId)],
);

/** What followed an issue: 采用 by a committee level, or a leader's 批示 with its text, and the follow-up. */
export const bulletinOutcomes = pgTable(
  'bulletin_outcomes',
  {
    id: id(),
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    level: text('level'),
    leaderName: text('leader_name').notNull().default(''),
    date: date('date').notNull(),
    text: text('text').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('bulletin_outcomes_kind_ck', sql`${t.kind} in ('adoption','instruction')`),
    check(
      'bulletin_outcomes_level_ck',
      sql`${t.level} is null or ${t.level} in ('county','city','province','national')`,
    ),
    index('bulletin_outcomes_bulletin_idx').on(t.bulletinId),
    index('bulletin_outcomes_date_idx').on(t.date),
  ],
);

/** One year's assessment: its scheme name, full marks, talk threshold, and whether it is closed (frozen). */
export const assessmentYears = pgTable('assessment_years', {
  year: smallint('year').primaryKey(),
  schemeName: text('scheme_name').notNull(),
  fullMarks: integer('full_marks').notNull().default(100),
  baseScore: numeric('base_score', { precision: 7, scale: 2, mode: 'number' }).notNull().default(0),
  talkThreshold: numeric('talk_threshold', { precision: 7, scale: 2, mode: 'number' }).notNull().default(60),
  status: text('status').notNull().default('open'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: integer('closed_by'),
  updatedAt: updatedAt(),
});

/** One line of a year's rule table: the evidence source, points per unit, a cap, and whether it deducts. */
export const assessmentRules = pgTable(
  'assessment_rules',
  {
    id: id(),
    year: smallint('year')
      .notNull()
      .references(() => assessmentYears.year, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull().default(0),
    name: text('name').notNull(),
    source: text('source').notNull(),
    points: numeric('points', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    cap: numeric('cap', { precision: 7, scale: 2, mode: 'number' }),
    isDeduction: boolean('is_deduction').notNull().default(false),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('assessment_rules_year_name_uq').on(t.year, t.name),
    check('assessment_rules_points_ck', sql`${t.points} >= 0`),
  ],
);

/** A manually entered unit of evidence (meeting attended, training, unexcused absence …) with what proves it. */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: id(),
    year: smallint('year')
      .notNull()
      .references(() => assessmentYears.year, { onDelete: 'cascade' }),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => assessmentRules.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    date: date('date').notNull(),
    quantity: numeric('quantity', { precision: 7, scale: 2, mode: 'number' }).notNull().default(1),
    evidence: text('evidence').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_entries_member_idx').on(t.year, t.memberId)],
);

/** A member's appeal against one line of their score, decided by staff (an accepted appeal adjusts the line). */
export const assessmentAppeals = pgTable(
  'assessment_appeals',
  {
    id: id(),
    year: smallint('year')
      .notNull()
      .references(() => assessmentYears.year, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => assessmentRules.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    adjustment: numeric('adjustment', { precision: 7, scale: 2, mode: 'number' }).notNull().default(0),
    decision: text('decision').notNull().default(''),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('assessment_appeals_status_ck', sql`${t.status} in ('pending','accepted','rejected')`),
    index('assessment_appeals_year_idx').on(t.year, t.status),
  ],
);

/** The frozen archive of a closed year: each member's total and every line with its evidence, never recomputed. */
export const assessmentSnapshots = pgTable(
  'assessment_snapshots',
  {
    year: smallint('year')
      .notNull()
      .references(() => assessmentYears.year),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    total: numeric('total', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    detail: jsonb('detail').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.year, t.memberId] })],
);

/** 述职评议: a representative's or staff member's evaluation of a member's yearly report. */
export const assessmentEvaluations = pgTable(
  'assessment_evaluations',
  {
    id: id(),
    year: smallint('year').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    evaluatorKind: text('evaluator_kind').notNull(),
    representativeId: integer('representative_id').references(() => representatives.id),
    evaluatorName: text('evaluator_name').notNull().default(''),
    grade: text('grade').notNull(),
    comment: text('comment').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('assessment_evaluations_kind_ck', sql`${t.evaluatorKind} in ('representative','staff')`),
    check('assessment_evaluations_grade_ck', sql`${t.grade} in ('excellent','good','fair','poor')`),
    index('assessment_evaluations_member_idx').on(t.year, t.memberId),
  ],
);

/** 委员接待日: a published day of slots at a place, with the members present; held, it becomes an activity. */
export const receptionDays = pgTable(
  'reception_days',
  {
    id: id(),
    title: text('title').notNull(),
    date: date('date').notNull(),
    place: text('place').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('scheduled'),
    activityId: integer('activity_id').references(() => activities.id),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('reception_days_status_ck', sql`${t.status} in ('scheduled','held','cancelled')`),
    index('reception_days_date_idx').on(t.date),
  ],
);

/** The members who receive citizens on a reception day. */
export const receptionDayMembers = pgTable(
  'reception_day_members',
  {
    receptionDayId: integer('reception_day_id')
      .notNull()
      .references(() => receptionDays.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.receptionDayId, t.memberId] }),
    index('reception_day_members_member_idx').on(t.memberId),
  ],
);

/** One bookable time slot of a reception day (one citizen each). */
export const receptionSlots = pgTable(
  'reception_slots',
  {
    id: id(),
    receptionDayId: integer('reception_day_id')
      .notNull()
      .references(() => receptionDays.id, { onDelete: 'cascade' }),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
  },
  (t) => [uniqueIndex('reception_slots_day_start_uq').on(t.receptionDayId, t.startTime)],
);

/** A citizen's booking of a slot (no account): a booking code to look it up, checked in on the day. */
export const receptionBookings = pgTable(
  'reception_bookings',
  {
    id: id(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => receptionSlots.id, { onDelete: 'cascade' }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    topic: text('topic').notNull(),
    status: text('status').notNull().default('booked'),
    opinionId: integer('opinion_id').references(() => opinions.id, { onDelete: 'set null' }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('reception_bookings_status_ck', sql`${t.status} in ('booked','cancelled','checked_in','no_show')`),
    uniqueIndex('reception_bookings_slot_live_uq').on(t.slotId).where(sql`${t.status} <> 'cancelled'`),
  ],
);

/** 协商: a topic taken to a consultation meeting, whose outcomes are assigned and followed to implementation. */
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    topic: text('topic').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('planned'),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    place: text('place').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('consultations_status_ck', sql`${t.status} in ('planned','held','implementing','completed')`)],
);

/** Who takes part in a consultation: members, invited representatives and citizens, departments. */
export const consultationParticipants = pgTable(
  'consultation_participants',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    memberId: integer('member_id').references(() => members.id),
    representativeId: integer('representative_id').references(() => representatives.id),
    departmentId: integer('department_id').references(() => departments.id),
    name: text('name').notNull().default(''),
    attended: boolean('attended'),
  },
  (t) => [
    check('consultation_participants_kind_ck', sql`${t.kind} in ('member','representative','citizen','department')`),
    index('consultation_participants_idx').on(t.consultationId),
    index('consultation_participants_member_idx').on(t.memberId),
  ],
);

/** One suggestion a consultation produced, assigned to a department with a deadline, graded A/B/C when done. */
export const consultationOutcomes = pgTable(
  'consultation_outcomes',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    deadline: date('deadline'),
    progress: smallint('progress').notNull().default(0),
    status: text('status').notNull().default('open'),
    grade: text('grade'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('consultation_outcomes_status_ck', sql`${t.status} in ('open','assigned','in_progress','done')`),
    check('consultation_outcomes_grade_ck', sql`${t.grade} is null or ${t.grade} in ('A','B','C')`),
    check('consultation_outcomes_progress_ck', sql`${t.progress} between 0 and 100`),
    index('consultation_outcomes_idx').on(t.consultationId),
    index('consultation_outcomes_dept_idx').on(t.departmentId),
  ],
);

/** 提案: drafted by a member (from items or not), co-signed, decided by the office, handled and rated. */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    year: smallint('year').notNull(),
    number: integer('number'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    proposerMemberId: integer('proposer_member_id')
      .notNull()
      .references(() => members.id),
    status: text('status').notNull().default('draft'),
    cosignDeadline: date('cosign_deadline'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    replyDue: date('reply_due'),
    reply: text('reply').notNull().default(''),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    rating: text('rating'),
    ratingComment: text('rating_comment').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'proposals_status_ck',
      sql`${t.status} in ('draft','cosigning','submitted','registered','not_registered','converted','assigned','replied','rated')`,
    ),
    check(
      'proposals_rating_ck',
      sql`${t.rating} is null or ${t.rating} in ('satisfied','basically_satisfied','unsatisfied')`,
    ),
    uniqueIndex('proposals_year_number_uq').on(t.year, t.number),
    index('proposals_proposer_idx').on(t.proposerMemberId),
    index('proposals_status_idx').on(t.status),
  ],
);

/** The 社情民意 items a proposal was drafted from. */
export const proposalOpinions = pgTable(
  'proposal_opinions',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.opinionId] })],
);

/** 联名: members invited to co-sign, who accept or decline before the deadline. */
export const proposalCosigners = pgTable(
  'proposal_cosigners',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status').notNull().default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.memberId] }),
    check('proposal_cosigners_status_ck', sql`${t.status} in ('invited','accepted','declined')`),
    index('proposal_cosigners_member_idx').on(t.memberId),
  ],
);

/** The lead (主办) and co-handling (协办) units of a registered proposal. */
export const proposalDepartments = pgTable(
  'proposal_departments',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.departmentId] }),
    check('proposal_departments_role_ck', sql`${t.role} in ('lead','co')`),
    index('proposal_departments_dept_idx').on(t.departmentId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Uploaded files kept in the database (FILE_STORE=database), so every server process reads the same files. */
export const storedFiles = pgTable(
  'stored_files',
  {
    /** The same key shape as the disk store: `ab/<32 hex>.<ext>`. */
    key: text('key').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Set once every chunk is written; a file without it is an unfinished upload and is never served. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('stored_files_size_ck', sql`${t.size} >= 0`)],
);

/** The bytes of a stored file in chunks of at most 256 KiB, so reading and writing never hold a whole file in memory. */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    key: text('key')
      .notNull()
      .references(() => storedFiles.key, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] }), check('stored_file_chunks_seq_ck', sql`${t.seq} >= 0`)],
);

// KPI rollups (modules/kpis/rollups.ts): what each 社情民意 item adds to the KPI table, kept current in the transaction
// of every write that changes an item, so the KPI report sums a few rows instead of scanning items and events.

/** One row per counted item (not merged): its China receipt date, dimension keys and 0/1 counters, as last applied. */
export const kpiItemFacts = pgTable(
  'kpi_item_facts',
  {
    /** No foreign key: a deleted item's row must outlive it until refreshKpiItems subtracts it from the rollups. */
    opinionId: integer('opinion_id').primaryKey(),
    day: date('day').notNull(),
    townshipId: integer('township_id'),
    categoryId: integer('category_id'),
    sectorId: integer('sector_id'),
    departmentId: integer('department_id'),
    channel: text('channel').notNull(),
    memberIds: integer('member_ids').array().notNull(),
    triaged: integer('triaged').notNull(),
    accepted: integer('accepted').notNull(),
    deptReplied: integer('dept_replied').notNull(),
    onTime: integer('on_time').notNull(),
    replied: integer('replied').notNull(),
    approved: integer('approved').notNull(),
    feedbackSent: integer('feedback_sent').notNull(),
    ratings: integer('ratings').notNull(),
    satisfied: integer('satisfied').notNull(),
    handled: integer('handled').notNull(),
    handlingUs: bigint('handling_us', { mode: 'number' }).notNull(),
  },
  (t) => [index('kpi_item_facts_day_idx').on(t.day)],
);

/**
 * Additive KPI counters per dimension × period × key ('' for none): dim 'all' per China day (periods, totals), the
 * other dimensions per month (day = the 1st); changed only by delta upserts and rebuilds.
 */
export const kpiRollups = pgTable(
  'kpi_rollups',
  {
    dim: text('dim').notNull(),
    day: date('day').notNull(),
    key: text('key').notNull(),
    received: integer('received').notNull(),
    triaged: integer('triaged').notNull(),
    accepted: integer('accepted').notNull(),
    deptReplied: integer('dept_replied').notNull(),
    onTime: integer('on_time').notNull(),
    replied: integer('replied').notNull(),
    approved: integer('approved').notNull(),
    feedbackSent: integer('feedback_sent').notNull(),
    ratings: integer('ratings').notNull(),
    satisfied: integer('satisfied').notNull(),
    handled: integer('handled').notNull(),
    handlingUs: bigint('handling_us', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dim, t.day, t.key] }),
    check('kpi_rollups_dim_ck', sql`${t.dim} in ('all','region','category','sector','department','channel','member')`),
  ],
);

/** Office staff named on a confidential item: with the leader, the only users who see it (besides a redacted copy). */
export const opinionNamedStaff = pgTable(
  'opinion_named_staff',
  {
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.userId] }), index('opinion_named_staff_user_idx').on(t.userId)],
);

/** A contact station (委员联络站): a place in a township or village where members receive people; has its own QR code. */
export const contactStations = pgTable(
  'contact_stations',
  {
    id: id(),
    name: text('name').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    address: text('address').notNull().default(''),
    openHours: text('open_hours').notNull().default(''),
    published: boolean('published').notNull().default(true),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_stations_region_idx').on(t.regionId)],
);

/** Members who receive people at a contact station (items through its QR go to them). */
export const contactStationMembers = pgTable(
  'contact_station_members',
  {
    stationId: integer('station_id')
      .notNull()
      .references(() => contactStations.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.memberId] }),
    index('contact_station_members_member_idx').on(t.memberId),
  ],
);

/**
 * A 民生问题: items of an area and period grouped into one problem people feel strongly about, followed to the end.
 * Status: collecting (征集中) → confirmed (已确定) → in_progress (推进中) → solved (已解决) | partly_solved (部分解决).
 */
export const livelihoodProblems = pgTable(
  'livelihood_problems',
  {
    id: id(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** The township or the county the problem belongs to. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    status: text('status').notNull().default('collecting'),
    goal: text('goal').notNull().default(''),
    /** What was done (shown publicly once solved or partly solved). */
    outcome: text('outcome').notNull().default(''),
    leadDepartmentId: integer('lead_department_id').references(() => departments.id),
    /** Current progress 0–100: the highest reached milestone's %, 100 when solved. */
    progress: smallint('progress').notNull().default(0),
    published: boolean('published').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'livelihood_problems_status_ck',
      sql`${t.status} in ('collecting','confirmed','in_progress','solved','partly_solved')`,
    ),
    check('livelihood_problems_progress_ck', sql`${t.progress} between 0 and 100`),
    index('livelihood_problems_region_idx').on(t.regionId, t.year),
  ],
);

/** Other departments (协办) of a problem; the lead sits on the problem row. */
export const problemDepartments = pgTable(
  'problem_departments',
  {
    problemId: integer('problem_id')
      .notNull()
      .references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.departmentId] })],
);

/** Items linked to a problem; each keeps its own lifecycle. */
export const problemItems = pgTable(
  'problem_items',
  {
    problemId: integer('problem_id')
      .notNull()
      .references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    opinionId: integer('opinion_id')
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    linkedBy: integer('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.opinionId] }), index('problem_items_opinion_idx').on(t.opinionId)],
);

/** Milestones of a problem, with a due date and the % of progress reached when it is met. */
export const problemMilestones = pgTable(
  'problem_milestones',
  {
    id: id(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date'),
    progress: smallint('progress').notNull(),
    reachedAt: date('reached_at'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('problem_milestones_progress_ck', sql`${t.progress} between 0 and 100`),
    index('problem_milestones_problem_idx').on(t.problemId),
  ],
);

/** Evidence of a problem's progress: photos, documents, a department's report (files kept in the file store). */
export const problemEvidence = pgTable(
  'problem_evidence',
  {
    id: id(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull().default(''),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    departmentId: integer('department_id').references(() => departments.id),
    published: boolean('published').notNull().default(true),
    uploadedBy: integer('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('problem_evidence_kind_ck', sql`${t.kind} in ('photo','document','report')`),
    index('problem_evidence_problem_idx').on(t.problemId),
  ],
);

/** The public timeline of a problem (created, status moves, milestones, items linked), read by pages and notifiers. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    payload: jsonb('payload').notNull().default({}),
    actorUserId: integer('actor_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.at)],
);

/** E-mail subscriptions to a problem or to an area's problems: double opt-in, one-click unsubscribe by token. */
export const problemSubscriptions = pgTable(
  'problem_subscriptions',
  {
    id: id(),
    email: text('email').notNull(),
    problemId: integer('problem_id').references(() => livelihoodProblems.id, { onDelete: 'cascade' }),
    regionId: integer('region_id').references(() => regions.id),
    lang: text('lang').notNull().default('zh'),
    /** Secret in the confirm and unsubscribe links (stored hashed). */
    tokenHash: text('token_hash').notNull().unique(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('problem_subscriptions_target_ck', sql`(${t.problemId} is null) <> (${t.regionId} is null)`),
    index('problem_subscriptions_problem_idx').on(t.problemId),
    index('problem_subscriptions_region_idx').on(t.regionId),
  ],
);

/**
 * One-time codes a citizen asks for by SMS to list the items raised with their phone (/public/lookup): stored hashed,
 * valid 10 minutes, void after 5 wrong tries or one use.
 */
export const publicLookupCodes = pgTable(
  'public_lookup_codes',
  {
    id: id(),
    /** The phone as normalizePhone gives it. */
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    wrongTries: integer('wrong_tries').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('public_lookup_codes_phone_idx').on(t.phone, t.createdAt)],
);

/**
 * Spike alerts (core/spikes/detect.ts): one row per village × top-level category × window; the unique key makes an
 * alert exist once however many processes scan (`insert … on conflict do nothing returning` decides who notifies).
 */
export const spikeAlerts = pgTable(
  'spike_alerts',
  {
    id: id(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => opinionCategories.id),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    itemCount: integer('item_count').notNull(),
    /** The usual weekly count the window was compared with (baseline mean, floored). */
    baseline: doublePrecision('baseline').notNull(),
    /** The items behind the alert (merged items once, under the item they were merged into). */
    opinionIds: integer('opinion_ids').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('spike_alerts_window_uq').on(t.regionId, t.categoryId, t.windowStart),
    index('spike_alerts_created_idx').on(t.createdAt),
  ],
);
