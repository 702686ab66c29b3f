import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR as calendar } from './holidays-data';
import {
  acceptanceDeadline,
  assertExtensions,
  conclusionDeadline,
  grantExtension,
  grantPetitionExtension,
  isReviewRequestInTime,
  PetitionClockError,
  petitionClockView,
  petitionForwardDeadline,
  recheckConclusionDeadline,
  recheckRequestDeadline,
  reviewConclusionDeadline,
  reviewRequestDeadline,
} from './petition-clock';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PetitionClockError) return e.code;
    throw e;
  }
  return undefined;
}

describe('acceptance', () => {
  it('is 15 days after receipt, receipt day not counted', () => {
    expect(acceptanceDeadline('2026-03-02').date).toBe('2026-03-17');
    expect(acceptanceDeadline('2026-03-02').at.toISOString()).toBe('2026-03-17T09:30:00.000Z');
  });

  it('moves a last day inside National Day to the next working day when given the calendar', () => {
    expect(acceptanceDeadline('2026-09-20').date).toBe('2026-10-05');
    expect(acceptanceDeadline('2026-09-20', { calendar }).date).toBe('2026-10-08');
  });

  it('takes the China date of an instant received after UTC midnight', () => {
    expect(acceptanceDeadline(new Date('2026-03-01T16:30:00Z')).date).toBe('2026-03-17');
  });
});

describe('conclusion and extension', () => {
  it('is 60 days after acceptance, 90 with a 30-day extension', () => {
    expect(conclusionDeadline('2026-03-17').date).toBe('2026-05-16');
    expect(conclusionDeadline('2026-03-17', [30]).date).toBe('2026-06-15');
    expect(conclusionDeadline('2026-03-17', [10]).date).toBe('2026-05-26');
    expect(conclusionDeadline('2026-03-17', [], { calendar }).date).toBe('2026-05-18');
  });

  it('grants one extension of at most 30 days', () => {
    expect(grantExtension([], 30)).toEqual([30]);
    expect(grantExtension([], 1)).toEqual([1]);
  });

  it('refuses a second extension', () => {
    expect(codeOf(() => grantExtension([10], 10))).toBe('petition_extension_used');
    expect(codeOf(() => conclusionDeadline('2026-03-17', [10, 10]))).toBe('petition_extension_used');
  });

  it('refuses an extension over 30 days, or of no days', () => {
    expect(codeOf(() => grantExtension([], 31))).toBe('petition_extension_too_long');
    expect(codeOf(() => grantExtension([], 0))).toBe('petition_extension_invalid');
    expect(codeOf(() => grantExtension([], 2.5))).toBe('petition_extension_invalid');
    expect(codeOf(() => assertExtensions([45]))).toBe('petition_extension_too_long');
    const err = (() => {
      try {
        grantExtension([], 31);
      } catch (e) {
        return e as PetitionClockError;
      }
    })();
    expect(err).toBeInstanceOf(Error);
    expect(err?.details).toEqual({ days: 31, max: 30 });
  });
});

describe('review (复查) and re-examination (复核)', () => {
  it('allows a review request within 30 days of the answer', () => {
    expect(reviewRequestDeadline('2026-06-01').date).toBe('2026-07-01');
    expect(isReviewRequestInTime('2026-06-01', new Date('2026-07-01T14:00:00Z'))).toBe(true); // 22:00 Beijing
    expect(isReviewRequestInTime('2026-06-01', new Date('2026-07-01T16:00:00Z'))).toBe(false); // 2 July Beijing
    expect(isReviewRequestInTime('2026-09-10', '2026-10-08', { calendar })).toBe(true); // 10-10 is a working day
    expect(isReviewRequestInTime('2026-09-10', '2026-10-11', { calendar })).toBe(false);
  });

  it('answers review and re-examination within 30 days each', () => {
    expect(reviewConclusionDeadline('2026-07-01').date).toBe('2026-07-31');
    expect(recheckRequestDeadline('2026-07-31').date).toBe('2026-08-30');
    expect(recheckConclusionDeadline('2026-08-30', { calendar }).date).toBe('2026-09-29');
  });
});

describe('petition rules of the item clock', () => {
  it('allows one extension of at most 30 days counted from the statutory conclusion date', () => {
    expect(grantPetitionExtension('2026-05-01', [], '2026-05-31')).toEqual([30]);
    expect(codeOf(() => grantPetitionExtension('2026-05-01', [], '2026-06-01'))).toBe('petition_extension_too_long');
    expect(codeOf(() => grantPetitionExtension('2026-05-01', ['2026-05-10'], '2026-05-20'))).toBe(
      'petition_extension_used',
    );
    expect(codeOf(() => grantPetitionExtension('2026-05-01', [], '2026-04-30'))).toBe('petition_extension_invalid');
  });
  it('keeps the conclusion date when forwarding, and refuses a later one', () => {
    expect(petitionForwardDeadline('2026-05-01')).toBe('2026-05-01');
    expect(petitionForwardDeadline('2026-05-01', '2026-04-20')).toBe('2026-04-20');
    expect(codeOf(() => petitionForwardDeadline('2026-05-01', '2026-05-02'))).toBe('petition_deadline_beyond_limit');
  });
  it('shows acceptance, conclusion with extension, and the review window', () => {
    const view = petitionClockView({
      receivedAt: '2026-03-02',
      acceptedAt: '2026-03-10',
      extendedDues: ['2026-05-29'],
      answeredAt: '2026-05-20',
    });
    expect(view).toEqual({
      acceptanceDue: '2026-03-17',
      statutoryConclusionDue: '2026-05-09',
      conclusionDue: '2026-05-29',
      extensionDays: [20],
      extensionsLeft: 0,
      reviewRequestDue: '2026-06-19',
    });
    expect(petitionClockView({ receivedAt: '2026-03-02', extendedDues: [] }).conclusionDue).toBeNull();
  });
  it('moves a conclusion date that falls in the National Day holiday to the next working day', () => {
    // 60 days after 2026-08-02 is 2026-10-01, a holiday; the period ends on 2026-10-08.
    expect(conclusionDeadline('2026-08-02', [], { calendar }).date).toBe('2026-10-08');
  });
});
