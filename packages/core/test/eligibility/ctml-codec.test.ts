/** CTML import and export: file shapes, the match-tree vocabulary, round trips and error messages. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCtml } from '../../src/eligibility/ctml/import';
import { formatCtml, trialToCtml } from '../../src/eligibility/ctml/export';
import { CtmlError } from '../../src/eligibility/ctml/errors';
import { hierarchyFromDescendants } from '../../src/eligibility/oncotree';
import type { Criterion } from '../../src/eligibility/criteria';
import type { EligibilityTrial } from '../../src/eligibility/trial';
import { availability } from '../../src/eligibility/trial';

const dir = new URL('../fixtures/ctims/', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, dir), 'utf8');
const oncotree = hierarchyFromDescendants(JSON.parse(read('oncotree_mapping.json')) as Record<string, string[]>);
const integration = readdirSync(new URL('data/integration_trials/', dir)).filter((f) => f.endsWith('.json'));

/** The model without `source` (which names the file a leaf came from). */
function withoutSources<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'source' ? undefined : v))) as T;
}

describe('CTML files', () => {
  it('reads one document, a JSON array, concatenated documents and YAML', () => {
    expect(importCtml(read('data/trials/11-111.json')).map((t) => t.protocolNo)).toEqual(['11-111']);
    expect(importCtml(read('data/trials/trials_json_array.json')).map((t) => t.protocolNo)).toEqual(['11-111', '22-222']);
    expect(importCtml(read('data/trials/two_trials_one_doc.json')).map((t) => t.protocolNo)).toHaveLength(2);
    const yaml = importCtml(read('data/yaml/11-111.yaml'), { file: '11-111.yaml' });
    const json = importCtml(read('data/trials/11-111.json'), { file: '11-111.json' });
    expect(yaml[0]!.protocolNo).toBe('11-111');
    expect(withoutSources(yaml)).toEqual(withoutSources(json));
    expect(importCtml(read('data/yaml/11-112.yaml'))[0]!.steps[0]!.children).toHaveLength(2);
  });

  it('imports all 19 integration trials with the fixture OncoTree', () => {
    expect(integration).toHaveLength(19);
    for (const f of integration) expect(() => importCtml(read(`data/integration_trials/${f}`), { file: f, oncotree })).not.toThrow();
  });

  it('reads step → arm → dose level with statuses, codes and internal ids', () => {
    const [t] = importCtml(read('data/integration_trials/closed_step_arm.json'));
    const step = t!.steps[0]!;
    expect(t!.status).toBe('open');
    expect(step.children.map((a) => [a.code, a.internalId, a.status])).toEqual([
      ['ARM 1', 213, 'closed'],
      ['ARM 2', 223, 'closed'],
    ]);
    const dose = step.children[0]!.children[0]!;
    expect([dose.level, dose.code, dose.status, dose.path]).toEqual([
      'dose_level',
      'LEVEL 1',
      'open',
      'treatment_list.step.0.arm.0.dose_level.0',
    ]);
    // A step with every arm closed is closed; a dose level under a closed arm cannot enrol.
    expect(availability(t!, [step])).toBe('closed');
    expect(availability(t!, [step, step.children[0]!, dose])).toBe('closed');
    // An empty match list is no criteria (nothing to match), not "always true".
    expect(step.children[1]!.match).toBeUndefined();
  });

  it('a full level is a waiting list, not open', () => {
    const [t] = importCtml(read('data/integration_trials/all_open.json'));
    const arm = { ...t!.steps[0]!.children[0]!, slots: { total: 6, used: 6 } };
    expect(availability(t!, [t!.steps[0]!, arm])).toBe('waitlist');
  });

  it('reads trial openness from _summary, then status', () => {
    expect(importCtml(read('data/integration_trials/all_closed_trial_closed.json'))[0]!.status).toBe('closed');
    expect(importCtml(read('data/integration_trials/tmb.json'))[0]!.statusText).toBe('Open to Accrual');
  });
});

