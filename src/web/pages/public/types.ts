// The shape of GET /public/opinions/:code as the pages use it.

/** What a citizen sees of their item. */
export interface PublicView {
  trackingCode: string;
  title: string;
  content: string;
  receivedAt: string;
  category: string;
  village: string;
  status: string;
  statusLabel: string;
  timeline: { type: string; at: string }[];
  publicReply: string | null;
  /** Files of the approved reply (empty until the answer is shown). */
  replyAttachments: { id: number; filename: string; mime: string; size: number }[];
  myRating: { rating: string; comment: string; at: string } | null;
  canRate: boolean;
  /** The lead department once the item was forwarded (absent from servers before issue 9). */
  handlingUnit?: string | null;
  /** The item's deadline, 'YYYY-MM-DD' (absent from servers before issue 9). */
  dueDate?: string | null;
  /** The published 民生问题 the item was grouped into (absent from servers before issue 13). */
  problems?: { id: number; title: string; status: string; progress: number }[];
}
