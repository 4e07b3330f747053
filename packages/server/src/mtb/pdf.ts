/**
 * The signed MTB report as a PDF, rendered from the signature's stored content only (never
 * from the live tables), so the same signed case always renders the same report. Pseudonymised:
 * the content holds no identity data.
 *
 * Characters Helvetica cannot print are spelt out in ASCII (≥ → ">=") rather than printed as the
 * wrong glyph.
 */
import { openReportDocument, type Spelling } from '../pdf/document';
import type { SignatureRow } from './case-record';
import type { CaseContent, ContentAlteration } from './content';

const KIND_LABELS: Record<string, string> = {
  'targeted-therapy': 'Targeted therapy',
  'clinical-trial': 'Clinical trial',
  'further-testing': 'Further testing',
  'germline-referral': 'Germline referral (genetic counselling)',
  'no-action': 'No action',
};

const FLAG_LABELS: Record<string, string> = {
  possible_germline: 'possible germline',
  reported_germline: 'germline (reported)',
  possible_clonal_haematopoiesis: 'possible clonal haematopoiesis',
  filtered_call: 'filtered call',
};

const ASCII: Spelling = { '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '×': 'x', '›': '>', '≈': '~', µ: 'u', '−': '-' };

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const utc = (instant: string) => `${new Date(instant).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function alterationLabel(a: Pick<ContentAlteration, 'gene' | 'alteration'>): string {
  return a.alteration.startsWith(a.gene) ? a.alteration : `${a.gene} ${a.alteration}`;
}

export function renderMtbReportPdf(content: CaseContent, signature: SignatureRow, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const signedAt = new Date(signature.signed_at);
  const { doc, text, heading, field, done } = openReportDocument({
    spelling: ASCII,
    compress: opts.compress,
    info: {
      Title: `MTB report ${content.patient.pseudonym}`,
      Author: `${signature.signer_name} (${signature.signer_username})`,
      Subject: 'Molecular Tumour Board recommendations (signed)',
      Keywords: `sha256:${signature.content_sha256}`,
      // The signing time, not the rendering time: a re-render of one signed case says the same.
      CreationDate: signedAt,
      ModDate: signedAt,
    },
  });

  doc.font('Helvetica-Bold').fontSize(16);
  text('Molecular Tumour Board — signed report');
  doc.font('Helvetica').fontSize(9.5).fillColor('#333333');
  if (content.meeting) text(`${content.meeting.title} · ${utc(content.meeting.scheduledAt)} · chair ${content.meeting.chair.displayName}`);
  text('Pseudonymised: this report carries no identity data.');
  doc.fillColor('black');

  const p = content.patient;
  heading('Patient');
  field('Pseudonym', p.pseudonym);
  field('Sex, birth year', `${p.sex}, ${p.birthYear ?? 'birth year unknown'}`);
  field(
    'Diagnosis',
    p.diagnosis
      ? `${p.diagnosis.name} (OncoTree ${p.diagnosis.oncotreeCode}), diagnosed ${p.diagnosis.diagnosedAt}, stage ${p.diagnosis.stage ?? 'not recorded'}`
      : 'not recorded',
  );
  field('ECOG', p.ecog ? `${p.ecog.value} (${p.ecog.observedAt?.slice(0, 10) ?? 'date not recorded'})` : 'not recorded');
  field(
    'Lines of therapy',
    p.therapyLines.length === 0
      ? 'none recorded'
      : p.therapyLines
          .map(
            (l) =>
              `${l.lineNumber}. ${l.drugs.join(' + ')} (${l.setting}, ${l.startedAt}${l.endedAt ? `–${l.endedAt}` : '–'}${l.bestResponse ? `, best ${l.bestResponse}` : ''})`,
          )
          .join('; '),
  );

  const r = content.report;
  heading('Molecular report');
  field('Panel', `${r.panel} (${r.specimen === 'ctdna' ? 'plasma ctDNA' : 'tissue'})`);
  field('Reported', r.reportedAt);
  field('TMB', r.tmb === null ? 'not reported' : `${r.tmb} mut/Mb`);
  field('MSI', r.msi ?? 'not reported');
  if (r.specimen === 'ctdna') field('Tumour fraction', percent(r.tumourFraction));
  field('Source', r.source);
  field('Tumour type used for evidence', `${content.tumourType.name} (${content.tumourType.code}; ${content.tumourType.basis})`);

  heading('Alterations, most actionable first');
  for (const a of content.alterations) {
    doc.font('Helvetica-Bold');
    text(
      `${a.rank}. ${alterationLabel(a)}${a.vaf !== null ? ` — VAF ${percent(a.vaf)}` : ''}${a.copyNumber !== null ? ` — copy number ${a.copyNumber}` : ''} — ESCAT ${a.escatSuggested} (suggested)`,
    );
    doc.font('Helvetica');
    text(a.escatRule, { indent: 12 });
    const evidence = a.evidence.filter((e) => e.supports).slice(0, 4);
    for (const e of evidence) {
      text(
        `${e.source} ${e.version}, level ${e.level}: ${e.direction.replace(/_/g, ' ')} to ${e.therapies.join(' + ') || '(no therapy)'} in ${e.disease} (${e.relation.replace('_', '-')}; ${e.items} item${e.items === 1 ? '' : 's'})`,
        { indent: 12 },
      );
    }
    if (a.evidence.length > evidence.length)
      text(`… ${a.evidence.length - evidence.length} more evidence group(s) in the case view`, { indent: 12 });
    for (const f of a.flags) text(`Flag: ${FLAG_LABELS[f.kind] ?? f.kind} — ${f.reason}; ${f.action}`, { indent: 12 });
    doc.moveDown(0.2);
  }
  if (content.alterations.length === 0) text('No reportable alteration.');

  heading('Recommendations of the board');
  content.recommendations.forEach((rec, i) => {
    doc.font('Helvetica-Bold');
    text(
      `${i + 1}. ${rec.alteration.startsWith(rec.gene) ? rec.alteration : `${rec.gene} ${rec.alteration}`} — ${KIND_LABELS[rec.kind] ?? rec.kind}`,
    );
    doc.font('Helvetica');
    if (rec.therapy) text(`${rec.kind === 'targeted-therapy' ? 'Therapy' : 'Detail'}: ${rec.therapy}`, { indent: 12 });
    if (rec.trial)
      text(`Trial: ${rec.trial.protocolNumber ?? rec.trial.id}${rec.trial.title ? ` — ${rec.trial.title}` : ''}`, { indent: 12 });
    text(`ESCAT decided by the board: ${rec.escatDecided} (suggested from the evidence: ${rec.escatSuggested})`, { indent: 12 });
    text(`Rationale: ${rec.rationale}`, { indent: 12 });
    text(`Recorded by ${rec.author.displayName ?? rec.author.username}`, { indent: 12 });
    doc.moveDown(0.2);
  });

  heading('Signature');
  field('Signed by', `${signature.signer_name} (${signature.signer_username}, role ${signature.signer_role})`);
  field('Signed at', utc(signature.signed_at));
  field('Meaning', signature.meaning);
  field('Content SHA-256', signature.content_sha256);
  field('Knowledge sources', content.knowledgeBase.map((k) => `${k.source} ${k.version}`).join('; '));
  doc.moveDown(0.4).fillColor('#333333');
  text(
    `The SHA-256 is taken over the canonical JSON (keys sorted) of the case content and recommendations shown above, stored with the signature. ` +
      `GET /api/mtb/cases/${content.case.id} reports whether the stored content still hashes to it and whether the records still match it.`,
  );
  return done();
}
