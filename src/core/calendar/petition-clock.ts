// Statutory clocks of 《信访工作条例》(2022) for petitions (信访), in calendar days (日), start day not counted.
// With a calendar in the options, a period whose last day is a day off ends on the next working day (民法典 第二百零三条);
// the due instant is the end of office hours that day (停止业务活动的时间).
import { type DateInput, daysFromTo, type IsoDate, toChinaDate } from './china-time';
import { addCalendarDays, type CalendarDayOptions, type Deadline } from './working-days';

// The periods of the 条例; named so reports and reminders can quote them.
export const PETITION_LIMITS = Object.freeze({
  // decide whether to accept and notify the petitioner in writing, from receipt
  acceptanceDays: 15,
  // conclude (办结) from acceptance
  conclusionDays: 60,
  // a complicated case may be extended once, approved by the head of the body, by at most 30 days
  maxExtensions: 1,
  maxExtensionDays: 30,
  // the petitioner may ask the next-higher body for review (复查) from receiving the written answer
  reviewRequestDays: 30,
  // the reviewing body answers from receiving the request
  reviewConclusionDays: 30,
  // against the review opinion, re-examination (复核) may be requested, and is answered, in the same periods
  recheckRequestDays: 30,
  recheckConclusionDays: 30,
});

// Why an extension is refused; the server maps each code to an AppError with a catalogue message.
export type PetitionClockErrorCode =
  | 'petition_extension_used'
  | 'petition_extension_too_long'
  | 'petition_extension_invalid'
  | 'petition_deadline_beyond_limit';

// A refused change to a petition clock, typed so the service can tell the user exactly which rule applies.
export class PetitionClockError extends Error {
  readonly code: PetitionClockErrorCode;
  readonly details: Record<string, number>;

  constructor(code: PetitionClockErrorCode, details: Record<string, number> = {}) {
    super(code);
    this.name = 'PetitionClockError';
    this.code = code;
    this.details = details;
  }
}

// Due date for deciding acceptance (受理) and notifying the petitioner: 15 days after receipt.
export function acceptanceDeadline(receivedAt: DateInput, options?: CalendarDayOptions): Deadline {
  return addCalendarDays(receivedAt, PETITION_LIMITS.acceptanceDays, options);
}

function checkExtensionDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new PetitionClockError('petition_extension_invalid', { days });
  if (days > PETITION_LIMITS.maxExtensionDays) {
    throw new PetitionClockError('petition_extension_too_long', { days, max: PETITION_LIMITS.maxExtensionDays });
  }
}

// Validates a recorded list of extensions (days each); the stored history may only ever hold one of ≤ 30 days.
export function assertExtensions(extensions: readonly number[]): void {
  if (extensions.length > PETITION_LIMITS.maxExtensions) {
    throw new PetitionClockError('petition_extension_used', { max: PETITION_LIMITS.maxExtensions });
  }
  for (const days of extensions) checkExtensionDays(days);
}

// The extension history after granting one more, or a PetitionClockError when the 条例 refuses it.
export function grantExtension(extensions: readonly number[], days: number): number[] {
  assertExtensions(extensions);
  if (extensions.length >= PETITION_LIMITS.maxExtensions) {
    throw new PetitionClockError('petition_extension_used', { max: PETITION_LIMITS.maxExtensions });
  }
  checkExtensionDays(days);
  return [...extensions, days];
}

// Due date for concluding (办结): 60 days after acceptance, plus the granted extension.
export function conclusionDeadline(
  acceptedAt: DateInput,
  extensions: readonly number[] = [],
  options?: CalendarDayOptions,
): Deadline {
  assertExtensions(extensions);
  const extra = extensions.reduce((sum, d) => sum + d, 0);
  return addCalendarDays(acceptedAt, PETITION_LIMITS.conclusionDays + extra, options);
}

// Last day the petitioner may ask for review (复查): 30 days after receiving the written answer.
export function reviewRequestDeadline(answeredAt: DateInput, options?: CalendarDayOptions): Deadline {
  return addCalendarDays(answeredAt, PETITION_LIMITS.reviewRequestDays, options);
}

