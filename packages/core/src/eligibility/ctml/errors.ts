/** The one error a malformed CTML document raises: which file, where inside it, what was expected. */
export class CtmlError extends Error {
  override readonly name = 'CtmlError';

  constructor(
    /** File name as the caller gave it (or "<input>"). */
    readonly file: string,
    /** JSON path inside the document, e.g. `$.treatment_list.step[0].arm[1].match[0].and[2].genomic.cnv_call`, or "line 4, column 7" for syntax errors. */
    readonly path: string,
    /** What would have been valid. */
    readonly expected: string,
    /** What was there instead. */
    readonly found?: unknown,
    /** Valid values close to what was found (unknown OncoTree names...). */
    readonly suggestions: string[] = [],
  ) {
    super(
      `${file}: ${path}: expected ${expected}` +
        (found !== undefined ? `, found ${preview(found)}` : '') +
        (suggestions.length ? ` (did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?)` : ''),
    );
  }
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Appends a key or index to a JSON path: `$` + "step" → `$.step`, + 0 → `$.step[0]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
