// The one error of the Open311 endpoints: an HTTP status (404 missing, 403 api_key, 400 the rest) and a catalogue
// message, answered as the spec's `[{code, description}]` / `<errors><error>…` in the asked format.
import type { MessageCode } from '../../i18n/messages.js';

/** A GeoReport v2 error; `params` fill the catalogue message's placeholders. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly messageCode: MessageCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageCode);
  }
}
