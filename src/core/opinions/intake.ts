// Which channels a member may enter a 社情民意 item by. Members credit themselves with what they heard in their own
// liaison work; the office's intake channels (信访, phone/12345, letters, boxes, e-mail, the citizen web form,
// officers' reports, forums) stay with the office, so a member can neither borrow them nor inflate their counts.

/** 联系活动 (a contact activity or visit of their own) and 接待日 (a reception day they hold). */
export const MEMBER_CHANNELS = ['activity', 'reception'] as const;
/** A channel a member may choose. */
export type MemberChannel = (typeof MEMBER_CHANNELS)[number];

/** Whether a member may enter an item by this channel. */
export const isMemberChannel = (channel: string): channel is MemberChannel =>
  (MEMBER_CHANNELS as readonly string[]).includes(channel);
