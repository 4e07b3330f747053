/**
 * A stored alteration (model/patient.ts `Alteration`: what a report row says) as the knowledge
 * base and the resistance reference query it, and as people read it.
 */
import type { Alteration } from '../model/patient';
import { formatProteinChange, tryParseProteinChange, type ProteinChange } from './hgvs-protein';
import { effectFromProtein } from './variant-fields';
import type { QueryAlteration } from './variant-spec';

/**
 * Reports repeat a few thousand protein changes across a cohort; parsing and formatting them
 * dominates building thousands of timelines, so both are remembered (bounded).
 */
const PARSED = new Map<string, { change: ProteinChange | undefined; formatted: string | undefined }>();
const MAX_PARSED = 50_000;

function protein(text: string | undefined): { change: ProteinChange | undefined; formatted: string | undefined } {
  if (text === undefined) return { change: undefined, formatted: undefined };
  let hit = PARSED.get(text);
  if (!hit) {
    const change = tryParseProteinChange(text);
    hit = { change, formatted: change ? formatProteinChange(change) : undefined };
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(text, hit);
  }
  return hit;
}

/**
 * Stored mutation rows are protein-altering by the import contract (server
 * genomics/stored-records.ts keeps only those, and TERT promoter variants). A row with no
 * protein change on record ("BRCA2 reversion", "ATM mutation") is therefore taken as missense —
 * the least specific protein-altering effect: it satisfies gene-level specs ("any mutation"),
 * never truncating or exon-level ones.
 */
export function queryFromAlteration(a: Alteration): QueryAlteration {
  switch (a.alterationClass) {
    case 'mutation': {
      const change = protein(a.hgvsProtein).change;
      const effect = change ? effectFromProtein(change) : a.gene === 'TERT' ? 'noncoding' : 'missense';
      return {
        gene: a.gene,
        kind: 'mutation',
        ...(change ? { protein: change } : {}),
        effect,
        ...(a.hgvsCdna ? { hgvsc: a.hgvsCdna } : {}),
      };
    }
    case 'amplification':
    case 'deletion':
      return { gene: a.gene, kind: a.alterationClass };
    case 'fusion':
    case 'structural_variant':
      return {
        gene: a.gene,
        kind: a.alterationClass,
        gene5: a.gene,
        ...(a.fusionPartner ? { gene3: a.fusionPartner } : {}),
      };
  }
}

/** "EGFR p.T790M", "MET amplification", "EML4–ALK fusion", "BRCA2 mutation (protein change not reported)". */
export function alterationLabel(a: Alteration): string {
  switch (a.alterationClass) {
    case 'mutation': {
      const { formatted } = protein(a.hgvsProtein);
      if (formatted) return `${a.gene} ${formatted}`;
      if (a.hgvsProtein) return `${a.gene} ${a.hgvsProtein}`;
      if (a.hgvsCdna) return `${a.gene} ${a.hgvsCdna}`;
      return `${a.gene} mutation (protein change not reported)`;
    }
    case 'amplification':
      return `${a.gene} amplification`;
    case 'deletion':
      return `${a.gene} deletion`;
    case 'fusion':
      return a.fusionPartner ? `${a.gene}–${a.fusionPartner} fusion` : `${a.gene} fusion`;
    case 'structural_variant':
      return a.fusionPartner ? `${a.gene}–${a.fusionPartner} rearrangement` : `${a.gene} rearrangement`;
  }
}

/**
 * Identity of "the same alteration" across one patient's samples: gene, class, normalised
 * protein change (one- and three-letter forms compare equal), partner; the cDNA change only
 * when no protein change distinguishes two calls in one gene.
 */
export function alterationIdentity(a: Alteration): string {
  const { formatted } = protein(a.hgvsProtein);
  const p = formatted ?? a.hgvsProtein ?? '';
  const cdna = formatted ? '' : (a.hgvsCdna ?? '');
  const partner = a.alterationClass === 'fusion' || a.alterationClass === 'structural_variant' ? (a.fusionPartner ?? '') : '';
  return [a.gene, a.alterationClass, p, cdna, partner].join('|');
}
