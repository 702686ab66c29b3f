// Drafts: what a member types on the record screen is kept on the phone (localStorage, per user) as they type, so a
// closed tab, a dead battery or an expired session never loses it; cleared once the record is saved or queued.

const keyOf = (userId: number) => `jl.record.draft.${userId}`;

/** A saved draft: plain JSON form values (the date as YYYY-MM-DD; photos are not kept) and when it was saved. */
export interface Draft {
  values: Record<string, unknown>;
  savedAt: string;
}

export function loadDraft(userId: number): Draft | null {
  try {
    const raw = localStorage.getItem(keyOf(userId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, values: Record<string, unknown>) {
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify({ values, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the form still works, only the draft is not kept
  }
}

export function clearDraft(userId: number) {
  localStorage.removeItem(keyOf(userId));
}

/** Whether a draft holds anything the member typed or picked (not just the form's defaults). */
export function draftHasContent(values: Record<string, unknown>): boolean {
  const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : false);
  return ['opinions', 'handling', 'location', 'methodOther', 'methods', 'purposes', 'representativeIds'].some((k) =>
    filled(values[k]),
  );
}
