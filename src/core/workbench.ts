// The 待办 workbench: counter keys, the shape GET /workbench answers, and the department desk's query rule, shared by
// the server (which counts) and the web (which links and lists), so a count and the list it opens never disagree.

// Every counter a workbench may show, in display order.
export const WORKBENCH_KEYS = [
  'deptTodo',
  'deptDueSoon',
  'deptOverdue',
  'deptRework',
  'deptExtensionPending',
  'received',
  'dueSoon',
  'overdue',
  'extensionPending',
  'replyReview',
  'feedbackPending',
  'compilable',
  'proposalsToDecide',
  'appealsPending',
  'bulletinsToSignOff',
  'instructionsToRecord',
  'townshipReceived',
  'membersBelowQuota',
  'feedbackToRate',
] as const;

// One counter key.
export type WorkbenchKey = (typeof WORKBENCH_KEYS)[number];

// One card: how many, the web URL of the list it counts, a tone for the number, and label parameters (e.g. year).
export interface WorkbenchCounter {
  key: WorkbenchKey;
  count: number;
  link: string;
  tone?: 'danger' | 'warning';
  params?: Record<string, string | number>;
}

// The answer of GET /workbench.
export interface WorkbenchAnswer {
  items: WorkbenchCounter[];
}

// The desk's view switch: 待办 by default, every item only when asked.
export const DESK_VIEW_ALL = 'all';

/**
 * The GET /opinions query of the department desk (/dept) from its URL parameters: 待办 (items at the department)
 * unless a status is picked or view=all, always overdue first then by due date. `view` is the page's, not the API's.
 */
export function deptDeskQuery(params: Record<string, string>): Record<string, string> {
  const { view, ...rest } = params;
  const todo = !rest.status && view !== DESK_VIEW_ALL;
  return { ...rest, ...(todo ? { todo: 'true' } : {}), sort: 'due' };
}
