// Slot lists of a reception day: generated from start/end/length, or given one by one, checked for order and overlap.

/** One bookable time slot, as HH:MM clock times of the day. */
export interface SlotTime {
  start: string;
  end: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Cuts [start, end) into slots of `length` minutes (a short tail is dropped), e.g. 09:00–11:30 by 30 → 5 slots. */
export function generateSlots(start: string, end: string, length: number): SlotTime[] {
  const out: SlotTime[] = [];
  for (let m = minutes(start); m + length <= minutes(end); m += length)
    out.push({ start: clock(m), end: clock(m + length) });
  return out;
}

/** Sorted by start; null when a slot ends before it starts or two slots overlap (the caller answers 400). */
export function normalizeSlots(slots: SlotTime[]): SlotTime[] | null {
  const sorted = [...slots].sort((a, b) => minutes(a.start) - minutes(b.start));
  for (let i = 0; i < sorted.length; i++) {
    if (minutes(sorted[i].end) <= minutes(sorted[i].start)) return null;
    if (i > 0 && minutes(sorted[i].start) < minutes(sorted[i - 1].end)) return null;
  }
  return sorted;
}
