/**
 * The live CTML preview. What a criterion tree says in CTML is decided by one writer, core's
 * `matchToCtml` (the server's CTML export uses the same function); this module only places
 * its output in the trial's document as the server last wrote it, and lays that out as JSON
 * or YAML.
 */
import type { Criterion } from '@continuum/core';
import { matchToCtml } from '@continuum/core/eligibility/ctml/export';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** `{ match: [...] }` for one level; throws what the writer throws (a CtmlError names the path). */
export function levelClause(c: Criterion | null): Json {
  return c ? { match: matchToCtml(c) as Json } : { match: [] };
}

/**
 * The server's document with every level's `match` replaced by the draft's, or null when the
 * document does not have the shape the level paths describe.
 */
export function documentWithDrafts(documentJson: string, drafts: ReadonlyMap<string, Criterion | null>): Json | null {
  let doc: Json;
  try {
    doc = JSON.parse(documentJson) as Json;
  } catch {
    return null;
  }
  // A JSON array of trials is possible in CTML; the trial page has one.
  const root = Array.isArray(doc) ? doc[0] : doc;
  if (!root || typeof root !== 'object' || Array.isArray(root)) return null;
  for (const [path, c] of drafts) {
    const target = path === 'trial' || path === 'match' ? root : walk(root, path.split('.'));
    if (!target) return null;
    if (c) target.match = matchToCtml(c) as Json;
    else delete target.match;
  }
  return root;
}

function walk(node: Json, segs: string[]): { [k: string]: Json } | null {
  let cur: Json | undefined = node;
  for (const s of segs) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (cur && typeof cur === 'object') cur = cur[s];
    else return null;
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? cur : null;
}

export function toJsonText(value: Json): string {
  return JSON.stringify(value, null, 2);
}

/**
 * Block-style YAML. Every string is double-quoted (JSON escapes are valid YAML), so values
 * such as ">=18", "!Mutation" or "Yes" can never be read back as anything but strings.
 */
export function toYamlText(value: Json): string {
  return `${emit(value, 0).replace(/^\n/, '')}\n`;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const key = (k: string) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));
const pad = (n: number) => '  '.repeat(n);

function scalar(v: Json): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : String(v);
}

function emit(v: Json, depth: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []';
    return v
      .map((item) => {
        const body = emit(item, depth + 1);
        // "- key: value" on the dash's line for objects, the rest indented under it.
        return item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length
          ? `\n${pad(depth)}- ${body.replace(/^\n\s*/, '')}`
          : `\n${pad(depth)}-${body}`;
      })
      .join('');
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, x]) => `\n${pad(depth)}${key(k)}:${emit(x, depth + 1)}`).join('');
  }
  return ` ${scalar(v)}`;
}
