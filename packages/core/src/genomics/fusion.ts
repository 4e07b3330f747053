/**
 * Fusion naming and which partner "carries" a fusion.
 *
 * Evidence is filed under the gene whose activity drives the fusion (ALK in EML4-ALK, FGFR2 in
 * FGFR2-BICC1), which is the 3' partner for most kinase fusions but the 5' partner for FGFR2/3
 * and for the ETS-activating TMPRSS2 fusions it is the 3' ETS gene. This list names the genes
 * that are the actionable or defining partner whichever side they are on.
 */
export const FUSION_DRIVER_GENES: ReadonlySet<string> = new Set([
  'ALK',
  'ROS1',
  'RET',
  'NTRK1',
  'NTRK2',
  'NTRK3',
  'FGFR1',
  'FGFR2',
  'FGFR3',
  'BRAF',
  'RAF1',
  'NRG1',
  'MET',
  'ABL1',
  'PDGFRA',
  'PDGFRB',
  'JAK2',
  'EGFR',
  'ERBB2',
  'ERG',
  'ETV1',
  'ETV4',
  'ETV6',
  'NUTM1',
  'KMT2A',
  'PIK3CA',
  'MAML2',
  'NR4A3',
  'EWSR1',
  'FUS',
  'PAX3',
  'PAX8',
  'TFE3',
  'CIC',
  'BCOR',
  'YAP1',
  'MYB',
  'NOTCH1',
  'RARA',
  'PRKACA',
]);

/** The partner evidence is keyed on: a known driver, else the 3' partner, else the only gene. */
export function fusionDriver(gene5: string | undefined, gene3: string | undefined): string | undefined {
  if (gene3 && FUSION_DRIVER_GENES.has(gene3)) return gene3;
  if (gene5 && FUSION_DRIVER_GENES.has(gene5)) return gene5;
  return gene3 ?? gene5;
}

export function fusionName(gene5: string | undefined, gene3: string | undefined): string {
  if (gene5 && gene3) return gene5 === gene3 ? `${gene5} intragenic` : `${gene5}-${gene3}`;
  return `${gene5 ?? gene3 ?? '?'} rearrangement`;
}

/** "EML4-ALK", "EML4::ALK" (HGVS/ISCN 2021 style), "EML4/ALK" → [5', 3']. */
export function parseFusionName(text: string): [string, string] | undefined {
  const m = /^([A-Za-z0-9.]+)\s*(?:::|-|\/|--)\s*([A-Za-z0-9.]+)(?:\s+fusion)?$/i.exec(text.trim());
  if (!m) return undefined;
  return [m[1]!.toUpperCase(), m[2]!.toUpperCase()];
}
