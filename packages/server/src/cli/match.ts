import { hierarchyFromDescendants, type OncotreeHierarchy, type PatientFacts } from '@continuum/core';
import { createWriteStream, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { codeOrNameHierarchy } from '../matching/oncotree';
import { loadOncoTree } from '../reference';
import { InputError, readMatchMinerPatients, readPatientNdjson, readTrials } from './match-input';
import { CSV_COLUMNS, csvLine, offlineMatcher, type MatchOutputRow } from './match-rows';
import { progressBar } from './progress';

export interface MatchCommandOptions {
  trials: string;
  patients?: string;
  clinical?: string;
  genomic?: string;
  at?: string;
  includeClosed?: boolean;
  includeDeceased?: boolean;
  format: 'json' | 'ndjson' | 'csv';
  out?: string;
  oncotreeMapping?: string;
}

/** The hierarchy diagnoses are read with: the shipped OncoTree (codes and names), or a MatchMiner oncotree_mapping.json. */
function hierarchy(mapping?: string): OncotreeHierarchy {
  if (!mapping) return codeOrNameHierarchy(loadOncoTree());
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(mapping, 'utf8'));
  } catch (e) {
    throw new InputError(`${mapping}: expected MatchMiner's oncotree_mapping.json, a JSON object name → [descendants] (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${mapping}: expected a JSON object name → [descendants]`);
  return hierarchyFromDescendants(value as Record<string, string[]>);
}

function patientsOf(o: MatchCommandOptions): PatientFacts[] {
  if (o.patients && (o.clinical || o.genomic)) throw new InputError('give either --patients or --clinical with --genomic, not both');
  if (o.patients) return readPatientNdjson(o.patients);
  if (o.clinical && o.genomic) return readMatchMinerPatients(o.clinical, o.genomic);
  throw new InputError('patients are missing: give --patients FILE.ndjson, or --clinical FILE and --genomic FILE');
}

/** Writes rows as they come, so a large run never holds its whole output. */
function rowWriter(out: Writable, format: MatchCommandOptions['format']) {
  let first = true;
  if (format === 'csv') out.write(`${CSV_COLUMNS.join(',')}\n`);
  if (format === 'json') out.write('[');
  return {
    write(rows: MatchOutputRow[]) {
      if (format === 'csv') for (const r of rows) out.write(`${csvLine(r)}\n`);
      else if (format === 'ndjson') for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
      else for (const r of rows) {
        out.write(`${first ? '\n' : ',\n'}${JSON.stringify(r)}`);
        first = false;
      }
    },
    end: () => new Promise<void>((resolve, reject) => {
      if (format === 'json') out.write(first ? ']\n' : '\n]\n');
      if (out === process.stdout) return resolve();
      out.once('error', reject);
      out.end(resolve);
    }),
  };
}

/**
 * `continuum match`: CTML trials × patients, without a server or a database. Returns the exit
 * code: 0, or 2 for bad input (the message names the file, line or path, and field).
 */
export async function runMatch(o: MatchCommandOptions): Promise<number> {
  try {
    const oncotree = hierarchy(o.oncotreeMapping);
    const trials = readTrials(o.trials, oncotree);
    const patients = patientsOf(o);
    const match = offlineMatcher(trials, {
      asOf: o.at ?? new Date().toISOString().slice(0, 10),
      oncotree,
      includeClosed: o.includeClosed ?? false,
      includeDeceased: o.includeDeceased ?? false,
    });
    const out = rowWriter(o.out ? createWriteStream(o.out) : process.stdout, o.format);
    const bar = progressBar(patients.length, 'Matching patients');
    let rows = 0;
    patients.forEach((p, i) => {
      const found = match(p);
      rows += found.length;
      out.write(found);
      if (i % 100 === 99) bar.update(i + 1);
    });
    bar.update(patients.length);
    bar.stop();
    await out.end();
    process.stderr.write(`${patients.length} patients × ${trials.length} trials: ${rows} rows\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
