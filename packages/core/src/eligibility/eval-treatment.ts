/** Treatment history: prior lines, prior / required / excluded drugs, washout. */
import type { DrugCriterion, PriorLinesCriterion, WashoutCriterion } from './criteria-clinical';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { Fact, PatientFacts, TherapyLineFact } from './facts';
import { compare, daysBetween, formatComparison, isBorderline } from './compare';
import { evidence, outcome } from './outcome';

export function priorLines(c: PriorLinesCriterion, p: PatientFacts): Evaluation {
  if (!p.therapyLines) return outcome(c, 'unknown', 'treatment history not recorded');
  const lines = p.therapyLines.filter((l) => !c.settings || c.settings.includes(l.value.setting));
  const ev = lines.map((l) => evidence('therapyLines', `line ${l.value.lineNumber} (${l.value.setting})`, l));
  const status = compare(lines.length, c.op, c.count) ? 'met' : 'not_met';
  return outcome(c, status, `${lines.length} prior line(s), protocol asks ${formatComparison(c.op, c.count)}`, ev);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The lines that used `name` as a drug or a drug class; `unsure` when some drug has no class on record. */
function linesUsing(lines: Array<Fact<TherapyLineFact>>, name: string, isClass: boolean) {
  const hits = lines.filter((l) =>
    l.value.drugs.some((d) => (isClass ? d.drugClass !== undefined && same(d.drugClass, name) : same(d.name, name))),
  );
  const unsure = isClass && lines.some((l) => l.value.drugs.some((d) => d.drugClass === undefined));
  return { hits, unsure };
}

export function drug(c: DrugCriterion, p: PatientFacts): Evaluation {
  if (!p.therapyLines) return outcome(c, 'unknown', 'treatment history not recorded');
  const wanted = [...(c.drugs ?? []).map((n) => ({ n, isClass: false })), ...(c.drugClasses ?? []).map((n) => ({ n, isClass: true }))];
  const found = wanted.map((w) => ({ ...w, ...linesUsing(p.therapyLines!, w.n, w.isClass) }));
  const given = found.filter((f) => f.hits.length > 0);
  const notGiven = found.filter((f) => f.hits.length === 0);
  const ev = given.flatMap((f) => f.hits.map((l) => evidence('therapyLines', `${f.n} in line ${l.value.lineNumber}`, l)));
  const unsure = notGiven.some((f) => f.unsure);
  const names = (fs: typeof found) => fs.map((f) => f.n).join(', ');
  if (c.mode === 'excluded') {
    if (given.length > 0) return outcome(c, 'not_met', `received ${names(given)}`, ev);
    return outcome(c, unsure ? 'unknown' : 'met', unsure ? 'some prior drugs have no class on record' : `never received ${names(found)}`);
  }
  if (c.mode === 'prior' ? given.length > 0 : notGiven.length === 0) return outcome(c, 'met', `received ${names(given)}`, ev);
  if (unsure) return outcome(c, 'unknown', 'some prior drugs have no class on record', ev);
  return outcome(c, 'not_met', `never received ${names(notGiven)}`, ev);
}

export function washout(c: WashoutCriterion, p: PatientFacts, ctx: EvaluationContext): Evaluation {
  if (!p.therapyLines) return outcome(c, 'unknown', 'treatment history not recorded');
  const filtered = !!(c.drugs?.length || c.drugClasses?.length);
  const relevant = filtered
    ? p.therapyLines.filter((l) =>
        l.value.drugs.some(
          (d) =>
            (c.drugs ?? []).some((n) => same(d.name, n)) ||
            (c.drugClasses ?? []).some((n) => d.drugClass !== undefined && same(d.drugClass, n)),
        ),
      )
    : p.therapyLines;
  if (relevant.length === 0) return outcome(c, 'met', 'no such prior therapy');
  const ongoing = relevant.find((l) => !l.value.endedAt);
  if (ongoing)
    return outcome(c, 'not_met', `line ${ongoing.value.lineNumber} is ongoing`, [
      evidence('therapyLines', `line ${ongoing.value.lineNumber}`, ongoing),
    ]);
  const last = relevant.reduce((a, b) => (b.value.endedAt! > a.value.endedAt! ? b : a));
  const days = daysBetween(last.value.endedAt!, ctx.asOf);
  const ev = [evidence('therapyLines', `line ${last.value.lineNumber} ended ${last.value.endedAt}`, last)];
  if (days === undefined) return outcome(c, 'unknown', `end date "${last.value.endedAt}" is not a date`, ev);
  return outcome(c, days >= c.days ? 'met' : 'not_met', `${days} days since line ${last.value.lineNumber} ended`, ev, {
    borderline: isBorderline(days, c.days, ctx.borderlineFraction ?? 0.1),
  });
}
