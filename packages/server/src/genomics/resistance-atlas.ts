/**
 * The atlas's cases across the whole database, computed by core from the stored reports and
 * lines, kept per patient and recomputed only for the patients whose data changed.
 *
 * Computing everything means reading every candidate patient's reports, alterations and lines
 * and building each timeline — seconds at the centre's 52,000 patients (docs/precision-oncology.md
 * has the figures). So, per database:
 *   1. every request runs one small fingerprint query (row counts and newest recordings of
 *      reports and lines, facts versions); unchanged → the cached cases;
 *   2. changed → one query gives each candidate's signature (facts version, report / line /
 *      alteration counts and newest recordings, tumour); only patients whose signature moved are
 *      read and rebuilt, the others keep their cases.
 * Reviews are not part of either: they are read fresh and laid over the cases on each request,
 * so a decision shows at once.
 */
import { buildGenomicTimeline, resistanceCasesOf, type ResistanceCase } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { loadShippedGenomicsKnowledge } from './knowledge';
import { loadAtlasPatients, loadAtlasSignatures } from './timeline-input';

export interface AtlasSnapshot {
  cases: ResistanceCase[];
  /** Candidate patients (≥ 2 reports and a line that ended). */
  patientsScanned: number;
  /** Of them, those whose timelines were (re)built by the computation that made this snapshot. */
  patientsRecomputed: number;
  computedAt: string;
  computeMs: number;
}

/**
 * Cheap on purpose (it runs on every request): counts and newest recordings (indexed, migration
 * 004) of reports and lines, and the patients' facts versions, which every clinical write through
 * the API bumps. Alterations only arrive with their reports; the per-patient signatures, read
 * once something moved, count them too.
 */
const FINGERPRINT = `select
  (select count(*) from patient) as patients,
  (select coalesce(sum(facts_version), 0) from patient) as facts,
  (select count(*) from molecular_report) as reports,
  (select coalesce(max(recorded_at)::text, '') from molecular_report) as reports_at,
  (select count(*) from therapy_line) as lines,
  (select coalesce(max(recorded_at)::text, '') from therapy_line) as lines_at`;

interface State {
  fingerprint: string;
  byPatient: Map<string, { signature: string; cases: ResistanceCase[] }>;
  snapshot: AtlasSnapshot;
}

// Keyed by the database object: tests and the CLI open several in one process. The promise is
// stored at once, so concurrent requests share one computation.
const cache = new WeakMap<object, Promise<State>>();

export async function atlasSnapshot(db: Queryable): Promise<AtlasSnapshot & { cached: boolean }> {
  const fingerprint = JSON.stringify((await db.query(FINGERPRINT)).rows[0]);
  const known = await settled(cache.get(db));
  if (known?.fingerprint === fingerprint) return { ...known.snapshot, cached: true };
  // While this request waited, another may have started refreshing to the same data.
  const latest = (await settled(cache.get(db))) ?? known;
  if (latest?.fingerprint === fingerprint) return { ...latest.snapshot, cached: true };
  const next = refresh(db, fingerprint, latest);
  cache.set(db, next);
  try {
    return { ...(await next).snapshot, cached: false };
  } catch (e) {
    if (cache.get(db) === next) cache.delete(db);
    throw e;
  }
}

const settled = (p: Promise<State> | undefined): Promise<State | undefined> => (p ? p.catch(() => undefined) : Promise.resolve(undefined));

async function refresh(db: Queryable, fingerprint: string, previous: State | undefined): Promise<State> {
  const t0 = performance.now();
  const { kb, resistance } = loadShippedGenomicsKnowledge();
  const signatures = await loadAtlasSignatures(db);
  const changed = [...signatures.keys()].filter((id) => previous?.byPatient.get(id)?.signature !== signatures.get(id));
  // A first computation reads every candidate through the candidates' query, not an id list of tens of thousands.
  const patients = await loadAtlasPatients(db, previous ? changed : undefined);
  const byPatient = new Map<string, { signature: string; cases: ResistanceCase[] }>();
  for (const id of signatures.keys()) {
    const kept = previous?.byPatient.get(id);
    if (kept && kept.signature === signatures.get(id)) byPatient.set(id, kept);
  }
  for (const p of patients) {
    const timeline = buildGenomicTimeline(p.input, { reference: resistance, kb, series: false });
    byPatient.set(p.id, {
      signature: signatures.get(p.id) ?? '',
      cases: resistanceCasesOf({ id: p.id, pseudonym: p.pseudonym, ...(p.tumourType ? { tumourType: p.tumourType } : {}) }, timeline),
    });
  }
  const cases = [...byPatient.values()].flatMap((e) => e.cases);
  return {
    fingerprint,
    byPatient,
    snapshot: {
      cases,
      patientsScanned: signatures.size,
      patientsRecomputed: patients.length,
      computedAt: new Date().toISOString(),
      computeMs: Math.round(performance.now() - t0),
    },
  };
}
