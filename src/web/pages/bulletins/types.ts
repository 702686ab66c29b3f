// Shapes of the bulletin API answers the pages read.

/** One archive row. */
export interface BulletinRow {
  id: number;
  year: number;
  number: number | null;
  title: string;
  status: 'draft' | 'submitted' | 'signed_off' | 'issued';
  categoryName: string | null;
  issueDate: string | null;
  itemCount: number;
  adoptionLevels: string[];
  instructionCount: number;
}

/** One outcome (采用 or 批示). */
export interface Outcome {
  id: number;
  kind: 'adoption' | 'instruction';
  level: string | null;
  leaderName: string;
  date: string;
  text: string;
  followUp: string;
}

/** One issue as GET /bulletins/:id answers it. */
export interface BulletinDetail extends BulletinRow {
  body: string;
  distribution: string;
  categoryId: number | null;
  editorName: string | null;
  signedOffByName: string | null;
  items: { id: number; trackingCode: string; title: string; statusLabel: string; categoryName: string | null }[];
  credits: { memberId: number; name: string }[];
  outcomes: Outcome[];
  events: { id: number; type: string; payload: Record<string, any>; actorName: string; at: string }[];
  abilities: {
    canEdit: boolean;
    canSubmit: boolean;
    canSignOff: boolean;
    canReturn: boolean;
    canIssue: boolean;
    canRecordOutcome: boolean;
    canDownload: boolean;
  };
}
