// Form pieces of the citizens' pages in plain HTML: a labelled field with its hint and error, and the mapping of the
// server's field details onto the fields.
import { type ReactNode, useId } from 'react';
import { ApiError } from '../../api';

/** Field errors by field name. */
export type FieldErrors = Record<string, string | undefined>;

/** A label, the control (given the ids it must carry), a hint and the field's error. */
export function Field(props: {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="pub-field">
      <label htmlFor={id} className={props.required ? 'pub-req' : undefined}>
        {props.label}
      </label>
      {props.children({ id, 'aria-invalid': !!props.error, 'aria-describedby': described || undefined })}
      {props.hint && (
        <div id={`${id}-hint`} className="pub-hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <div id={`${id}-err`} className="pub-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** The server's field-level details as field errors, and its general message. */
export function readApiError(e: unknown): { message: string; fields: FieldErrors } {
  if (!(e instanceof ApiError)) return { message: String(e), fields: {} };
  const fields: FieldErrors = {};
  if (Array.isArray(e.body.details))
    for (const d of e.body.details as { path?: unknown; message?: string }[])
      if (d.path) fields[String(d.path).split('.')[0]] = d.message;
  return { message: e.body.message, fields };
}
