import type { EscatTier } from '@continuum/core';
import type { CaseStatus, RecommendationKind } from '../../api/mtb';
import { RECOMMENDATION_KINDS } from '../../api/mtb';

const STATUS: Record<CaseStatus, { label: string; tone: string }> = {
  queued: { label: 'Queued', tone: 'info' },
  scheduled: { label: 'On an agenda', tone: 'info' },
  discussed: { label: 'Discussed, not signed', tone: 'warn' },
  signed: { label: 'Signed', tone: 'good' },
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const s = STATUS[status];
  return <span className={`badge badge-${s.tone}`}>{s.label}</span>;
}

/** Tier I is a standard of care; X, no evidence. The text always names the tier. */
export function EscatBadge({ tier, prefix = 'ESCAT' }: { tier: EscatTier; prefix?: string }) {
  const tone = tier.startsWith('I-') ? 'good' : tier.startsWith('II-') ? 'info' : tier.startsWith('III') ? 'warn' : 'neutral';
  return (
    <span className={`badge badge-${tone}`} title="ESCAT: ESMO Scale for Clinical Actionability of molecular Targets (Mateo et al. 2018)">
      {prefix} {tier}
    </span>
  );
}

export const kindLabel = (kind: RecommendationKind | string) => RECOMMENDATION_KINDS.find((k) => k.value === kind)?.label ?? kind;

export const FLAG_LABELS: Record<string, string> = {
  possible_germline: 'Possible germline',
  reported_germline: 'Germline (reported)',
  possible_clonal_haematopoiesis: 'Possible clonal haematopoiesis',
  filtered_call: 'Filtered call',
};

export const RELATION_LABELS: Record<string, string> = {
  same: 'this tumour type',
  pan_cancer: 'all tumours',
  other: 'another tumour type',
  unmapped: 'tumour type not mapped',
};

export function alterationName(a: { gene: string; alteration: string }): string {
  return a.alteration.startsWith(a.gene) ? a.alteration : `${a.gene} ${a.alteration}`;
}
