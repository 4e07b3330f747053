import { GENOMICS_DATA_PATHS, buildGenomicTimeline, caseKey, type GenomicTimeline } from '@continuum/core';
import type { Queryable } from '../../db/driver';
import { loadShippedGenomicsKnowledge } from '../../genomics/knowledge';
import { loadReviews, type StoredReview } from '../../genomics/resistance-reviews';
import { loadTimelinePatient, type TimelinePatient } from '../../genomics/timeline-input';

export interface ComputedTimeline {
  patient: TimelinePatient;
  timeline: GenomicTimeline;
  reviews: Map<string, StoredReview>;
}

/** A patient's timeline as core computes it from the stored data, with the MTB's reviews. */
export async function computeTimeline(db: Queryable, patientId: string): Promise<ComputedTimeline | undefined> {
  const patient = await loadTimelinePatient(db, patientId);
  if (!patient) return undefined;
  const { kb, resistance } = loadShippedGenomicsKnowledge();
  const timeline = buildGenomicTimeline(patient.input, { reference: resistance, kb });
  return { patient, timeline, reviews: await loadReviews(db, patientId) };
}

/** The API view: core's timeline, each acquired alteration with its review (or null) and status. */
export function timelineView({ patient, timeline, reviews }: ComputedTimeline) {
  const { kb } = loadShippedGenomicsKnowledge();
  return {
    patient: { id: patient.id, pseudonym: patient.pseudonym, tumourType: patient.tumourType ?? null },
    sources: [
      ...kb.versions(),
      { source: `acquired-resistance reference (${GENOMICS_DATA_PATHS.resistance})`, version: 'shared reference set 2026' },
    ],
    windows: timeline.windows,
    samples: timeline.samples,
    series: timeline.series,
    lines: timeline.lines,
    comparisons: timeline.comparisons.map((c) => ({
      ...c,
      acquired: c.acquired.map((a) => {
        const review = reviews.get(caseKey(a.alterationId, a.attribution.lineId)) ?? null;
        return { ...a, review, status: review ? review.decision : ('needs review' as const) };
      }),
    })),
  };
}
