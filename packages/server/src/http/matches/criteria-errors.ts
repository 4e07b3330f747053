import type { CtmlError } from '@continuum/core';
import type { CriterionProblem } from '../../matching/validate-criteria';
import { HttpProblem, type FieldError } from '../common/problem';

/**
 * A field error about CTML: `path` continues the body field into the document
 * ("body.ctml.treatment_list.step[0].arm[1].match[0].genomic.hugo_symbol"); `ctmlPath` is the
 * path inside the CTML document as CTML tools write it ("$.treatment_list..." or "line 3,
 * column 25" for a syntax error); `suggestions` are the closest valid values.
 */
export interface CtmlFieldError extends FieldError {
  ctmlPath: string;
  suggestions?: string[];
}

export function ctmlFieldPath(ctmlPath: string, field = 'body.ctml'): string {
  return ctmlPath.startsWith('$') ? `${field}${ctmlPath.slice(1)}` : field;
}

export function ctmlError(e: CtmlError, field = 'body.ctml'): HttpProblem {
  // CtmlError's message is "file: path: expected …"; the field error names the path itself.
  const message = e.message.startsWith(`${e.file}: ${e.path}: `) ? e.message.slice(`${e.file}: ${e.path}: `.length) : e.message;
  const error: CtmlFieldError = { path: ctmlFieldPath(e.path, field), message, ctmlPath: e.path };
  if (e.suggestions.length) error.suggestions = e.suggestions;
  return new HttpProblem(400, 'Bad Request', `Invalid CTML at ${e.path}: ${message}`, [error]);
}

// Where each criterion field is written in CTML (genomic keys; Continuum leaves keep their names).
const CTML_KEY: Record<string, string> = { gene: 'hugo_symbol', partner: 'fusion_partner_hugo_symbol' };

/** The CTML path of a problem in an imported leaf, from the `source` the importer stamped on it. */
function ctmlPathOf(p: CriterionProblem): string | undefined {
  const m = p.leaf?.source ? /#(\$.*)$/.exec(p.leaf.source) : null;
  if (!m) return undefined;
  const at = m[1]!;
  if (!p.field) return at;
  if (/\.genomic$/.test(at)) return `${at}.${CTML_KEY[p.field] ?? p.field}`;
  if (/\.continuum$/.test(at)) return `${at}.${p.field}`;
  return at; // clinical keys are their own leaves: the source already names the key
}

/** Vocabulary problems of imported CTML, as field errors naming the CTML path. */
export function ctmlVocabularyErrors(problems: readonly CriterionProblem[], field = 'body.ctml'): CtmlFieldError[] {
  return problems.map((p) => {
    const ctmlPath = ctmlPathOf(p) ?? '$';
    return { path: ctmlFieldPath(ctmlPath, field), message: p.message, ctmlPath, ...(p.suggestions?.length ? { suggestions: p.suggestions } : {}) };
  });
}

/** Problems of a criterion tree sent for one level, as field errors under body.criteria[levelPath]. */
export function treeErrors(levelPath: string, problems: ReadonlyArray<{ at: Array<string | number>; message: string; suggestions?: string[] }>): FieldError[] {
  return problems.map((p) => ({
    path: [`body.criteria[${levelPath}]`, ...p.at].join('.'),
    message: p.message,
    ...(p.suggestions?.length ? { suggestions: p.suggestions } : {}),
  }));
}

export function invalid(detail: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem(400, 'Bad Request', `${detail}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}
