/**
 * Organ absorbed doses by the MIRD schema, D(target) = Σ_sources TIA(source) · S(target ← source)
 * (Bolch et al., MIRD Pamphlet No. 21, J Nucl Med 2009;50:477–484), with the ICRP-89 adult
 * phantom S-values for Lu-177.
 *
 * Assumptions, each visible in the result:
 * - Self-dose: the phantom's diagonal S-value scaled by phantom mass / patient mass. For Lu-177
 *   about 98 % of the kidney self-dose is from electrons absorbed where they are emitted, whose
 *   dose goes as 1/mass; the small photon part is scaled the same way (a slight overestimate for
 *   organs larger than the phantom's, an underestimate for smaller ones). Organs whose source and
 *   target are different regions (contents and wall of a hollow organ) are not scaled.
 * - A region may be part of a phantom organ (one kidney of the pair): its self-dose uses its own
 *   mass; no cross-dose is added between two parts of one phantom organ, which the phantom cannot
 *   resolve (for Lu-177 that photon cross-fire is well under 1 %).
 * - Cross-doses between different organs: phantom S-values, unscaled (OLINDA/EXM practice).
 * - Total body: evaluated on its own TIA only, self-dose scaled to the patient's mass; the other
 *   regions lie inside it and are not added again.
 * - Remainder of body: its S-values are derived from the total body by subtracting the explicit
 *   source organs, mass-weighted (Cloutier et al., J Nucl Med 1973;14:53–55):
 *     S(t←RB) = S(t←TB)·m_TB/m_RB − Σ_k S(t←k)·m_k/m_RB
 *     S(RB←s) = S(TB←s)·m_TB/m_RB − Σ_h S(h←s)·m_h/m_RB
 *     S(RB←RB) = [m_TB²·S(TB←TB) − m_TB·Σ_k m_k·S(TB←k) − m_TB·Σ_h m_h·S(h←TB) + Σ_h Σ_k m_h·m_k·S(h←k)] / m_RB²
 *   with m_RB = m_TB − Σ_k m_k over the explicit source organs (phantom masses, ICRP-89).
 */
import { NucmedError, requirePositive } from './errors';
import { PHANTOM_ORGANS, phantomOrgan, REMAINDER_OF_BODY, TOTAL_BODY, type PhantomOrgan } from './phantom-organs';
import type { DosimetryData, Phantom, SValueTable } from './s-values';

const MIRD21 = 'MIRD schema D = Σ TIA·S [Bolch et al., MIRD Pamphlet No. 21, J Nucl Med 2009;50:477-484]';
const CLOUTIER = 'remainder of body by mass-weighted subtraction [Cloutier et al., J Nucl Med 1973;14:53-55]';

/** One source/target region: an organ (or part of one) with its TIA and, if known, its mass. */
export interface DoseRegion {
  readonly name: string;
  /** Phantom organ name or alias (phantom-organs.ts). */
  readonly organ: string;
  readonly tiaMBqH: number;
  /** Patient's mass of this region, g; the phantom's when absent. */
  readonly massG?: number;
}

export interface DoseContribution {
  readonly source: string;
  readonly sourceOrgan: string;
  readonly kind: 'self' | 'cross';
  readonly tiaMBqH: number;
  /** S-value used, mGy/(MBq·s), after mass scaling. */
  readonly sValueMGyPerMBqS: number;
  /** phantom mass / patient mass for a scaled self-dose, else 1. */
  readonly massScale: number;
  readonly doseGy: number;
}

export interface RegionDose {
  readonly name: string;
  readonly organ: string;
  readonly doseGy: number;
  readonly selfDoseGy: number;
  readonly crossDoseGy: number;
  /** Mass the dose refers to: the patient's when given, else the phantom's. */
  readonly massG: number | null;
  readonly phantomMassG: number | null;
  readonly contributions: readonly DoseContribution[];
  readonly notes: readonly string[];
  readonly method: string;
}

/** MBq·h × mGy/(MBq·s) → Gy. */
const toGy = (tiaMBqH: number, sMGyPerMBqS: number) => (tiaMBqH * 3600 * sMGyPerMBqS) / 1000;

interface Resolved {
  readonly region: DoseRegion;
  readonly organ: PhantomOrgan;
  readonly field: string;
}

class PhantomGeometry {
  private readonly explicit: Resolved[];
  private readonly mTB: number;
  private mRB = Number.NaN;

  constructor(
    private readonly table: SValueTable,
    private readonly data: DosimetryData,
    private readonly phantom: Phantom,
    regions: readonly Resolved[],
  ) {
    const tb = PHANTOM_ORGANS.find((o) => o.id === TOTAL_BODY);
    this.mTB = (tb?.massRow && data.masses.massG(phantom, tb.massRow)) || Number.NaN;
    // One entry per distinct explicit organ (two kidney halves are one phantom organ).
    const seen = new Set<string>();
    this.explicit = regions.filter((r) => {
      if (r.organ.id === TOTAL_BODY || r.organ.id === REMAINDER_OF_BODY || seen.has(r.organ.id)) return false;
      seen.add(r.organ.id);
      return true;
    });
    if (regions.some((r) => r.organ.id === REMAINDER_OF_BODY)) {
      let sum = 0;
      for (const k of this.explicit) sum += this.requireSourceMass(k);
      this.mRB = this.mTB - sum;
    }
  }

