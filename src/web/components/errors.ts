// Shows API errors the way users expect: field details on the form, the message in a toast.
import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/** Puts the server's field-level details on the form fields; returns the general message. */
export function applyApiError(e: unknown, form?: FormInstance): string {
  if (!(e instanceof ApiError)) return String(e);
  const details = e.body.details;
  if (form && Array.isArray(details)) {
    form.setFields(
      details.filter((d: any) => d.path).map((d: any) => ({ name: String(d.path).split('.'), errors: [d.message] })),
    );
  }
  return e.body.message;
}
