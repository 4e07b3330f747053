/**
 * The A4 pdfkit document the platform's reports are written on, with the writers they share
 * (text, heading, label: value field, small print) and its bytes once it ends.
 *
 * pdfkit's built-in Helvetica covers WinAnsi only (Latin-1 plus typographic quotes and dashes);
 * each report says how it spells out other characters (≥ → ">=") rather than print the wrong glyph.
 */
import PDFDocument from 'pdfkit';

/** Characters Helvetica cannot print, and what to write instead. */
export type Spelling = Readonly<Record<string, string>>;

// WinAnsi's code points above Latin-1: what Helvetica can print besides U+0020–U+00FF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text Helvetica can print: spelt-out characters first, line breaks and tabs as spaces, anything else as "?". */
export function printable(text: string, spelling: Spelling): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (spelling[ch] !== undefined) out += spelling[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ' ';
    else out += '?';
  }
  return out;
}

export interface ReportDocumentOptions {
  /** Title and Author are made printable; fix the dates to what the report is of, so a re-render is the same document. */
  info: PDFKit.DocumentInfo;
  spelling: Spelling;
  compress?: boolean;
}

export interface ReportDocument {
  /** For what the writers do not cover (fonts, colours, spacing). */
  doc: PDFKit.PDFDocument;
  text(s: string, options?: PDFKit.Mixins.TextOptions): void;
  heading(s: string): void;
  /** "Label: value", the label in bold. */
  field(label: string, value: string): void;
  /** Smaller and grey: methods, notes, references. */
  small(s: string): void;
  /** Ends the document; its bytes. */
  done(): Promise<Buffer>;
}

export function openReportDocument(opts: ReportDocumentOptions): ReportDocument {
  const spell = (s: string) => printable(s, opts.spelling);
  const info = { ...opts.info };
  if (info.Title !== undefined) info.Title = spell(info.Title);
  if (info.Author !== undefined) info.Author = spell(info.Author);
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: opts.compress ?? true, info });
  // Listening from the start: pdfkit streams its output while the report is still being written.
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (s: string, options?: PDFKit.Mixins.TextOptions) => {
    doc.text(spell(s), options);
  };
  return {
    doc,
    text,
    heading(s) {
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12);
      text(s);
      doc.font('Helvetica').fontSize(9.5).moveDown(0.2);
    },
    field(label, value) {
      doc.font('Helvetica-Bold');
      text(`${label}: `, { continued: true });
      doc.font('Helvetica');
      text(value);
    },
    small(s) {
      doc.fontSize(8).fillColor('#333333');
      text(s);
      doc.fontSize(9.5).fillColor('black');
    },
    done() {
      doc.end();
      return bytes;
    },
  };
}
