// Shapes of the 民生问题 staff API (GET /problems, /problems/:id, /problems/suggestions), as the pages read them.

/** The lifecycle of a problem: 征集中 → 已确定 → 推进中 → 已解决 / 部分解决. */
export const PROBLEM_STATUSES = ['collecting', 'confirmed', 'in_progress', 'solved', 'partly_solved'] as const;
/** One problem status code. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** One row of the problem list. */
export interface ProblemRow {
  id: number;
  title: string;
  regionId: number;
  regionName: string;
  year: number;
  status: ProblemStatus;
  progress: number;
  leadDepartmentId: number | null;
  leadDepartmentName: string | null;
  itemCount: number;
  peopleCount: number;
  updatedAt: string;
}

/** An item linked to a problem (it keeps its own lifecycle). */
export interface ProblemItem {
  id: number;
  trackingCode: string | null;
  title: string;
  status: string;
  regionName: string | null;
  channel: string;
  receivedAt: string;
}

/** A milestone: reaching it sets the problem's progress to at least its %. */
export interface Milestone {
  id: number;
  title: string;
  dueDate: string | null;
  progress: number;
  reachedAt: string | null;
  note: string;
}

/** A photo, document or department report kept for the problem. */
export interface Evidence {
  id: number;
  kind: 'photo' | 'document' | 'report';
  title: string;
  filename: string;
  mime: string;
  size: number;
  published: boolean;
  createdAt: string;
}

/** One entry of the problem's timeline. */
export interface ProblemEvent {
  id: number;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown> | null;
  at: string;
}

/** The problem page's record. */
export interface ProblemDetail extends ProblemRow {
  summary: string;
  goal: string;
  outcome: string;
  published: boolean;
  departments: { id: number; name: string }[];
  items: ProblemItem[];
  countsByVillage: { regionId: number | null; name: string | null; count: number }[];
  countsByChannel: { channel: string; count: number }[];
  milestones: Milestone[];
  evidence: Evidence[];
  events: ProblemEvent[];
  allowedStatuses: ProblemStatus[];
  /** What the viewer may do here (the server's word; absent from older servers). */
  abilities?: { canEdit: boolean; canReport: boolean; canLinkItems: boolean };
}

/** A group of similar recent unlinked items of one township, proposed as a problem. */
export interface SuggestionGroup {
  regionId: number;
  regionName: string;
  title: string;
  opinionIds: number[];
  count: number;
  /** The words the group shares, when the server gives them. */
  keywords?: string[];
}
