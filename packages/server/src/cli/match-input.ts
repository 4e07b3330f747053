import {
  CtmlError,
  fromPatientRecord,
  importCtml,
  matchMinerPatients,
  parseExtendedJson,
  type EligibilityTrial,
  type MatchMinerDocument,
  type OncotreeHierarchy,
  type PatientFacts,
} from '@continuum/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CsvError, parseCsv } from './csv';
import { parsePatientRecord } from './patient-record-schema';

/** Bad input to `continuum match`: the message names the file, the line or path, and the field. */
export class InputError extends Error {}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const CTML_FILE = /\.(json|ya?ml)$/i;

/** A CTML file, or every CTML file (.json, .yaml, .yml) of a folder, in name order. */
export function readTrials(path: string, oncotree: OncotreeHierarchy): EligibilityTrial[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => CTML_FILE.test(f)).sort().map((f) => join(path, f))
      : [path];
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (files.length === 0) throw new InputError(`${path}: no CTML file (.json, .yaml, .yml) in this folder`);
  const trials: EligibilityTrial[] = [];
  for (const file of files) {
    try {
      trials.push(...importCtml(read(file), { file, oncotree }));
    } catch (e) {
      if (e instanceof CtmlError) throw new InputError(e.message);
      throw e;
    }
  }
  return trials;
}

/** Continuum's patient NDJSON: one PatientRecord per line. */
export function readPatientNdjson(file: string): PatientFacts[] {
  const out: PatientFacts[] = [];
  read(file)
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new InputError(`${file}: line ${i + 1}: expected one JSON patient record per line (${(e as Error).message})`);
      }
      const parsed = parsePatientRecord(value);
      if (!parsed.ok) throw new InputError(`${file}: line ${i + 1}: ${parsed.path}: ${parsed.message}`);
      out.push(fromPatientRecord(parsed.record));
    });
  return out;
}

/** Where a document sits in its file, for messages: "line 12" (NDJSON, CSV) or "document 3" (a JSON array). */
interface Located {
  doc: MatchMinerDocument;
  where: string;
}

/** MatchMiner documents: JSON (an array, or one document per line), MongoDB extended JSON, or CSV with a header. */
export function readMatchMinerDocuments(file: string): Located[] {
  const text = read(file);
  if (extname(file).toLowerCase() === '.csv') {
    try {
      return parseCsv(text).map(({ line, row }) => ({ doc: row, where: `line ${line}` }));
    } catch (e) {
      if (e instanceof CsvError) throw new InputError(`${file}: ${e.message}`);
      throw e;
    }
  }
  if (text.trimStart().startsWith('[')) {
    try {
      return parseExtendedJson(text).map((doc, i) => ({ doc, where: `document ${i + 1}` }));
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
      throw new InputError(`${file}: ${line ? `line ${line}: ` : ''}expected a JSON array of documents (${(e as Error).message})`);
    }
  }
  const out: Located[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      out.push(...parseExtendedJson(l).map((doc) => ({ doc, where: `line ${i + 1}` })));
    } catch (e) {
      throw new InputError(`${file}: line ${i + 1}: expected one JSON document per line (${(e as Error).message})`);
    }
  });
  return out;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * MatchMiner clinical + genomic documents → patients. Genomic rows join clinical documents on
 * CLINICAL_ID = clinical `_id`; files without MongoDB ids (CSV exports) join on SAMPLE_ID.
 */
export function readMatchMinerPatients(clinicalFile: string, genomicFile: string): PatientFacts[] {
  const clinical = readMatchMinerDocuments(clinicalFile);
  const genomic = readMatchMinerDocuments(genomicFile);
  for (const { doc, where } of clinical) {
    if (!text(doc.SAMPLE_ID) && !text(doc._id)) throw new InputError(`${clinicalFile}: ${where}: SAMPLE_ID: expected a sample id, found none`);
    if (!text(doc._id)) doc._id = text(doc.SAMPLE_ID);
    const born = doc.BIRTH_DATE_INT;
    if (born !== undefined && born !== null && born !== '' && !/^\d{8}(\.0+)?$/.test(text(born))) {
      throw new InputError(`${clinicalFile}: ${where}: BIRTH_DATE_INT: expected a date as yyyymmdd, found ${JSON.stringify(born)}`);
    }
  }
  for (const { doc, where } of genomic) {
    if (!text(doc.CLINICAL_ID)) {
      if (!text(doc.SAMPLE_ID)) throw new InputError(`${genomicFile}: ${where}: CLINICAL_ID: expected the clinical document's id (or SAMPLE_ID), found none`);
      doc.CLINICAL_ID = text(doc.SAMPLE_ID);
    }
    if (doc._id === undefined) doc._id = `${basename(genomicFile)}:${where}`;
  }
  return matchMinerPatients(
    clinical.map((c) => c.doc),
    genomic.map((g) => g.doc),
  ).map((p) => p.facts);
}