// Due date of the review opinion: 30 days after the reviewing body receives the request.
export function reviewConclusionDeadline(requestReceivedAt: DateInput, options?: CalendarDayOptions): Deadline {
  return addCalendarDays(requestReceivedAt, PETITION_LIMITS.reviewConclusionDays, options);
}

// Last day to ask for re-examination (复核) of a review opinion: 30 days after receiving it.
export function recheckRequestDeadline(reviewAnsweredAt: DateInput, options?: CalendarDayOptions): Deadline {
  return addCalendarDays(reviewAnsweredAt, PETITION_LIMITS.recheckRequestDays, options);
}

// Due date of the re-examination opinion: 30 days after the request is received (hearing time not counted, 条例).
export function recheckConclusionDeadline(requestReceivedAt: DateInput, options?: CalendarDayOptions): Deadline {
  return addCalendarDays(requestReceivedAt, PETITION_LIMITS.recheckConclusionDays, options);
}

// Whether a review request made at `at` is within the 30-day window; the petitioner has the whole last day
// (a letter or web form is not bound by office hours), so the China date is compared, not the instant.
export function isReviewRequestInTime(answeredAt: DateInput, at: DateInput, options?: CalendarDayOptions): boolean {
  return toChinaDate(at) <= reviewRequestDeadline(answeredAt, options).date;
}

// The reason a 'reopen' carries when it records the petitioner's request for review (复查), not office supervision.
export const PETITION_REVIEW_REASON = 'petition_review';

// Days each granted extension added: extended due dates are stored, so days count from the statutory 60-day due date.
export function extensionDaysOf(statutoryDue: IsoDate, extendedDues: readonly IsoDate[]): number[] {
  return extendedDues.map((d) => daysFromTo(statutoryDue, d));
}

// The extension history after moving the conclusion date to `newDue`: at most once, by at most 30 days (else throws).
export function grantPetitionExtension(statutoryDue: IsoDate, extendedDues: readonly IsoDate[], newDue: IsoDate) {
  return grantExtension(extensionDaysOf(statutoryDue, extendedDues), daysFromTo(statutoryDue, newDue));
}

// A department deadline on a petition: forwarding keeps the conclusion date; an explicit one may not pass it.
export function petitionForwardDeadline(conclusionDue: IsoDate, explicit?: IsoDate): IsoDate {
  if (explicit === undefined) return conclusionDue;
  if (explicit > conclusionDue) {
    throw new PetitionClockError('petition_deadline_beyond_limit', { days: daysFromTo(conclusionDue, explicit) });
  }
  return explicit;
}

// What the item page shows of a petition's statutory clock.
export interface PetitionClockView {
  acceptanceDue: IsoDate;
  statutoryConclusionDue: IsoDate | null;
  conclusionDue: IsoDate | null;
  extensionDays: number[];
  extensionsLeft: number;
  reviewRequestDue: IsoDate | null;
}

// The petition clock from the recorded facts (receipt, acceptance, granted extensions, the written answer).
export function petitionClockView(
  facts: { receivedAt: DateInput; acceptedAt?: DateInput; extendedDues: readonly IsoDate[]; answeredAt?: DateInput },
  options?: CalendarDayOptions,
): PetitionClockView {
  const statutory = facts.acceptedAt ? conclusionDeadline(facts.acceptedAt, [], options).date : null;
  const days = statutory ? extensionDaysOf(statutory, facts.extendedDues) : [];
  const last = facts.extendedDues.at(-1);
  return {
    acceptanceDue: acceptanceDeadline(facts.receivedAt, options).date,
    statutoryConclusionDue: statutory,
    conclusionDue: statutory && last && last > statutory ? last : statutory,
    extensionDays: days,
    extensionsLeft: Math.max(0, PETITION_LIMITS.maxExtensions - days.length),
    reviewRequestDue: facts.answeredAt ? reviewRequestDeadline(facts.answeredAt, options).date : null,
  };
}
