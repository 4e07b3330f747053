/**
 * Genome builds: reading the many ways files name them, and catching files whose positions
 * belong to the other build than the one they declare.
 *
 * A file cannot be checked base by base without the reference genome, so the check relies on
 * well-known hotspot variants whose coordinates differ between GRCh37 and GRCh38: a record with
 * exactly the GRCh37 position and alleles of BRAF V600E in a file that says GRCh38 is GRCh37
 * data, whatever the header says.
 */

export type GenomeBuild = 'GRCh37' | 'GRCh38';

/** "GRCh37", "37", "hg19", "b37", "GRCh37.p13", "hs37d5", "GRCh38", "hg38", "38"... → build. */
export function normaliseBuild(text: string | undefined): GenomeBuild | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (/(grch37|hg19|ncbi37|ncbi_?build_?37|b37|hs37|g1k_v37|\bv37\b|^37$|grch37\.p\d+|human_g1k)/.test(t)) return 'GRCh37';
  if (/(grch38|hg38|ncbi38|b38|hs38|assembly38|^38$|grch38\.p\d+)/.test(t)) return 'GRCh38';
  return undefined;
}

export interface BuildHotspot {
  gene: string;
  protein: string;
  chromosome: string;
  ref: string;
  alt: string;
  grch37: number;
  grch38: number;
}

/**
 * Hotspot coordinate pairs (1-based, forward strand, VCF alleles). GRCh37 positions and alleles
 * are those of the CIViC 2019-10-01 VCF (CC0; data/genomics/SOURCES.md); GRCh38 positions are
 * the same bases on the GRCh38 primary assembly (each gene's pairs differ by one constant offset,
 * e.g. EGFR −67 693, KRAS −152 934, PIK3CA +282 212, which is how they were cross-checked).
 * JAK2 V617F is left out on purpose: chr9:5073770 is the same number in both builds.
 */
export const BUILD_HOTSPOTS: readonly BuildHotspot[] = [
  { gene: 'BRAF', protein: 'p.V600E', chromosome: '7', ref: 'A', alt: 'T', grch37: 140453136, grch38: 140753336 },
  { gene: 'KRAS', protein: 'p.G12C', chromosome: '12', ref: 'C', alt: 'A', grch37: 25398285, grch38: 25245351 },
  { gene: 'KRAS', protein: 'p.G12D', chromosome: '12', ref: 'C', alt: 'T', grch37: 25398284, grch38: 25245350 },
  { gene: 'EGFR', protein: 'p.L858R', chromosome: '7', ref: 'T', alt: 'G', grch37: 55259515, grch38: 55191822 },
  { gene: 'EGFR', protein: 'p.T790M', chromosome: '7', ref: 'C', alt: 'T', grch37: 55249071, grch38: 55181378 },
  { gene: 'PIK3CA', protein: 'p.E545K', chromosome: '3', ref: 'G', alt: 'A', grch37: 178936091, grch38: 179218303 },
  { gene: 'PIK3CA', protein: 'p.H1047R', chromosome: '3', ref: 'A', alt: 'G', grch37: 178952085, grch38: 179234297 },
  { gene: 'IDH1', protein: 'p.R132H', chromosome: '2', ref: 'C', alt: 'T', grch37: 209113112, grch38: 208248388 },
  { gene: 'TP53', protein: 'p.R175H', chromosome: '17', ref: 'C', alt: 'T', grch37: 7578406, grch38: 7675088 },
];

/**
 * Primary-assembly chromosome lengths (bp) of both builds, from the assemblies' published
 * sequence reports (GRCh37 = GCA_000001405.1, GRCh38 = GCA_000001405.15). A VCF's
 * ##contig=<ID=21,length=46709983> names GRCh38 as surely as an assembly tag would.
 */
export const CHROMOSOME_LENGTHS: Readonly<Record<GenomeBuild, Readonly<Record<string, number>>>> = {
  GRCh37: {
    '1': 249250621,
    '2': 243199373,
    '3': 198022430,
    '4': 191154276,
    '5': 180915260,
    '6': 171115067,
    '7': 159138663,
    '8': 146364022,
    '9': 141213431,
    '10': 135534747,
    '11': 135006516,
    '12': 133851895,
    '13': 115169878,
    '14': 107349540,
    '15': 102531392,
    '16': 90354753,
    '17': 81195210,
    '18': 78077248,
    '19': 59128983,
    '20': 63025520,
    '21': 48129895,
    '22': 51304566,
    X: 155270560,
    Y: 59373566,
  },
  GRCh38: {
    '1': 248956422,
    '2': 242193529,
    '3': 198295559,
    '4': 190214555,
    '5': 181538259,
    '6': 170805979,
    '7': 159345973,
    '8': 145138636,
    '9': 138394717,
    '10': 133797422,
    '11': 135086622,
    '12': 133275309,
    '13': 114364328,
    '14': 107043718,
    '15': 101991189,
    '16': 90338345,
    '17': 83257441,
    '18': 80373285,
    '19': 58617616,
    '20': 64444167,
    '21': 46709983,
    '22': 50818468,
    X: 156040895,
    Y: 57227415,
  },
};