describe('the match-tree vocabulary', () => {
  const clause = (match: unknown): Criterion => importCtml(JSON.stringify({ protocol_no: 'X', match }))[0]!.match!;

  it('clinical keys are separate criteria; "!" negates only its key', () => {
    expect(withoutSources(clause([{ clinical: { age_numerical: '>=18', oncotree_primary_diagnosis: '!Lung' } }]))).toEqual({
      kind: 'all',
      of: [
        { kind: 'age', op: '>=', years: 18 },
        { kind: 'not', of: { kind: 'diagnosis', oncotree: 'Lung' } },
      ],
    });
  });

  it('genomic keys describe one alteration; "!" anywhere excludes that alteration', () => {
    expect(withoutSources(clause([{ genomic: { hugo_symbol: 'NRAS', protein_change: 'p.G12D', variant_category: '!Mutation' } }]))).toEqual(
      {
        kind: 'not',
        of: { kind: 'alteration', gene: 'NRAS', proteinChange: 'p.G12D', category: 'mutation' },
      },
    );
  });

  it('maps MatchMiner values: CNV calls, categories, wildcard, fusion partners, signatures, MMR/MSI, receptors', () => {
    const leaves = withoutSources(
      clause([
        {
          and: [
            { genomic: { hugo_symbol: 'FH', cnv_call: 'Low Amplification' } },
            { genomic: { hugo_symbol: 'KRAS', variant_category: 'Any Variation' } },
            { genomic: { hugo_symbol: 'BRAF', wildcard_protein_change: 'V600' } },
            {
              genomic: {
                hugo_symbol: 'ALK',
                variant_category: 'Structural Variation',
                fusion_partner_hugo_symbol: 'any_gene',
                display_name: 'ALK-any',
              },
            },
            { genomic: { hugo_symbol: 'None', apobec_signature: 'Yes' } },
            { genomic: { ms_status: 'MSI-H', hugo_symbol: 1 } },
            { clinical: { her2_status: false, gender: 'Female', tmb_numerical: '>=10' } },
          ],
        },
      ]),
    );
    expect(leaves).toEqual({
      kind: 'all',
      of: [
        { kind: 'alteration', gene: 'FH', cnvCall: 'gain' },
        { kind: 'alteration', gene: 'KRAS', category: 'mutation_or_cnv' },
        { kind: 'alteration', gene: 'BRAF', codon: 'p.V600' },
        { kind: 'alteration', gene: 'ALK', category: 'structural_variant', partner: 'any_gene', label: 'ALK-any' },
        { kind: 'signature', signature: 'APOBEC', present: true },
        { kind: 'mmr', deficient: true },
        {
          kind: 'all',
          of: [
            { kind: 'receptor', receptor: 'HER2', positive: false },
            { kind: 'sex', sex: 'female' },
            { kind: 'tmb', op: '>=', value: 10 },
          ],
        },
      ],
    });
  });

  it('each leaf remembers where it was written', () => {
    const [t] = importCtml(read('data/integration_trials/all_open.json'), { file: 'all_open.json' });
    const m = t!.steps[0]!.match as { of: Array<{ source?: string; of?: Array<{ source?: string }> }> };
    expect(m.of[0]!.source).toBe('all_open.json#$.treatment_list.step[0].match[0].and[0].genomic');
    expect(m.of[1]!.of![0]!.source).toBe('all_open.json#$.treatment_list.step[0].match[0].and[1].clinical.age_numerical');
  });
});

describe('export', () => {
  it('round-trips every integration trial through JSON and YAML', () => {
    for (const f of integration) {
      const trials = importCtml(read(`data/integration_trials/${f}`), { file: f });
      for (const format of ['json', 'yaml'] as const) {
        const again = importCtml(formatCtml(trials[0]!, format), { file: `again.${format}` });
        expect(withoutSources(again), `${f} via ${format}`).toEqual(withoutSources(trials));
      }
    }
  });

  it('pushes negations to the leaves, flipping comparisons CTML cannot negate', () => {
    const trial: EligibilityTrial = {
      protocolNo: 'N-1',
      status: 'open',
      steps: [],
      match: {
        kind: 'not',
        of: {
          kind: 'all',
          of: [
            { kind: 'age', op: '>=', years: 18 },
            { kind: 'sex', sex: 'male' },
            { kind: 'alteration', gene: 'EGFR', proteinChange: 'p.T790M' },
          ],
        },
      },
    };
    expect(trialToCtml(trial).match).toEqual([
      {
        or: [
          { clinical: { age_numerical: '<18' } },
          { clinical: { gender: '!Male' } },
          { genomic: { hugo_symbol: '!EGFR', protein_change: 'p.T790M' } },
        ],
      },
    ]);
  });

  it('writes criteria CTML has no key for as `continuum` nodes, or refuses them when asked', () => {
    const trial: EligibilityTrial = {
      protocolNo: 'N-2',
      status: 'open',
      steps: [
        {
          level: 'step',
          status: 'open',
          path: 'treatment_list.step.0',
          children: [],
          match: {
            kind: 'all',
            of: [
              { kind: 'ecog', max: 1 },
              { kind: 'not', of: { kind: 'lab', loinc: '1920-8', op: '>', timesUln: 2.5, withinDays: 14 } },
            ],
          },
        },
      ],
    };
    const text = formatCtml(trial);
    expect(JSON.parse(text).treatment_list.step[0].match[0].and[0]).toEqual({ continuum: { kind: 'ecog', max: 1 } });
    expect(withoutSources(importCtml(text)[0]!.steps[0]!.match)).toEqual(trial.steps[0]!.match);
    expect(() => formatCtml(trial, 'json', { matchMinerOnly: true })).toThrow(
      '<export>: $.treatment_list.step[0].match[0].and[0]: expected a criterion MatchMiner CTML can express, found "ECOG ≤ 1"',
    );
  });

  it('keeps MatchMiner’s _summary in step with the status', () => {
    const [t] = importCtml(read('data/integration_trials/all_open.json'));
    const closed = trialToCtml({ ...t!, status: 'closed' });
    expect(closed._summary).toEqual({ status: [{ value: 'Closed to Accrual' }] });
    expect(importCtml(JSON.stringify(closed))[0]!.status).toBe('closed');
  });
});

