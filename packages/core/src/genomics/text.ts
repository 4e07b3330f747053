/**
 * Small text helpers shared by the line-oriented parsers (VCF, MAF, cBioPortal tables).
 * Every line keeps its 1-based number so errors can point at it.
 */
import { GenomicsParseError } from './errors';

export interface NumberedLine {
  line: number;
  text: string;
}

/** Splits on LF or CRLF, drops a UTF-8 byte-order mark, keeps empty lines (numbers stay true). */
export function numberedLines(text: string): NumberedLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = body.split(/\r?\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t }));
}

/**
 * A tab-separated table with a header row, after "#" comment lines (MAF's "#version 2.4",
 * cBioPortal's "#" metadata rows). Columns are looked up by name, case-sensitively as the
 * formats define them, with a case-insensitive fallback because hand-made files vary.
 */
export class TsvTable {
  readonly header: string[];
  readonly headerLine: number;
  readonly rows: { line: number; cells: string[] }[];
  readonly comments: NumberedLine[];
  private readonly index = new Map<string, number>();
  private readonly lowerIndex = new Map<string, number>();

  constructor(
    readonly file: string,
    text: string,
  ) {
    const lines = numberedLines(text);
    this.comments = [];
    let i = 0;
    while (i < lines.length && (lines[i]!.text.startsWith('#') || lines[i]!.text.trim() === '')) {
      if (lines[i]!.text.startsWith('#')) this.comments.push(lines[i]!);
      i++;
    }
    const head = lines[i];
    if (!head) throw new GenomicsParseError({ file, line: lines.length + 1 }, 'no header row: the file has no data table');
    this.headerLine = head.line;
    this.header = head.text.split('\t').map((h) => h.trim());
    this.header.forEach((h, k) => {
      if (!this.index.has(h)) this.index.set(h, k);
      const lower = h.toLowerCase();
      if (!this.lowerIndex.has(lower)) this.lowerIndex.set(lower, k);
    });
    this.rows = [];
    for (const l of lines.slice(i + 1)) {
      if (l.text.trim() === '' || l.text.startsWith('#')) continue;
      const cells = l.text.split('\t');
      // Trailing empty cells are often trimmed by editors; more cells than columns is an error.
      if (cells.length > this.header.length && cells.slice(this.header.length).some((c) => c.trim() !== '')) {
        throw new GenomicsParseError(
          { file, line: l.line },
          `expected ${this.header.length} tab-separated columns (as in the header on line ${this.headerLine}), found ${cells.length}`,
        );
      }
      this.rows.push({ line: l.line, cells });
    }
  }

  column(name: string): number | undefined {
    return this.index.get(name) ?? this.lowerIndex.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.column(name) !== undefined;
  }

  requireColumns(names: readonly string[]): void {
    const missing = names.filter((n) => !this.has(n));
    if (missing.length > 0) {
      throw new GenomicsParseError(
        { file: this.file, line: this.headerLine, field: missing[0] },
        `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      );
    }
  }

  /** Cell text, trimmed; undefined for absent columns and for empty / NA / "." cells. */
  get(row: { cells: string[] }, name: string): string | undefined {
    const k = this.column(name);
    if (k === undefined) return undefined;
    const v = row.cells[k]?.trim();
    return v === undefined || isMissing(v) ? undefined : v;
  }
}

/** Cells that mean "no value" in these formats. */
export function isMissing(v: string): boolean {
  return v === '' || v === '.' || v === 'NA' || v === 'N/A' || v === 'NULL' || v === 'null' || v === '[Not Available]';
}

export function parseIntegerField(
  value: string,
  where: { file: string; line: number; field: string },
  options: { min?: number } = {},
): number {
  if (!/^-?\d+$/.test(value)) throw new GenomicsParseError(where, `expected an integer, found "${value}"`);
  const n = Number(value);
  if (options.min !== undefined && n < options.min) {
    throw new GenomicsParseError(where, `expected an integer ≥ ${options.min}, found ${n}`);
  }
  return n;
}

export function parseNumberField(value: string, where: { file: string; line?: number; field: string }): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new GenomicsParseError(where, `expected a number, found "${value}"`);
  return n;
}

/** "9/12" (VEP EXON, SnpEff Rank) → 9. */
export function rankNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)(?:-\d+)?\/\d+$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** VEP percent-encodes ";", "=", "," and spaces in CSQ fields; CIViCpy writes "\x5F" escapes. */
export function decodeAnnotationValue(value: string): string {
  return value
    .replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
