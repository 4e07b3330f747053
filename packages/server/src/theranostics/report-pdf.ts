/**
 * The dosimetry report of one administration as a PDF: pseudonymised, rendered from the stored
 * study (input, core report, organ-at-risk figures with their methods) and the cumulative status
 * through its cycle, so re-rendering a study says the same until the study is replaced.
 *
 * Characters Helvetica cannot print are spelt out (≤ → "<=", λ → "lambda").
 */
import { openReportDocument, type Spelling } from '../pdf/document';
import type { CumulativeView } from './cumulative';
import type { AdministrationRow, StudyView } from './dosimetry-service';

// prettier-ignore
const SPELT: Spelling = {
  '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '×': 'x', '≈': '~', '−': '-', 'λ': 'lambda', 'μ': 'mu', 'α': 'alpha', 'β': 'beta', 'Σ': 'sum ', '∫': 'integral ', 'Ḋ': 'dose rate', '⁻': '-', '∝': 'proportional to', '∞': 'infinity',
};

const utc = (instant: string) => `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const paris = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
const sig = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : Number(x.toPrecision(digits)).toString();
const QUANTITY = { bed: 'BED', 'absorbed-dose': 'absorbed dose' } as const;

export interface DosimetryReportData {
  study: StudyView;
  pseudonym: string;
  administration: AdministrationRow | null;
  /** Through the study's cycle. */
  cumulative: CumulativeView;
}

export function renderDosimetryReportPdf(data: DosimetryReportData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { study, administration: adm, cumulative } = data;
  const computedAt = new Date(study.computedAt);
  const { doc, text, heading, field, small, done } = openReportDocument({
    spelling: SPELT,
    compress: opts.compress,
    info: {
      Title: `Dosimetry report ${data.pseudonym} cycle ${study.cycleNumber}`,
      Author: study.computedBy,
      Subject: 'Dosimetry of one radioligand administration',
      // The computation's time, not the rendering's: one study always renders the same document.
      CreationDate: computedAt,
      ModDate: computedAt,
    },
  });

  doc.font('Helvetica-Bold').fontSize(16);
  text(`Dosimetry report — cycle ${study.cycleNumber}`);
  doc.font('Helvetica').fontSize(9.5).fillColor('#333333');
  text('Pseudonymised: this report carries no identity data.');
  doc.fillColor('black');

  heading('Administration');
  field('Patient (pseudonym)', data.pseudonym);
  field('Product', adm ? `${adm.productName} (${adm.nuclide}), batch ${adm.batchNumber}` : study.nuclide);
  field('Injected activity', `${study.injectedMBq.toFixed(1)} MBq (${(study.injectedMBq / 1000).toFixed(3)} GBq)`);
  field('Administered', `${utc(study.administeredAt)} (${paris(study.administeredAt)} Europe/Paris)`);
  field('Cycle', String(study.cycleNumber));
  field('Phantom', `ICRP-89 adult ${study.phantom}`);
  field('Method', study.method);

  heading('Regions: fit, time-integrated activity, absorbed dose');
  for (const r of study.regions) {
    doc.font('Helvetica-Bold');
    text(`${r.name} — ${r.organ}`);
    doc.font('Helvetica');
    const params = Object.entries(r.parameters)
      .map(([k, v]) => `${k} ${sig(v)}`)
      .join(', ');
    text(`Model: ${r.model}${r.rSquared !== null ? ` (R² ${sig(r.rSquared, 5)})` : ''}; parameters: ${params || '—'}`);
    text(
      `TIA ${sig(r.tiaMBqH, 6)} MBq·h; absorbed dose ${sig(r.doseGy)} Gy (${sig(r.doseGyPerGBq)} Gy/GBq)${r.massG !== null ? `; mass ${sig(r.massG, 5)} g` : ''}`,
    );
    small(`Measured: ${r.points.map((p) => `${sig(p.tH, 4)} h ${sig(p.activityMBq, 5)} MBq`).join('; ')}`);
    small(`Method: ${r.method}`);
    for (const n of r.notes) small(`Note: ${n}`);
    doc.moveDown(0.3);
  }

  heading('Organs at risk, this administration');
  field(
    'Kidneys, absorbed dose',
    study.kidneyDoseGy === null ? 'not computed' : `${sig(study.kidneyDoseGy)} Gy (${sig(study.kidneyDoseGyPerGBq)} Gy/GBq)`,
  );
  if (study.kidneyMethod) small(`Method: ${study.kidneyMethod}`);
  field('Kidneys, BED', study.kidneyBedGy === null ? 'not computed' : `${sig(study.kidneyBedGy)} Gy`);
  if (study.kidneyBedMethod) small(`Method: ${study.kidneyBedMethod}`);
  field(
    'Red marrow, absorbed dose',
    study.redMarrowDoseGy === null ? 'not computed' : `${sig(study.redMarrowDoseGy)} Gy (${sig(study.redMarrowDoseGyPerGBq)} Gy/GBq)`,
  );
  if (study.redMarrowMethod) small(`Method: ${study.redMarrowMethod}`);
  for (const n of study.notes) small(`Note: ${n}`);

  heading(`Cumulative through cycle ${study.cycleNumber}, against the limits`);
  text(cumulative.riskFactorsNote);
  for (const l of cumulative.limits) {
    const verdict = l.exceeded ? 'EXCEEDED' : 'within the limit';
    doc.font('Helvetica-Bold');
    text(
      `${l.organ === 'kidneys' ? 'Kidneys' : 'Red marrow'}, ${QUANTITY[l.quantity]}: ${sig(l.cumulativeGy)} Gy of ${l.limitGy} Gy (${(l.fractionOfLimit * 100).toFixed(0)} %) — ${verdict}`,
    );
    doc.font('Helvetica');
    text(
      `Per cycle: ${l.perCycle.map((c) => `cycle ${c.cycle} ${sig(c.valueGy)} Gy`).join('; ') || 'none'}${l.missingCycles.length ? `; no figure for cycle(s) ${l.missingCycles.join(', ')}` : ''}`,
    );
    small(`Limit: ${l.reference}`);
    small(`Method: ${l.method}`);
  }

  heading('Computation');
  field('Computed by', study.computedBy);
  field('Computed at', utc(study.computedAt));
  field('Study', `${study.id} (version ${study.version})`);
  return done();
}