  private requireSourceMass(k: Resolved): number {
    const m = k.organ.selfScalable && k.organ.massRow ? this.data.masses.massG(this.phantom, k.organ.massRow) : undefined;
    if (m === undefined) {
      throw new NucmedError({
        field: `${k.field}.organ`,
        code: 'unsupported',
        reason: `the remainder-of-body correction needs the ${this.phantom} phantom mass of the source region "${k.organ.id}", which the ICRP-89 table does not give`,
        expected: 'source organs that are solid tissues (or no "Remainder of Body" region)',
      });
    }
    return m;
  }

  phantomMassG(organ: PhantomOrgan): number | null {
    if (organ.id === REMAINDER_OF_BODY) return Number.isFinite(this.mRB) ? this.mRB : null;
    return organ.massRow ? (this.data.masses.massG(this.phantom, organ.massRow) ?? null) : null;
  }

  private raw(targetRow: string, sourceColumn: string, target: Resolved, source: Resolved): number {
    const v = this.table.value(targetRow, sourceColumn);
    if (v === undefined) {
      const missing = this.table.hasTarget(targetRow) ? source : target;
      throw new NucmedError({
        field: `${missing.field}.organ`,
        code: 'unknown-organ',
        reason: `"${missing.organ.id}" is not ${missing === source ? 'a source' : 'a target'} of the ${this.phantom} phantom's S-value table`,
        expected: `an organ of the ${this.phantom} phantom`,
      });
    }
    return v;
  }

  private row(r: Resolved): string {
    if (r.organ.targetRow === undefined) {
      throw new NucmedError({
        field: `${r.field}.organ`,
        code: 'unsupported',
        reason: `"${r.organ.id}" is not a target region of the phantom`,
        expected: 'an organ with a target row',
      });
    }
    return r.organ.targetRow;
  }

  private column(r: Resolved): string {
    if (r.organ.sourceColumn === undefined) {
      throw new NucmedError({
        field: `${r.field}.organ`,
        code: 'unsupported',
        reason: `"${r.organ.id}" is not a source region of the phantom`,
        expected: 'an organ with a source column',
      });
    }
    return r.organ.sourceColumn;
  }

  /** S(target ← source) in mGy/(MBq·s) for the phantom, remainder of body derived. */
  s(target: Resolved, source: Resolved): number {
    const tIsRB = target.organ.id === REMAINDER_OF_BODY;
    const sIsRB = source.organ.id === REMAINDER_OF_BODY;
    const mTB = this.mTB;
    const mRB = this.mRB;
    const TB_ROW = 'Total Body';
    const TB_COL = 'Tot Body';
    if (!tIsRB && !sIsRB) return this.raw(this.row(target), this.column(source), target, source);
    if (!tIsRB) {
      const t = this.row(target);
      let v = (this.raw(t, TB_COL, target, source) * mTB) / mRB;
      for (const k of this.explicit) v -= (this.raw(t, this.column(k), target, k) * this.requireSourceMass(k)) / mRB;
      return Math.max(v, 0);
    }
    if (!sIsRB) {
      const c = this.column(source);
      let v = (this.raw(TB_ROW, c, target, source) * mTB) / mRB;
      for (const h of this.explicit) v -= (this.raw(this.row(h), c, h, source) * this.requireSourceMass(h)) / mRB;
      return Math.max(v, 0);
    }
    let v = mTB * mTB * this.raw(TB_ROW, TB_COL, target, source);
    for (const k of this.explicit) v -= mTB * this.requireSourceMass(k) * this.raw(TB_ROW, this.column(k), target, k);
    for (const h of this.explicit) v -= mTB * this.requireSourceMass(h) * this.raw(this.row(h), TB_COL, h, source);
    for (const h of this.explicit) {
      for (const k of this.explicit)
        v += this.requireSourceMass(h) * this.requireSourceMass(k) * this.raw(this.row(h), this.column(k), h, k);
    }
    return Math.max(v / (mRB * mRB), 0);
  }
}

function resolve(regions: readonly DoseRegion[], field: string): Resolved[] {
  return regions.map((region, i) => {
    const f = `${field}[${i}]`;
    const organ = phantomOrgan(region.organ, `${f}.organ`);
    requirePositive(region.tiaMBqH, `${f}.tiaMBqH`, true);
    if (region.massG !== undefined) requirePositive(region.massG, `${f}.massG`);
    return { region, organ, field: f };
  });
}

