// Shapes of the /proposals API the pages read.

/** One row of GET /proposals. */
export interface ProposalRow {
  id: number;
  year: number;
  number: number | null;
  title: string;
  status: string;
  proposerName: string;
  cosignDeadline: string | null;
  replyDue: string | null;
  repliedAt: string | null;
  rating: string | null;
  leadDepartmentName: string | null;
  cosignerCount: number;
  myInvitation: string | null;
  overdue: boolean;
  updatedAt: string;
}

/** GET /proposals/:id. */
export interface ProposalDetail extends ProposalRow {
  content: string;
  decisionReason: string;
  reply: string;
  ratingComment: string;
  submittedAt: string | null;
  convertedOpinionId: number | null;
  cosigners: { memberId: number; name: string; status: string; respondedAt: string | null }[];
  departments: { departmentId: number; name: string; role: string }[];
  opinions: { id: number; title: string; status: string }[];
  abilities: { actions: string[] } & Record<string, unknown>;
}

/** One row of GET /proposals/:id/events. */
export interface ProposalEventRow {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  actorName: string;
  at: string;
}
