/** Evaluators of the genomic leaves. */
import type { AlterationCriterion, GenomicCriterion } from './criteria-genomic';
import { ANY_GENE, INTERGENIC } from './criteria-genomic';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { AlterationFact, Fact, PatientFacts } from './facts';
import { latestFact } from './facts';
import { compare, formatComparison, isBorderline } from './compare';
import { describeLeaf } from './describe';
import { evidence, outcome } from './outcome';
import { matchesCodon, sameProteinChange } from './protein';
import { conjunction, disjunction, truthOf, type Truth } from './truth';

export function evaluateGenomic(c: GenomicCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  if (!p.genomics) return outcome(c, 'unknown', 'no molecular testing on record');
  const g = p.genomics;
  switch (c.kind) {
    case 'alteration':
      return alteration(c, p);
    case 'tmb':
    case 'tumourFraction': {
      const facts = c.kind === 'tmb' ? g.tmb : g.tumourFraction;
      const name = c.kind === 'tmb' ? 'TMB' : 'tumour fraction';
      const f = latestFact(facts);
      if (!f) return outcome(c, 'unknown', `${name} not reported`);
      const ev = [evidence(c.kind === 'tmb' ? 'genomics.tmb' : 'genomics.tumourFraction', `${name} ${f.value}`, f)];
      return outcome(
        c,
        compare(f.value, c.op, c.value) ? 'met' : 'not_met',
        `${name} ${f.value}, protocol asks ${formatComparison(c.op, c.value)}`,
        ev,
        {
          borderline: isBorderline(f.value, c.value, ctx.borderlineFraction ?? 0.1),
        },
      );
    }
    case 'mmr': {
      const wanted = c.deficient ? 'deficient' : 'proficient';
      const facts = g.mmr ?? [];
      const hits = facts.filter((f) => f.value === wanted);
      const against = facts.filter((f) => f.value !== wanted && f.value !== 'indeterminate');
      const ev = (fs: typeof facts) => fs.map((f) => evidence('genomics.mmr', `MMR ${f.value}`, f));
      if (hits.length) return outcome(c, 'met', `MMR ${wanted}`, ev(hits));
      if (against.length) return outcome(c, 'not_met', `MMR ${against[0]!.value}`, ev(against));
      return outcome(c, 'unknown', facts.length ? 'MMR status indeterminate' : 'MMR / MSI status not reported', ev(facts));
    }
    case 'signature': {
      const facts = (g.signatures ?? []).filter((f) => f.value.signature.toLowerCase() === c.signature.toLowerCase());
      const hits = facts.filter((f) => f.value.present === c.present);
      const label = (f: Fact<{ present: boolean }>) => `${c.signature} signature ${f.value.present ? 'present' : 'absent'}`;
      if (hits.length)
        return outcome(
          c,
          'met',
          label(hits[0]!),
          hits.map((f) => evidence('genomics.signatures', label(f), f)),
        );
      if (facts.length)
        return outcome(
          c,
          'not_met',
          label(facts[0]!),
          facts.map((f) => evidence('genomics.signatures', label(f), f)),
        );
      return outcome(c, 'unknown', `${c.signature} signature not reported`);
    }
  }
}

/** A criterion gene, or `any_gene` / `intergenic`, against one side of an alteration. */
function side(wanted: string | undefined, actual: string | null | undefined): Truth {
  if (wanted === undefined) return 'met';
  const w = wanted.trim().toLowerCase().replace(/\s+/g, '_');
  if (w === INTERGENIC) return actual === null ? 'met' : actual === undefined ? 'unknown' : 'not_met';
  if (actual === undefined) return 'unknown';
  if (w === ANY_GENE) return truthOf(actual !== null);
  return truthOf(actual !== null && actual.toUpperCase() === wanted.trim().toUpperCase());
}

