/**
 * Reads a genomic file from disk for core's parsers, whole or — for MAF, the format cohorts
 * arrive in — in chunks of lines, so that a million-variant file never exists as one string
 * and one array of records (a 10,000-patient MAF is ~150 MB of text and ~1 GB of records).
 *
 * Each chunk is core's parseMaf run on the file's header block plus a slice of its data lines;
 * record lines, warnings and errors are shifted back to the file's own line numbers, so what
 * the caller sees is what parsing the whole text would have said.
 */
import {
  GenomicsParseError,
  detectGenomicFormat,
  parseGenomicFile,
  parseMaf,
  type GenomeBuild,
  type GenomicFileFormat,
  type ParsedGenomicFile,
} from '@continuum/core';
import type { Hash } from 'node:crypto';
import { createReadStream, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface ReadOptions {
  /** Name used in records and errors (the path as the user gave it, or its base name). */
  fileName: string;
  /** Build the caller declares; a file that declares another is refused. */
  build?: GenomeBuild;
  /** Data lines per MAF chunk: large enough that the header re-parse is noise, small enough to bound memory. */
  chunkLines?: number;
  /** Receives every byte read (the import's SHA-256). */
  hash?: Hash;
  /** Bytes read so far and the file's size. */
  onBytes?: (read: number, total: number) => void;
}

const DEFAULT_CHUNK_LINES = 20_000;
const SNIFF_BYTES = 64 * 1024;

/** The format, from the file's name and first bytes (core's detector, on a prefix). */
export function sniffGenomicFormat(path: string, fileName: string): GenomicFileFormat {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    // Cut at the last complete line so the header-column check never sees half a line.
    let text = buf.subarray(0, n).toString('utf8');
    if (n === SNIFF_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    return detectGenomicFormat(text, fileName);
  } finally {
    closeSync(fd);
  }
}

/** Whole-file parse (every format); the build the caller declared is checked against the file's. */
export function readGenomicFile(path: string, options: ReadOptions): ParsedGenomicFile {
  const bytes = readFileSync(path);
  options.hash?.update(bytes);
  options.onBytes?.(bytes.length, bytes.length);
  const parsed = parseGenomicFile(bytes.toString('utf8'), options.fileName, options.build ? { build: options.build } : {});
  checkDeclaredBuild(parsed, options);
  return parsed;
}

/**
 * The file as a sequence of parsed chunks: MAF in slices of lines, anything else in one piece.
 * A parse error anywhere throws (the caller's transaction then rolls everything back).
 */
export async function* readGenomicChunks(path: string, options: ReadOptions): AsyncGenerator<ParsedGenomicFile> {
  const format = sniffGenomicFormat(path, options.fileName);
  if (format !== 'maf') {
    yield readGenomicFile(path, options);
    return;
  }
  yield* readMafChunks(path, options);
}

async function* readMafChunks(path: string, options: ReadOptions): AsyncGenerator<ParsedGenomicFile> {
  const total = statSync(path).size;
  const chunkLines = options.chunkLines ?? DEFAULT_CHUNK_LINES;
  const decoder = new StringDecoder('utf8');
  // Comment lines, blank lines and the header row, verbatim: every chunk is parsed after them.
  const preamble: string[] = [];
  let headerSeen = false;
  let lineNo = 0;
  let data: string[] = [];
  let firstDataLine = 0;
  let pending = '';
  let bytes = 0;
  // The build the file declares (first NCBI_Build) and where: later chunks must agree with it.
  let fileBuild: { build: GenomeBuild; line: number } | undefined;

  const parseChunk = (): ParsedGenomicFile => {
    const offset = firstDataLine - (preamble.length + 1);
    const text = `${preamble.join('\n')}\n${data.join('\n')}\n`;
    data = [];
    let parsed: ParsedGenomicFile;
    try {
      parsed = parseMaf(text, options.fileName, options.build ? { build: options.build } : {});
    } catch (e) {
      if (e instanceof GenomicsParseError && e.line !== undefined && e.line > preamble.length) {
        throw new GenomicsParseError(
          { file: e.file, line: e.line + offset, ...(e.field !== undefined ? { field: e.field } : {}) },
          e.reason,
        );
      }
      throw e;
    }
    for (const r of parsed.records) if (r.source.line !== undefined) r.source.line += offset;
    const prefix = `${options.fileName} line `;
    parsed.warnings = parsed.warnings.map((w) =>
      w.startsWith(prefix) ? w.replace(/^(.* line )(\d+)/, (_, p: string, n: string) => `${p}${Number(n) + offset}`) : w,
    );
    if (parsed.build && parsed.records.length > 0) {
      if (!fileBuild) {
        fileBuild = { build: parsed.build, line: parsed.records[0]!.source.line! };
      } else if (parsed.build !== fileBuild.build) {
        throw new GenomicsParseError(
          { file: options.fileName, line: parsed.records[0]!.source.line!, field: 'NCBI_Build' },
          `genome build ${parsed.build} differs from ${fileBuild.build} on line ${fileBuild.line}; one file holds one build`,
        );
      }
    }
    checkDeclaredBuild(parsed, options);
    return parsed;
  };

  const take = (line: string): boolean => {
    lineNo++;
    if (!headerSeen) {
      preamble.push(line);
      const t = line.replace(/^\uFEFF/, '');
      if (!t.startsWith('#') && t.trim() !== '') headerSeen = true;
      return false;
    }
    if (data.length === 0) firstDataLine = lineNo;
    data.push(line);
    return data.length >= chunkLines;
  };

  for await (const buf of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }) as AsyncIterable<Buffer>) {
    options.hash?.update(buf);
    bytes += buf.length;
    pending += decoder.write(buf);
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', start)) !== -1) {
      if (take(pending.slice(start, nl))) yield parseChunk();
      start = nl + 1;
    }
    pending = pending.slice(start);
    options.onBytes?.(bytes, total);
  }
  pending += decoder.end();
  if (pending !== '') take(pending);
  if (!headerSeen) {
    throw new GenomicsParseError({ file: options.fileName, line: lineNo + 1 }, 'no header row: the file has no data table');
  }
  // A header-only file still goes through the parser once, so missing columns are reported.
  if (data.length > 0 || firstDataLine === 0) yield parseChunk();
}

function checkDeclaredBuild(parsed: ParsedGenomicFile, options: ReadOptions): void {
  if (options.build && parsed.build && parsed.build !== options.build) {
    throw new GenomicsParseError(
      { file: options.fileName },
      `genome build mismatch: the file declares ${parsed.build}, the import was told ${options.build}`,
    );
  }
}
