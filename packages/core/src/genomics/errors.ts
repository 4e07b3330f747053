/**
 * Errors raised while reading genomic files and names.
 *
 * One error type for every parser so that an importer can turn any failure into the same
 * problem report ("file, line, column or field, and the reason") and roll the whole file back.
 */

export interface GenomicsErrorLocation {
  /** File name as the caller gave it (core never opens files). */
  file: string;
  /** 1-based line number in the file, when the format is line-oriented. */
  line?: number;
  /** Column name (TSV), INFO key or JSON/FHIR path of the offending value. */
  field?: string;
}

export class GenomicsParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly reason: string;

  constructor(location: GenomicsErrorLocation, reason: string) {
    const where = [
      location.file,
      location.line !== undefined ? `line ${location.line}` : undefined,
      location.field !== undefined ? `field "${location.field}"` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    super(`${where}: ${reason}`);
    this.name = 'GenomicsParseError';
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
    this.reason = reason;
  }
}

/** A notation (HGVS, variant name) that could not be read; carries the text and why. */
export class NotationError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`"${text}": ${reason}`);
    this.name = 'NotationError';
  }
}

/** A gene symbol that is neither approved, nor an alias, nor a previous symbol in the table. */
export class UnknownGeneError extends Error {
  constructor(
    readonly symbol: string,
    readonly suggestions: readonly string[],
  ) {
    super(
      suggestions.length > 0
        ? `unknown gene symbol "${symbol}"; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`
        : `unknown gene symbol "${symbol}"`,
    );
    this.name = 'UnknownGeneError';
  }
}
