/**
 * The patient list's biomarker filter, as a clinician types it: "KRAS", "KRAS p.G12C",
 * "ERBB2 amplification", "ALK fusion", "MSI-H".
 */
export type BiomarkerFilter =
  | { kind: 'msi-high' }
  | { kind: 'gene'; gene: string; protein?: string; alterationClass?: string };

const CLASSES: Record<string, string> = {
  amplification: 'amplification', amp: 'amplification',
  deletion: 'deletion', del: 'deletion',
  fusion: 'fusion',
  mutation: 'mutation', mut: 'mutation',
  sv: 'structural_variant', 'structural_variant': 'structural_variant',
};

export function parseBiomarkerFilter(text: string): BiomarkerFilter | { error: string } {
  const t = text.trim();
  if (/^msi[- ]?h(igh)?$/i.test(t) || /^dmmr$/i.test(t)) return { kind: 'msi-high' };
  const [geneRaw, ...rest] = t.split(/\s+/);
  const gene = (geneRaw ?? '').toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]*$/.test(gene)) {
    return { error: `"${text}" is not a biomarker: expected a gene symbol, optionally followed by a protein change (p.G12C) or a class (amplification, fusion…), or MSI-H` };
  }
  const detail = rest.join(' ');
  if (!detail) return { kind: 'gene', gene };
  if (/^p\./i.test(detail)) return { kind: 'gene', gene, protein: `p.${detail.slice(2)}` };
  const cls = CLASSES[detail.toLowerCase()];
  if (cls) return { kind: 'gene', gene, alterationClass: cls };
  return { error: `"${detail}" is neither a protein change (p.…) nor an alteration class (${Object.keys(CLASSES).join(', ')})` };
}
