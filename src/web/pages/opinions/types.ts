// Shapes of the 社情民意 API answers the staff pages read, and the code lists the forms offer.
import type { OpinionAction, OpinionCompound, OpinionStatus } from '../../../core/opinions';
import type { PiiSpan } from '../../../core/text/pii';

/** Intake channels (the server's CHECK list); staff may pick these on the entry form. */
export const CHANNELS = [
  'phone',
  'letter',
  'box',
  'forum',
  'reception',
  'petition',
  'officer',
  'email',
  'web',
  'activity',
] as const;
/** Channels a staff member may choose when registering by hand. */
export const STAFF_CHANNELS = ['phone', 'letter', 'box', 'forum', 'reception', 'petition', 'officer', 'email'] as const;
/** Urgency codes. */
export const URGENCIES = ['normal', 'urgent'] as const;
/** Confidentiality tiers. */
export const CONFIDENTIALITIES = ['normal', 'internal', 'confidential'] as const;

/** One inbox row. */
export interface OpinionRow {
  id: number;
  /** The citizen's tracking code; null for departments (it signs the public rating, so they never get it). */
  trackingCode: string | null;
  title: string;
  status: OpinionStatus;
  statusLabel: string;
  channel: string;
  urgency: 'normal' | 'urgent';
  confidentiality: string;
  categoryId: number | null;
  categoryName: string | null;
  regionId: number | null;
  regionName: string | null;
  leadDepartmentId: number | null;
  leadDepartmentName: string | null;
  mergedIntoId: number | null;
  deadline: string | null;
  acceptDueAt: string | null;
  hasPendingExtension: boolean;
  isInBulletin: boolean;
  isEscalated: boolean;
  contactReleased: boolean;
  receivedAt: string;
  closedAt: string | null;
  overdue: boolean;
  /** Working days left on the running clock (negative: over); null when none runs. Lists only. */
  workingDaysLeft?: number | null;
}

/** One person who raised the item, masked as the server sends it. */
export interface Originator {
  id: number;
  kind: 'citizen' | 'member' | 'representative' | 'officer';
  memberId: number | null;
  memberName: string | null;
  representativeId: number | null;
  representativeName: string | null;
  name: string;
  phone: string;
  email: string;
  relayedAt: string | null;
}

/** One department assignment (lead or co-handler). */
export interface Assignment {
  departmentId: number;
  departmentName: string;
  role: 'lead' | 'co';
  active: boolean;
  createdAt: string;
}

/** The item page's record. */
export interface OpinionDetail extends OpinionRow {
  content: string;
  /** Personal data in the title and content, for those who read the original (null for a redacted copy). */
  pii?: { title: PiiSpan[]; content: PiiSpan[] } | null;
  publicReply: string | null;
  originators: Originator[];
  assignments: Assignment[];
  abilities: OpinionAction[];
  /** Compound moves the server offers now (受理并转办, 审核通过并反馈). */
  compounds?: OpinionCompound[];
  /** A department on a confidential item reads the office's redacted copy (title/content above) and its note. */
  isRedacted?: boolean;
  /** The redacted copy, for those who read the original of a confidential item. */
  redactedTitle?: string | null;
  redactedContent?: string | null;
  redactionNote?: string;
  /** Office staff named on a confidential item (with the leader, the only ones who see it). */
  namedStaff?: { userId: number; displayName: string }[];
  /** Office staff and the leader may change the tier. */
  canChangeConfidentiality?: boolean;
}

/** One timeline event. */
export interface OpinionEventRow {
  id: number;
  type: OpinionAction | 'create' | string;
  fromStatus: OpinionStatus | null;
  toStatus: OpinionStatus | null;
  payload: Record<string, unknown> | null;
  actorKind: 'user' | 'citizen' | 'system';
  actorName: string | null;
  at: string;
}
