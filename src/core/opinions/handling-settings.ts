// Handling rules the office may switch (settings key 'opinion_handling'): today whether a 满意 rating closes the item.
import { z } from 'zod';
import type { OpinionEvent } from './payloads';

// The handling settings.
export interface HandlingSettings {
  /** A 满意 rating moves the item to 已办结 at once (the system closes it), instead of waiting for the office. */
  autoCloseOnSatisfied: boolean;
}

// The defaults: a satisfied citizen or member ends the matter; nobody should have to click 办结 afterwards.
export const DEFAULT_HANDLING_SETTINGS: Readonly<HandlingSettings> = Object.freeze({ autoCloseOnSatisfied: true });

// Validates what an admin saves; unknown keys are refused.
export const handlingSettingsSchema = z.strictObject({ autoCloseOnSatisfied: z.boolean() });

// The settings in force: each stored value that is valid, else the default, so a bad row never blocks a rating.
export function resolveHandlingSettings(stored: unknown): HandlingSettings {
  const out = { ...DEFAULT_HANDLING_SETTINGS };
  if (!stored || typeof stored !== 'object') return out;
  const v = (stored as Record<string, unknown>).autoCloseOnSatisfied;
  if (typeof v === 'boolean') out.autoCloseOnSatisfied = v;
  return out;
}

// Whether this appended event should be followed by the system's close: a 满意 rating that left the item rated.
export function closesAutomatically(ev: OpinionEvent, s: HandlingSettings): boolean {
  return s.autoCloseOnSatisfied && ev.type === 'rate' && ev.payload.rating === 'satisfied' && ev.to === 'rated';
}
