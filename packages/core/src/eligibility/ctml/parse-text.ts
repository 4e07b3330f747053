/**
 * CTML files as found in the wild: one JSON document, a JSON array of them, several JSON
 * documents one after the other, or YAML (one or more `---` documents).
 */
import { parseAllDocuments } from 'yaml';
import { CtmlError } from './errors';

export interface CtmlDocument {
  /** Root JSON path of the document: `$` alone, `$[2]` inside an array, `$<doc 2>` for the 2nd of several. */
  root: string;
  value: unknown;
}

export function looksLikeYaml(text: string, file?: string): boolean {
  if (file && /\.ya?ml$/i.test(file)) return true;
  if (file && /\.json$/i.test(file)) return false;
  const first = text.trimStart()[0];
  return first !== '{' && first !== '[';
}

export function parseCtmlText(text: string, file = '<input>'): CtmlDocument[] {
  return looksLikeYaml(text, file) ? parseYaml(text, file) : parseJson(text, file);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function parseYaml(text: string, file: string): CtmlDocument[] {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: CtmlDocument[] = [];
  list.forEach((doc, i) => {
    const err = doc.errors[0];
    if (err) throw new CtmlError(file, lineColumn(text, err.pos[0]), 'valid YAML', err.message.split('\n')[0]);
    const value = doc.toJS();
    if (value === null || value === undefined) return; // an empty document between separators
    out.push({ root: list.length > 1 ? `$<doc ${i + 1}>` : '$', value });
  });
  if (out.length === 0) throw new CtmlError(file, '$', 'a CTML trial document', 'an empty file');
  return flattenArrays(out);
}

/** Splits concatenated JSON values, then parses each; syntax errors carry line and column. */
function parseJson(text: string, file: string): CtmlDocument[] {
  const pieces: Array<{ start: number; end: number }> = [];
  // Brackets still open, so a mismatch is reported where it happens rather than at the end.
  const open: string[] = [];
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (open.length === 0) start = i;
      open.push(ch === '{' ? '}' : ']');
    } else if (ch === '}' || ch === ']') {
      const wanted = open.pop();
      if (wanted !== ch) throw new CtmlError(file, lineColumn(text, i), wanted ? `"${wanted}"` : 'valid JSON', ch);
      if (open.length === 0) pieces.push({ start, end: i + 1 });
    } else if (open.length === 0 && !/\s/.test(ch)) {
      throw new CtmlError(file, lineColumn(text, i), 'a JSON object or array', text.slice(i, i + 20));
    }
  }
  if (open.length) throw new CtmlError(file, lineColumn(text, text.length), `"${open[open.length - 1]}"`, 'the end of the file');
  if (pieces.length === 0) throw new CtmlError(file, '$', 'a CTML trial document', 'an empty file');
  const docs = pieces.map(({ start: s, end }, i) => {
    try {
      return { root: pieces.length > 1 ? `$<doc ${i + 1}>` : '$', value: JSON.parse(text.slice(s, end)) as unknown };
    } catch (e) {
      const m = /position (\d+)/.exec((e as Error).message);
      const where = m ? lineColumn(text, s + Number(m[1])) : lineColumn(text, s);
      throw new CtmlError(file, where, 'valid JSON', (e as Error).message);
    }
  });
  return flattenArrays(docs);
}

/** A top-level array holds one trial per element. */
function flattenArrays(docs: CtmlDocument[]): CtmlDocument[] {
  return docs.flatMap((d) => (Array.isArray(d.value) ? d.value.map((value, i) => ({ root: `${d.root}[${i}]`, value })) : [d]));
}