/** The build a contig length belongs to, if it is one of the primary chromosomes of either. */
export function buildFromContigLength(chromosome: string, length: number): GenomeBuild | undefined {
  const c = normaliseChromosome(chromosome);
  if (CHROMOSOME_LENGTHS.GRCh37[c] === length) return 'GRCh37';
  if (CHROMOSOME_LENGTHS.GRCh38[c] === length) return 'GRCh38';
  return undefined;
}

/** "chr7", "CHR7", "7" → "7"; "chrM"/"MT" → "MT". */
export function normaliseChromosome(chrom: string): string {
  const c = chrom.trim().replace(/^chr/i, '');
  if (/^m$/i.test(c) || /^mt$/i.test(c)) return 'MT';
  return c.toUpperCase();
}

export interface BuildEvidence {
  gene: string;
  protein: string;
  chromosome: string;
  position: number;
  /** The build whose coordinates the record has. */
  build: GenomeBuild;
  /** Where the record was found (line number or path), for the error message. */
  line?: number;
}

export interface BuildCheck {
  declared?: GenomeBuild;
  /** Build the hotspot positions point to, when any was seen. */
  inferred?: GenomeBuild;
  evidence: BuildEvidence[];
  mismatch: boolean;
}

/** Looks one VCF-style or MAF-style variant up in the hotspot table. */
export function hotspotBuildOf(
  chromosome: string,
  position: number,
  ref: string,
  alt: string,
): { hotspot: BuildHotspot; build: GenomeBuild } | undefined {
  const chrom = normaliseChromosome(chromosome);
  for (const h of BUILD_HOTSPOTS) {
    if (h.chromosome !== chrom || h.ref !== ref.toUpperCase() || h.alt !== alt.toUpperCase()) continue;
    if (h.grch37 === position) return { hotspot: h, build: 'GRCh37' };
    if (h.grch38 === position) return { hotspot: h, build: 'GRCh38' };
  }
  return undefined;
}

/** Collects hotspot evidence over a file's records and compares it with the declared build. */
export class BuildChecker {
  private readonly evidence: BuildEvidence[] = [];

  constructor(private declared: GenomeBuild | undefined) {}

  setDeclared(build: GenomeBuild | undefined): void {
    this.declared = build;
  }

  observe(chromosome: string, position: number, ref: string, alt: string, line?: number): BuildEvidence | undefined {
    const hit = hotspotBuildOf(chromosome, position, ref, alt);
    if (!hit) return undefined;
    const ev: BuildEvidence = {
      gene: hit.hotspot.gene,
      protein: hit.hotspot.protein,
      chromosome: hit.hotspot.chromosome,
      position,
      build: hit.build,
      ...(line !== undefined ? { line } : {}),
    };
    this.evidence.push(ev);
    return ev;
  }

  /** Evidence that contradicts the declared build (the first one names the line to report). */
  contradictions(): BuildEvidence[] {
    return this.declared ? this.evidence.filter((e) => e.build !== this.declared) : [];
  }

  result(): BuildCheck {
    const builds = new Set(this.evidence.map((e) => e.build));
    const inferred = builds.size === 1 ? [...builds][0] : undefined;
    return {
      ...(this.declared ? { declared: this.declared } : {}),
      ...(inferred ? { inferred } : {}),
      evidence: [...this.evidence],
      mismatch: this.contradictions().length > 0,
    };
  }
}

export function describeMismatch(declared: GenomeBuild, e: BuildEvidence): string {
  return (
    `genome build mismatch: the file declares ${declared}, but ${e.gene} ${e.protein} sits at ` +
    `chr${e.chromosome}:${e.position}, its ${e.build} position (${declared} would be ` +
    `chr${e.chromosome}:${BUILD_HOTSPOTS.find((h) => h.gene === e.gene && h.protein === e.protein)?.[declared === 'GRCh37' ? 'grch37' : 'grch38']})`
  );
}