describe('errors name the file, the path and what was expected', () => {
  const bad = (doc: unknown, options = {}) => {
    try {
      importCtml(typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2), { file: 'bad.json', ...options });
    } catch (e) {
      expect(e).toBeInstanceOf(CtmlError);
      return (e as CtmlError).message;
    }
    throw new Error('no error');
  };
  const arm = (match: unknown) => ({ protocol_no: 'B-1', treatment_list: { step: [{ arm: [{ arm_code: 'A', match }] }] } });

  it('an unknown copy-number call', () => {
    expect(bad(arm([{ and: [{ genomic: { hugo_symbol: 'FH', cnv_call: 'Big Amp' } }] }]))).toBe(
      'bad.json: $.treatment_list.step[0].arm[0].match[0].and[0].genomic.cnv_call: expected a copy-number call: one of "high amplification", "high level amplification", "low amplification", "gain", "homozygous deletion", "heterozygous deletion", found "Big Amp"',
    );
  });
  it('an unknown clinical key', () => {
    expect(bad(arm([{ clinical: { ecog: '<=1' } }]))).toMatch(
      /^bad\.json: \$\.treatment_list\.step\[0\]\.arm\[0\]\.match\[0\]\.clinical\.ecog: expected a clinical key: age_numerical, /,
    );
  });
  it('a malformed age and a misplaced negation', () => {
    expect(bad(arm([{ clinical: { age_numerical: 'adult' } }]))).toContain(
      '.clinical.age_numerical: expected a comparison such as ">=18" (no "!"), found "adult"',
    );
    expect(bad(arm([{ clinical: { age_numerical: '!>=18' } }]))).toContain('found "!>=18"');
  });
  it('an unknown OncoTree name, with suggestions', () => {
    expect(bad(arm([{ clinical: { oncotree_primary_diagnosis: 'Lung Adenocarcinom' } }]), { oncotree })).toMatch(
      /^bad\.json: \$\.treatment_list\.step\[0\]\.arm\[0\]\.match\[0\]\.clinical\.oncotree_primary_diagnosis: expected a known OncoTree name or code, found "Lung Adenocarcinom" \(did you mean "Lung Adenocarcinoma", /,
    );
  });
  it('an empty or, a suspended flag that is neither Y nor N, a missing protocol number', () => {
    expect(bad(arm([{ or: [] }]))).toContain('$.treatment_list.step[0].arm[0].match[0].or: expected a non-empty list, found []');
    expect(bad({ protocol_no: 'B', treatment_list: { step: [{ arm: [{ arm_suspended: 'maybe' }] }] } })).toContain(
      '$.treatment_list.step[0].arm[0].arm_suspended: expected "Y" or "N"',
    );
    expect(bad({ treatment_list: {} })).toBe('bad.json: $.protocol_no: expected a protocol number');
    // The engine's own fixture 11-112.json has none.
    expect(() => importCtml(read('data/trials/11-112.json'), { file: '11-112.json' })).toThrow(
      '11-112.json: $.protocol_no: expected a protocol number',
    );
  });
  it('JSON and YAML syntax errors give line and column', () => {
    expect(bad('{\n  "protocol_no": "X",\n  "match": [ { "and": [ } ]\n}')).toBe('bad.json: line 3, column 25: expected "]", found "}"');
    expect(bad('{"protocol_no": "X", "match": [{"and": [tru]}]}')).toMatch(
      /^bad\.json: line 1, column 1: expected valid JSON, found "Unexpected token/,
    );
    try {
      importCtml('protocol_no: X\nmatch:\n  - and: [\n', { file: 'bad.yaml' });
      throw new Error('no error');
    } catch (e) {
      expect((e as Error).message).toMatch(/^bad\.yaml: line \d+, column \d+: expected valid YAML/);
    }
  });
  it('the second trial of an array is named by its index', () => {
    expect(bad([{ protocol_no: 'A' }, { protocol_no: 'B', match: [{ genomic: {} }] }])).toBe(
      'bad.json: $[1].match[0].genomic: expected at least one genomic criterion, found {}',
    );
  });
});

describe('docs/matching.md', () => {
  it('its "How to write a trial" example imports and round-trips', () => {
    const md = readFileSync(new URL('../../../../docs/matching.md', import.meta.url), 'utf8');
    const example = md.split('## How to write a trial')[1]!.split('```yaml')[1]!.split('```')[0]!;
    const [t] = importCtml(example, { file: 'example.yaml' });
    expect(t!.steps[0]!.children[0]!.code).toBe('KRAS-G12C');
    expect(withoutSources(importCtml(formatCtml(t!, 'yaml')))).toEqual(withoutSources([t]));
    expect(() => formatCtml(t!, 'json', { matchMinerOnly: true })).toThrow(CtmlError);
  });
});
