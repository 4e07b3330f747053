import { CtmlError, parseCtmlText, trialFromCtml, type Criterion, type EligibilityTrial, type OncotreeHierarchy } from '@continuum/core';
import { jsonPathOfLevel, withClauses } from '../../matching/criteria-store';
import { parseCriterion } from '../../matching/criterion-schema';
import type { GeneSymbols } from '../../matching/genes';
import { checkLevelsAgree, TRIAL_LEVEL, type ArmRow } from '../../matching/levels';
import { checkVocabulary, compileProblem } from '../../matching/validate-criteria';
import { badRequest, type FieldError } from '../common/problem';
import { ctmlError, ctmlFieldPath, ctmlVocabularyErrors, invalid, treeErrors } from './criteria-errors';

export interface Vocabulary {
  oncotree: OncotreeHierarchy;
  genes: GeneSymbols | null;
}

/** Every trial of a CTML text, each with the JSON path of its document; CtmlError → 400 naming the path. */
export function parseCtmlTrials(text: string, file: string, vocabulary: Vocabulary): Array<{ root: string; trial: EligibilityTrial }> {
  try {
    return parseCtmlText(text, file).map((d) => ({ root: d.root, trial: trialFromCtml(d.value, { file, oncotree: vocabulary.oncotree, root: d.root }) }));
  } catch (e) {
    if (e instanceof CtmlError) throw ctmlError(e);
    throw e;
  }
}

/** Clauses of a trial, trial-wide first: what the vocabulary check walks. */
function clausesOf(trial: EligibilityTrial): Criterion[] {
  const out: Criterion[] = trial.match ? [trial.match] : [];
  const walk = (l: EligibilityTrial['steps'][number]) => {
    if (l.match) out.push(l.match);
    l.children.forEach(walk);
  };
  trial.steps.forEach(walk);
  return out;
}

/** Genes and diagnoses of an imported trial must exist; its paths must not explode. */
export function checkImportedTrial(trial: EligibilityTrial, root: string, vocabulary: Vocabulary): void {
  const problems = clausesOf(trial).flatMap((c) => checkVocabulary(c, vocabulary.oncotree, vocabulary.genes));
  if (problems.length > 0) throw invalid('Unknown codes in the CTML', ctmlVocabularyErrors(problems));
  const tooBig = compileProblem(trial);
  if (tooBig) throw invalid('The criteria cannot be compiled', [{ path: ctmlFieldPath(root), message: tooBig }]);
}

/** PUT with CTML: one trial, this trial's protocol number, and levels that are this trial's cohorts. */
export function criteriaFromCtml(text: string, format: 'json' | 'yaml', protocolNumber: string, arms: readonly ArmRow[], vocabulary: Vocabulary): EligibilityTrial {
  const docs = parseCtmlTrials(text, `${protocolNumber}.${format}`, vocabulary);
  if (docs.length !== 1) throw badRequest(`Expected one CTML trial, found ${docs.length}.`, [{ path: 'body.ctml', message: `expected one trial document, found ${docs.length}` }]);
  const { root, trial } = docs[0]!;
  if (trial.protocolNo !== protocolNumber) {
    throw badRequest(`The CTML is protocol ${trial.protocolNo}, not ${protocolNumber}.`, [
      { path: ctmlFieldPath(`${root}.protocol_no`), message: `expected "${protocolNumber}" (this trial), found "${trial.protocolNo}"` },
    ]);
  }
  checkImportedTrial(trial, root, vocabulary);
  const disagreements = checkLevelsAgree(trial, arms);
  if (disagreements.length > 0) {
    throw invalid(
      'The CTML levels do not match the trial’s cohorts',
      disagreements.map((p) => ({ path: p.at.startsWith('treatment_list') ? ctmlFieldPath(jsonPathOfLevel(p.at)) : 'body.ctml', message: p.message })),
    );
  }
  return trial;
}

/** PUT with trees: one clause per level path of the current structure ("trial" for the trial-wide clause). */
export function criteriaFromTrees(body: Record<string, unknown>, structure: EligibilityTrial, vocabulary: Vocabulary): EligibilityTrial {
  const paths = new Set<string>([TRIAL_LEVEL]);
  const walk = (l: EligibilityTrial['steps'][number]) => {
    paths.add(l.path);
    l.children.forEach(walk);
  };
  structure.steps.forEach(walk);
  const errors: FieldError[] = [];
  const clauses = new Map<string, Criterion | null>();
  for (const [path, value] of Object.entries(body)) {
    if (!paths.has(path)) {
      errors.push({ path: `body.criteria[${path}]`, message: `no level has this path; levels: ${[...paths].join(', ')}` });
      continue;
    }
    if (value === null) {
      clauses.set(path, null);
      continue;
    }
    const parsed = parseCriterion(value);
    if (!parsed.ok) {
      errors.push(...treeErrors(path, parsed.issues.map((i) => ({ at: i.path, message: i.message }))));
      continue;
    }
    errors.push(...treeErrors(path, checkVocabulary(parsed.criterion, vocabulary.oncotree, vocabulary.genes)));
    clauses.set(path, parsed.criterion);
  }
  if (errors.length > 0) throw invalid('Invalid criteria', errors);
  const trial = withClauses(structure, clauses);
  const tooBig = compileProblem(trial);
  if (tooBig) throw invalid('The criteria cannot be compiled', [{ path: 'body.criteria', message: tooBig }]);
  return trial;
}