/** A gene named as a whole word in free text (case-insensitive): "EML4-ALK" names both genes. */
function mentions(text: string, gene: string): boolean {
  const escaped = gene.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`, 'i').test(text);
}

const isRealGene = (g: string | undefined): g is string =>
  g !== undefined && ![ANY_GENE, INTERGENIC].includes(g.trim().toLowerCase().replace(/\s+/g, '_'));

/** A field of the fact against the criterion: undefined on the fact = not reported = unknown. */
function field<T>(actual: T | null | undefined, test: (v: T) => boolean): Truth {
  if (actual === undefined) return 'unknown';
  if (actual === null) return 'not_met';
  return truthOf(test(actual));
}

/** Does this one alteration satisfy every field of the criterion? */
export function alterationMatches(c: AlterationCriterion, a: AlterationFact): Truth {
  const checks: Truth[] = [];
  if (c.category === 'mutation_or_cnv') checks.push(truthOf(a.category === 'mutation' || a.category === 'cnv'));
  else if (c.category) checks.push(truthOf(a.category === c.category));
  if (a.category === 'structural_variant') {
    if (a.gene === undefined && a.partner === undefined && a.text !== undefined) {
      // Known only from a comment: the genes it names are all we can check.
      const target = isRealGene(c.gene) ? c.gene : isRealGene(c.partner) ? c.partner : undefined;
      checks.push(target === undefined ? 'met' : truthOf(mentions(a.text, target)));
    } else {
      // Partner order is not meaningful in reports: try both orientations.
      const forward = conjunction([side(c.gene, a.gene), side(c.partner, a.partner)]);
      const reverse = conjunction([side(c.gene, a.partner), side(c.partner, a.gene)]);
      checks.push(disjunction([forward, reverse]));
    }
  } else {
    checks.push(side(c.gene, a.gene));
    if (c.partner !== undefined) checks.push('not_met');
  }
  if (c.proteinChange !== undefined) checks.push(field(a.proteinChange, (v) => sameProteinChange(v, c.proteinChange!)));
  if (c.codon !== undefined) checks.push(field(a.proteinChange, (v) => matchesCodon(v, c.codon!)));
  if (c.exon !== undefined) checks.push(field(a.exon, (v) => v === c.exon));
  if (c.variantClassification !== undefined)
    checks.push(field(a.variantClassification, (v) => v.toLowerCase() === c.variantClassification!.toLowerCase()));
  if (c.cnvCall !== undefined) checks.push(field(a.cnvCall, (v) => v === c.cnvCall));
  if (c.minVaf !== undefined) checks.push(field(a.vaf, (v) => v >= c.minVaf!));
  return conjunction(checks);
}

export function formatAlteration(a: AlterationFact): string {
  if (a.category === 'structural_variant') {
    if (a.gene === undefined && a.partner === undefined) return `SV: ${a.text ?? 'unspecified'}`;
    return `${a.gene ?? 'intergenic'}–${a.partner ?? 'intergenic'} ${a.svType ?? 'structural variant'}`;
  }
  if (a.category === 'cnv') return `${a.gene ?? '?'} ${a.cnvCall?.replace(/_/g, ' ') ?? 'copy-number change'}`;
  return [a.gene ?? '?', a.proteinChange ?? a.variantClassification ?? 'mutation'].join(' ');
}

function alteration(c: AlterationCriterion, p: PatientFacts): Evaluation {
  const g = p.genomics!;
  if (isRealGene(c.gene) && g.genesTested && !g.genesTested.some((t) => t.toUpperCase() === c.gene!.toUpperCase())) {
    return outcome(c, 'unknown', `${c.gene} was not covered by the assays on record`);
  }
  const met: Array<Fact<AlterationFact>> = [];
  const unsure: Array<Fact<AlterationFact>> = [];
  for (const f of g.alterations) {
    const t = alterationMatches(c, f.value);
    if (t === 'met') met.push(f);
    else if (t === 'unknown') unsure.push(f);
  }
  const ev = (fs: Array<Fact<AlterationFact>>) => fs.map((f) => evidence('genomics.alterations', formatAlteration(f.value), f));
  const wanted = describeLeaf(c);
  if (met.length)
    return outcome(
      c,
      'met',
      `${ev(met)
        .map((e) => e.label)
        .join(', ')} satisfies ${wanted}`,
      ev(met),
    );
  if (unsure.length)
    return outcome(
      c,
      'unknown',
      `${ev(unsure)
        .map((e) => e.label)
        .join(', ')} may satisfy ${wanted}: report lacks detail`,
      ev(unsure),
    );
  const sameGene = isRealGene(c.gene)
    ? g.alterations.filter((f) => [f.value.gene, f.value.partner].some((x) => x?.toUpperCase() === c.gene!.toUpperCase()))
    : [];
  return outcome(c, 'not_met', `no ${wanted} among ${g.alterations.length} reported alteration(s)`, ev(sameGene));
}
