import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ONCOTREE_DATA_PATH, parseOncoTreeTsv } from '../src/codes/oncotree';
import { COMMITTEES, TRIAL_CATALOGUE, TRIAL_ENTRIES, trialByProtocolNumber, trialPeriod } from '../src/cohort/trials';

const tree = parseOncoTreeTsv(readFileSync(new URL(`../../../${ONCOTREE_DATA_PATH}`, import.meta.url)));

describe('trial catalogue', () => {
  it('has at least 30 trials with unique protocol numbers', () => {
    expect(TRIAL_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    const protocols = TRIAL_CATALOGUE.map((t) => t.protocolNumber);
    expect(new Set(protocols).size).toBe(protocols.length);
    for (const p of protocols) expect(p).toMatch(/^CTM-\d{4}-\d{3}$/);
    expect(trialByProtocolNumber('CTM-2024-017')?.acronym).toBe('HLX-1207-101');
    expect(trialByProtocolNumber('CTM-0000-000')).toBeUndefined();
  });

  it('uses well-formed, unique NCT identifiers', () => {
    const ncts = TRIAL_CATALOGUE.flatMap((t) => (t.nctId ? [t.nctId] : []));
    expect(ncts.length).toBeGreaterThanOrEqual(15);
    for (const n of ncts) expect(n).toMatch(/^NCT\d{8}$/);
    expect(new Set(ncts).size).toBe(ncts.length);
  });

  it('keeps the registry identifiers of the real trials it names', () => {
    const byAcronym = new Map(TRIAL_CATALOGUE.map((t) => [t.acronym, t]));
    expect(byAcronym.get('VISION')?.nctId).toBe('NCT03511664');
    expect(byAcronym.get('NETTER-1')?.nctId).toBe('NCT01578239');
    expect(byAcronym.get('CodeBreaK 100')?.nctId).toBe('NCT03600883');
    expect(byAcronym.get('KRYSTAL-1')?.nctId).toBe('NCT03785249');
    expect(byAcronym.get('DESTINY-Breast04')?.nctId).toBe('NCT03734029');
    expect(byAcronym.get('DAISY')?.nctId).toBe('NCT04132960');
    expect(byAcronym.get('CodeBreaK 100')?.phase).toBe('I/II');
    expect(byAcronym.get('VISION')?.phase).toBe('III');
    // Seed programmes whose NCT id the brochure prints ambiguously stay unregistered here.
    expect(byAcronym.get('PIONEER')?.nctId).toBeUndefined();
    expect(byAcronym.get('CODEBREAK-UNLOCK')?.nctId).toBeUndefined();
  });

  it('keeps slots consistent: 0 <= used <= total, unique arm codes', () => {
    for (const t of TRIAL_CATALOGUE) {
      expect(t.arms.length, t.protocolNumber).toBeGreaterThan(0);
      expect(new Set(t.arms.map((a) => a.code)).size, t.protocolNumber).toBe(t.arms.length);
      for (const a of t.arms) {
        expect(a.slotsUsed, `${t.protocolNumber} ${a.code}`).toBeGreaterThanOrEqual(0);
        expect(a.slotsUsed, `${t.protocolNumber} ${a.code}`).toBeLessThanOrEqual(a.slotsTotal);
      }
      if (t.status === 'completed' || t.status === 'closed-to-accrual') for (const a of t.arms) expect(a.status).not.toBe('open');
      if (t.status === 'in-preparation') for (const a of t.arms) expect(a.slotsUsed).toBe(0);
      if (t.status === 'open')
        expect(
          t.arms.some((a) => a.status === 'open'),
          t.protocolNumber,
        ).toBe(true);
    }
  });

  it('sizes phase I cohorts 3-12 and dedicated in-house phase II cohorts 50-80 (DOMAIN.md)', () => {
    for (const t of TRIAL_CATALOGUE) {
      for (const a of t.arms) {
        if (t.phase === 'I' || a.kind === 'dose-level' || a.kind === 'step') {
          expect(a.slotsTotal, `${t.protocolNumber} ${a.code}`).toBeGreaterThanOrEqual(3);
          expect(a.slotsTotal, `${t.protocolNumber} ${a.code}`).toBeLessThanOrEqual(12);
        }
        if (!t.nctId && t.phase === 'II' && a.kind === 'cohort') {
          expect(a.slotsTotal, `${t.protocolNumber} ${a.code}`).toBeGreaterThanOrEqual(50);
          expect(a.slotsTotal, `${t.protocolNumber} ${a.code}`).toBeLessThanOrEqual(80);
        }
      }
    }
    expect(TRIAL_CATALOGUE.filter((t) => t.phase === 'I' || t.phase === 'I/II').length).toBeGreaterThanOrEqual(10);
  });

  it('uses valid OncoTree codes, known committees and every phase', () => {
    for (const t of TRIAL_CATALOGUE) {
      for (const c of t.oncotreeCodes) expect(tree.has(c), `${t.protocolNumber} ${c}`).toBe(true);
      expect(COMMITTEES as readonly string[]).toContain(t.committee);
    }
    const phases = new Set(TRIAL_CATALOGUE.map((t) => t.phase));
    for (const p of ['I', 'I/II', 'II', 'III']) expect(phases.has(p as never)).toBe(true);
    const committees = new Set(TRIAL_CATALOGUE.map((t) => t.committee));
    for (const c of [
      'Early phase (DITEP)',
      'Thoracic',
      'Breast',
      'Digestive',
      'Genitourinary',
      'Nuclear medicine',
      'Haematology',
      'Immunotherapy',
    ]) {
      expect(committees.has(c)).toBe(true);
    }
  });

  it('dates every trial, closing after opening', () => {
    expect(TRIAL_ENTRIES.map((e) => e.trial)).toEqual(TRIAL_CATALOGUE);
    for (const t of TRIAL_CATALOGUE) {
      const p = trialPeriod(t.protocolNumber)!;
      expect(p.opened).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.closed) expect(p.closed > p.opened).toBe(true);
      if (t.status === 'open') expect(p.closed).toBeUndefined();
    }
  });
});
