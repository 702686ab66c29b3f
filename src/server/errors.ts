// The one error type of the server and the one place that maps error codes to HTTP statuses.
import type { MessageCode } from './i18n/messages.js';

const statusOf: Partial<Record<MessageCode, number>> = {
  validation_failed: 400,
  weak_password: 400,
  wrong_password: 400,
  import_invalid: 422,
  import_bad_file: 422,
  import_too_large: 422,
  unsupported_file_type: 415,
  too_many_files: 400,
  unauthenticated: 401,
  session_expired: 401,
  bad_credentials: 401,
  account_locked: 423,
  too_many_attempts: 429,
  password_attempts_exceeded: 429,
  account_disabled: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_representative: 409,
  duplicate_username: 409,
  in_use: 409,
  payload_too_large: 413,
  rate_limited: 429,
  invalid_transition: 409,
  bulk_refused: 409,
  duplicate_view_name: 409,
  slot_taken: 409,
  reception_closed: 409,
  reception_slot_booked: 409,
  reception_not_today: 409,
  booking_state: 409,
  consultation_state: 409,
  outcome_state: 409,
  bulletin_too_long: 400,
  bulletin_mixed_topics: 400,
  bulletin_category_required: 400,
  bulletin_item_ineligible: 409,
  bulletin_item_compiled: 409,
  bulletin_invalid_step: 409,
  bulletin_self_signoff: 403,
  bulletin_not_issued: 409,
  bulletin_comment_required: 400,
  feedback_not_sent: 409,
  assessment_year_closed: 409,
  assessment_year_missing: 404,
  proposal_cosign_closed: 409,
  proposal_cosign_pending: 409,
  proposal_deadline_past: 400,
  proposal_member_only: 403,
  petition_extension_used: 409,
  petition_review_late: 409,
  contact_already_released: 409,
  opinion_reply_file_locked: 409,
  password_change_required: 403,
  reference_missing: 400,
  activity_has_opinions: 409,
  opinion_already_raised: 409,
  data_dir_locked: 409,
  backup_damaged: 422,
  backup_format: 422,
  subscription_token_invalid: 400,
  subscription_token_expired: 410,
  problem_invalid_status: 409,
  category_not_pickable: 400,
  opinion_category_locked: 409,
  internal: 500,
  database_unavailable: 503,
};

/** A field-level problem, with the field path and a translated message. */
export interface FieldIssue {
  path: string;
  message: string;
  row?: number;
  column?: string;
}

/** Thrown by services and handlers; the error handler turns it into `{code, message, details}`. */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly details: unknown = undefined,
  ) {
    super(code);
  }
  get status(): number {
    return statusOf[this.code] ?? 400;
  }
}

/** Shorthand for the most common error: the record is missing or outside the actor's scope. */
export const notFound = () => new AppError('not_found');

/** A 400 for one field, with a message key from the field catalogue (src/server/i18n/zod-issues.ts), translated per request. */
export const fieldError = (path: string, key: string) =>
  new AppError('validation_failed', {}, [{ path, message: key }]);