function doseTo(target: Resolved, targetIndex: number, all: readonly Resolved[], geometry: PhantomGeometry, phantom: Phantom): RegionDose {
  const notes: string[] = [];
  const contributions: DoseContribution[] = [];
  const phantomMass = geometry.phantomMassG(target.organ);
  const patientMass = target.region.massG;
  const isTB = target.organ.id === TOTAL_BODY;
  let scale = 1;
  if (patientMass !== undefined && phantomMass !== null && target.organ.selfScalable) scale = phantomMass / patientMass;
  else if (patientMass !== undefined && !target.organ.selfScalable)
    notes.push(`${target.organ.id}: source and target regions differ (contents/wall), self-dose not mass-scaled`);
  else if (patientMass === undefined) notes.push('no patient mass given: phantom mass used, self-dose not scaled');

  all.forEach((source, j) => {
    const self = j === targetIndex;
    if (!self && source.organ.id === TOTAL_BODY) {
      notes.push(`"${source.region.name}" (total body) contains the other regions: not added as a source`);
      return;
    }
    if (!self && isTB) return;
    if (!self && source.organ.id === target.organ.id) {
      notes.push(
        `"${source.region.name}" is another part of the phantom's ${target.organ.id}: no cross-dose between parts of one phantom organ`,
      );
      return;
    }
    const s = geometry.s(target, source) * (self ? scale : 1);
    contributions.push({
      source: source.region.name,
      sourceOrgan: source.organ.id,
      kind: self ? 'self' : 'cross',
      tiaMBqH: source.region.tiaMBqH,
      sValueMGyPerMBqS: s,
      massScale: self ? scale : 1,
      doseGy: toGy(source.region.tiaMBqH, s),
    });
  });
  if (isTB) notes.push('total body evaluated on its own TIA (self-dose only)');
  const selfDose = contributions.filter((c) => c.kind === 'self').reduce((s, c) => s + c.doseGy, 0);
  const crossDose = contributions.filter((c) => c.kind === 'cross').reduce((s, c) => s + c.doseGy, 0);
  const usesRB = target.organ.id === REMAINDER_OF_BODY || contributions.some((c) => c.sourceOrgan === REMAINDER_OF_BODY);
  return {
    name: target.region.name,
    organ: target.organ.id,
    doseGy: selfDose + crossDose,
    selfDoseGy: selfDose,
    crossDoseGy: crossDose,
    massG: patientMass ?? phantomMass,
    phantomMassG: phantomMass,
    contributions,
    notes: [...new Set(notes)],
    method: `${MIRD21}; Lu-177 S-values, ICRP-89 adult ${phantom} phantom; self-dose S × phantom/patient mass (${scale.toPrecision(4)}); cross-doses unscaled${usesRB ? `; ${CLOUTIER}` : ''}`,
  };
}

function tableFor(data: DosimetryData, phantom: Phantom, field: string): SValueTable {
  const table = data.sValues[phantom];
  if (table === undefined)
    throw new NucmedError({
      field,
      code: 'unsupported',
      reason: `no S-value table for phantom "${String(phantom)}"`,
      expected: '"male" or "female"',
    });
  return table;
}

/**
 * The absorbed dose to every region from all regions. The result is aligned with the input; a
 * region whose organ is only a source in the phantom (heart contents, bone volumes) gets null.
 */
export function regionAbsorbedDoses(
  regions: readonly DoseRegion[],
  options: { data: DosimetryData; phantom: Phantom; field?: string },
): (RegionDose | null)[] {
  const field = options.field ?? 'regions';
  const table = tableFor(options.data, options.phantom, 'phantom');
  const resolved = resolve(regions, field);
  const geometry = new PhantomGeometry(table, options.data, options.phantom, resolved);
  return resolved.map((target, i) =>
    target.organ.targetRow === undefined && target.organ.id !== REMAINDER_OF_BODY
      ? null
      : doseTo(target, i, resolved, geometry, options.phantom),
  );
}

/** The absorbed dose to any phantom target organ (e.g. red marrow) from the given source regions. */
export function organAbsorbedDose(
  target: { organ: string; massG?: number; name?: string },
  sources: readonly DoseRegion[],
  options: { data: DosimetryData; phantom: Phantom; field?: string },
): RegionDose {
  const field = options.field ?? 'sources';
  const table = tableFor(options.data, options.phantom, 'phantom');
  const resolvedSources = resolve(sources, field);
  const organ = phantomOrgan(target.organ, 'target.organ');
  const withMass = (region: DoseRegion): DoseRegion => (target.massG !== undefined ? { ...region, massG: target.massG } : region);
  // When the target is also one of the sources it keeps its TIA (its self-dose counts); otherwise
  // it joins as a region with no activity, a target only.
  const index = resolvedSources.findIndex((s) => s.organ.id === organ.id && (target.name === undefined || s.region.name === target.name));
  const existing = resolvedSources[index];
  const resolvedTarget: Resolved = existing
    ? { ...existing, region: withMass(existing.region) }
    : { region: withMass({ name: target.name ?? organ.id, organ: organ.id, tiaMBqH: 0 }), organ, field: 'target' };
  const all = existing ? resolvedSources.map((s, i) => (i === index ? resolvedTarget : s)) : [...resolvedSources, resolvedTarget];
  const geometry = new PhantomGeometry(table, options.data, options.phantom, all);
  return doseTo(resolvedTarget, existing ? index : all.length - 1, all, geometry, options.phantom);
}
