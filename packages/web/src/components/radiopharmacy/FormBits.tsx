import type { ReactNode } from 'react';
import { ApiError, isApiError } from '../../api/client';

/** A labelled field with its hint and its error, wired for assistive technology. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  wide,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'field field-full' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes of an input rendered inside <Field>. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

export function asApiError(e: unknown): ApiError {
  return isApiError(e) ? e : new ApiError({ status: 0, title: e instanceof Error ? e.message : String(e) });
}

/** The problem above a form: the detail, and every field problem the form does not show next to a field. */
export function FormProblem({ error, shownFields = [] }: { error: ApiError | null; shownFields?: readonly string[] }) {
  if (!error) return null;
  const elsewhere = error.errors.filter((e) => !shownFields.some((f) => e.path === `body.${f}`));
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">
        {error.status === 0 ? error.title : `${error.title}${error.errors.length === 0 && error.detail ? `: ${error.detail}` : ''}`}
      </p>
      {elsewhere.length > 0 && (
        <ul className="field-problems">
          {elsewhere.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      {elsewhere.length === 0 && error.errors.length > 0 && <p>Please correct the fields marked below.</p>}
    </div>
  );
}
