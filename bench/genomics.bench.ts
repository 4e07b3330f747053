/**
 * Genomics at the centre's scale (issue 4, item 8).
 *
 * 1. Import: a synthetic cohort MAF of 10,000 patients (~1 million variants; deterministic;
 *    driver hotspots from the cohort generator's table, passengers across ~16,000 genes, GDC
 *    classification mix) is written to a temp dir and imported into a fresh file-backed PGlite
 *    through the real import service (importGenomicFile: chunked parse, bulk writes, one
 *    transaction, one audit entry). Parse and write are timed separately. Baselines in the same
 *    run: a split-on-tab reader of the same file (what parsing costs beyond splitting), and the
 *    same alteration rows written one INSERT per row on a subsample.
 * 2. Annotate: one 324-gene panel report with ~60 alterations, annotated 1,000 times (p50/p95),
 *    against a baseline that scans the whole evidence table for every alteration (same variant
 *    matching, no per-gene index). Both must find the same evidence; the run checks that.
 *
 * Targets: import < 60 s, annotate < 10 ms. Prints tables and ratios; asserts nothing on time.
 * `npx tsx bench/genomics.bench.ts` runs it alone; BENCH_GENOMICS_PATIENTS scales it.
 */
import {
  ALT,
  GENOMICS_DATA_PATHS,
  Rng,
  WeightedTable,
  mixSeed,
  parseCivicEvidence,
  parsePanelReport,
  parseRegulatoryApprovals,
  parseVariantSpec,
  pseudonymFor,
  specMatches,
  toQueryAlteration,
  annotate,
  type AlterationSpec,
  type QueryAlteration,
} from '@continuum/core';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/record';
import { openPglite, type Db } from '../packages/server/src/db/driver';
import { migrate } from '../packages/server/src/db/migrate';
import { importGenomicFile } from '../packages/server/src/genomics/import';
import { loadShippedGenomicsKnowledge } from '../packages/server/src/genomics/knowledge';
import { DATA_DIR } from '../packages/server/src/reference';
import { COHORT_TABLES } from '../packages/server/src/seed/tables';

const PATIENTS = Number(process.env.BENCH_GENOMICS_PATIENTS ?? 10_000);
const BASELINE_ROWS = Number(process.env.BENCH_GENOMICS_BASELINE_ROWS ?? 20_000);
const ANNOTATE_RUNS = Number(process.env.BENCH_ANNOTATE_RUNS ?? 1_000);
const SEED = 4;

// ---------------------------------------------------------------------------------------------
// The synthetic cohort MAF

const MAF_COLUMNS = [
  'Hugo_Symbol',
  'Entrez_Gene_Id',
  'Center',
  'NCBI_Build',
  'Chromosome',
  'Start_Position',
  'End_Position',
  'Strand',
  'Variant_Classification',
  'Variant_Type',
  'Reference_Allele',
  'Tumor_Seq_Allele1',
  'Tumor_Seq_Allele2',
  'dbSNP_RS',
  'Tumor_Sample_Barcode',
  'Matched_Norm_Sample_Barcode',
  'HGVSc',
  'HGVSp',
  'HGVSp_Short',
  'Transcript_ID',
  'Exon_Number',
  't_depth',
  't_ref_count',
  't_alt_count',
  'n_depth',
  'n_ref_count',
  'n_alt_count',
  'Consequence',
];

/** GDC somatic MAF classification mix (approximate shares in TCGA pan-cancer calls). */
const CLASSES = new WeightedTable<string>([
  ['Missense_Mutation', 0.6],
  ['Silent', 0.21],
  ['Nonsense_Mutation', 0.05],
  ['Frame_Shift_Del', 0.035],
  ['Frame_Shift_Ins', 0.015],
  ['Splice_Site', 0.025],
  ['In_Frame_Del', 0.01],
  ['In_Frame_Ins', 0.003],
  ["3'UTR", 0.03],
  ["5'UTR", 0.008],
  ['Intron', 0.014],
]);
const CONSEQUENCE: Record<string, string> = {
  Missense_Mutation: 'missense_variant',
  Silent: 'synonymous_variant',
  Nonsense_Mutation: 'stop_gained',
  Frame_Shift_Del: 'frameshift_variant',
  Frame_Shift_Ins: 'frameshift_variant',
  Splice_Site: 'splice_donor_variant',
  In_Frame_Del: 'inframe_deletion',
  In_Frame_Ins: 'inframe_insertion',
  "3'UTR": '3_prime_UTR_variant',
  "5'UTR": '5_prime_UTR_variant',
  Intron: 'intron_variant',
};
const AMINO = 'ACDEFGHIKLMNPQRSTVWY';
const THREE: Record<string, string> = {
  A: 'Ala',
  C: 'Cys',
  D: 'Asp',
  E: 'Glu',
  F: 'Phe',
  G: 'Gly',
  H: 'His',
  I: 'Ile',
  K: 'Lys',
  L: 'Leu',
  M: 'Met',
  N: 'Asn',
  P: 'Pro',
  Q: 'Gln',
  R: 'Arg',
  S: 'Ser',
  T: 'Thr',
  V: 'Val',
  W: 'Trp',
  Y: 'Tyr',
  '*': 'Ter',
};
const BASES = 'ACGT';
const CHROMOSOMES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  'X',
];
/** GRCh37 positions of the hotspots the build check knows (core build.ts), so the file passes it honestly. */
const GRCH37_HOTSPOTS: Record<string, { chromosome: string; position: number; ref: string; alt: string }> = {
  'BRAF p.V600E': { chromosome: '7', position: 140453136, ref: 'A', alt: 'T' },
  'KRAS p.G12C': { chromosome: '12', position: 25398285, ref: 'C', alt: 'A' },
  'KRAS p.G12D': { chromosome: '12', position: 25398284, ref: 'C', alt: 'T' },
  'EGFR p.L858R': { chromosome: '7', position: 55259515, ref: 'T', alt: 'G' },
  'EGFR p.T790M': { chromosome: '7', position: 55249071, ref: 'C', alt: 'T' },
  'PIK3CA p.E545K': { chromosome: '3', position: 178936091, ref: 'G', alt: 'A' },
  'PIK3CA p.H1047R': { chromosome: '3', position: 178952085, ref: 'A', alt: 'G' },
  'IDH1 p.R132H': { chromosome: '2', position: 209113112, ref: 'C', alt: 'T' },
};

/** Protein-coding-looking symbols of the shipped HGNC table: passengers land in genes, not in lncRNAs. */
function passengerGenes(): string[] {
  return readFileSync(resolve(DATA_DIR, '..', GENOMICS_DATA_PATHS.geneSymbols), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#') && !/^(LINC|MIR|SNOR|LOC|RNU|RNA|Y_RNA)|-AS\d|-DT$/.test(s));
}

/** Driver mutations with a protein change from the cohort generator's table (KRAS G12C, EGFR L858R …). */
function driverMutations(): AlterationSpec[] {
  const out: AlterationSpec[] = [];
  for (const choice of Object.values(ALT)) {
    for (const spec of (Array.isArray(choice) ? choice : [choice]) as AlterationSpec[]) {
      if (
        spec.alterationClass === 'mutation' &&
        spec.hgvsProtein &&
        /^p\.[A-Z]\d+([A-Z*]|fs\*?\d*|_[A-Z]\d+(del|dup)|del)/.test(spec.hgvsProtein)
      )
        out.push(spec);
    }
  }
  return out;
}

function driverClass(p: string): string {
  if (/fs/.test(p)) return 'Frame_Shift_Del';
  if (/\*$/.test(p)) return 'Nonsense_Mutation';
  if (/dup$/.test(p)) return 'In_Frame_Ins';
  if (/del$/.test(p)) return 'In_Frame_Del';
  return 'Missense_Mutation';
}

function threeLetter(short: string): string {
  return short
    .replace(/([A-Z*])(?=\d|$|_|fs)/g, (aa: string) => THREE[aa] ?? aa)
    .replace(/fs\*?(\d*)$/, (_, n: string) => (n ? `fsTer${n}` : 'fs'));
}

/** Writes the cohort MAF; returns the number of variant lines and bytes. */
export function synthesiseCohortMaf(path: string, patients: number, seed = SEED): { variants: number; bytes: number } {
  const genes = passengerGenes();
  const drivers = driverMutations();
  const locus = (gene: string) => {
    const h = mixSeed(
      seed,
      [...gene].reduce((a, c) => Math.imul(a, 31) + c.charCodeAt(0), 7),
    );
    return { chromosome: CHROMOSOMES[h % CHROMOSOMES.length]!, base: 1_000_000 + (h % 40_000_000) };
  };
  const fd = openSync(path, 'w');
  let variants = 0;
  let bytes = 0;
  let buffer: string[] = ['#version 2.4', MAF_COLUMNS.join('\t')];
  const flush = () => {
    const text = buffer.join('\n') + '\n';
    bytes += writeSync(fd, text);
    buffer = [];
  };
  for (let i = 0; i < patients; i++) {
    const rng = new Rng(mixSeed(seed, i));
    const sample = pseudonymFor(i + 1);
    // Tumour mutational burden is log-normal across a cohort: median ~70 calls, a hypermutated tail.
    const n = Math.max(1, Math.min(5_000, Math.round(rng.logNormal(70, 0.9))));
    const nDrivers = rng.int(0, 3);
    for (let k = 0; k < n; k++) {
      const depth = rng.int(80, 800);
      const alt = Math.max(3, Math.round(depth * rng.uniform(0.04, 0.6)));
      const nDepth = rng.int(40, 400);
      let gene: string;
      let cls: string;
      let short = '';
      let cdna = '';
      let chromosome: string;
      let start: number;
      let ref: string;
      let alleleAlt: string;
      if (k < nDrivers) {
        const d = rng.pick(drivers);
        gene = d.gene;
        short = d.hgvsProtein!;
        cdna = d.hgvsCdna ?? `c.${rng.int(1, 3000)}${rng.pick([...BASES])}>${rng.pick([...BASES])}`;
        cls = driverClass(short);
        const hot = GRCH37_HOTSPOTS[`${gene} ${short}`];
        const at = locus(gene);
        chromosome = hot?.chromosome ?? at.chromosome;
        start = hot?.position ?? at.base + rng.int(0, 100_000);
        ref =
          hot?.ref ??
          (cls === 'In_Frame_Ins' ? '-' : cls === 'In_Frame_Del' ? 'GAGGAA' : cls === 'Frame_Shift_Del' ? 'A' : rng.pick([...BASES]));
        alleleAlt = hot?.alt ?? (cls === 'In_Frame_Ins' ? 'GCT' : cls.endsWith('Del') ? '-' : BASES.replace(ref, '')[rng.int(0, 2)]!);
      } else {
        gene = rng.pick(genes);
        cls = rng.weighted(CLASSES);
        const at = locus(gene);
        chromosome = at.chromosome;
        start = at.base + rng.int(0, 100_000);
        const codon = rng.int(2, 1_500);
        const nt = codon * 3 - rng.int(0, 2);
        const aa = AMINO[rng.int(0, 19)]!;
        ref = rng.pick([...BASES]);
        alleleAlt = BASES.replace(ref, '')[rng.int(0, 2)]!;
        switch (cls) {
          case 'Missense_Mutation': {
            let to = AMINO[rng.int(0, 19)]!;
            if (to === aa) to = aa === 'A' ? 'V' : 'A';
            short = `p.${aa}${codon}${to}`;
            cdna = `c.${nt}${ref}>${alleleAlt}`;
            break;
          }
          case 'Silent':
            short = `p.${aa}${codon}=`;
            cdna = `c.${nt}${ref}>${alleleAlt}`;
            break;
          case 'Nonsense_Mutation':
            short = `p.${aa}${codon}*`;
            cdna = `c.${nt}${ref}>${alleleAlt}`;
            break;
          case 'Frame_Shift_Del':
            short = `p.${aa}${codon}fs`;
            cdna = `c.${nt}del`;
            alleleAlt = '-';
            break;
          case 'Frame_Shift_Ins':
            short = `p.${aa}${codon}fs`;
            cdna = `c.${nt}_${nt + 1}ins${alleleAlt}`;
            ref = '-';
            break;
          case 'In_Frame_Del':
            short = `p.${aa}${codon}del`;
            cdna = `c.${nt}_${nt + 2}del`;
            ref = `${ref}${rng.pick([...BASES])}${rng.pick([...BASES])}`;
            alleleAlt = '-';
            break;
          case 'In_Frame_Ins': {
            const ins = AMINO[rng.int(0, 19)]!;
            short = `p.${aa}${codon}_${AMINO[rng.int(0, 19)]}${codon + 1}ins${ins}`;
            cdna = `c.${nt}_${nt + 1}ins${alleleAlt}${rng.pick([...BASES])}${rng.pick([...BASES])}`;
            alleleAlt = cdna.slice(cdna.indexOf('ins') + 3);
            ref = '-';
            break;
          }
          case 'Splice_Site':
            short = `p.X${codon}_splice`;
            cdna = `c.${nt}+${rng.int(1, 2)}${ref}>${alleleAlt}`;
            break;
          case "3'UTR":
            cdna = `c.*${rng.int(1, 2_000)}${ref}>${alleleAlt}`;
            break;
          case "5'UTR":
            cdna = `c.-${rng.int(1, 300)}${ref}>${alleleAlt}`;
            break;
          default:
            cdna = `c.${nt}+${rng.int(20, 5_000)}${ref}>${alleleAlt}`;
        }
      }
      const variantType = ref === '-' ? 'INS' : alleleAlt === '-' ? 'DEL' : 'SNP';
      const end = variantType === 'INS' ? start + 1 : start + Math.max(1, ref.length) - 1;
      buffer.push(
        [
          gene,
          '0',
          'continuum.bench',
          'GRCh37',
          chromosome,
          start,
          end,
          '+',
          cls,
          variantType,
          ref,
          ref,
          alleleAlt,
          '',
          sample,
          `${sample}-N`,
          cdna,
          short ? threeLetter(short) : '',
          short,
          `ENST${String(mixSeed(seed, gene.length * 7919 + gene.charCodeAt(0))).padStart(11, '0')}`,
          `${rng.int(1, 20)}/20`,
          depth,
          depth - alt,
          alt,
          nDepth,
          nDepth,
          0,
          CONSEQUENCE[cls],
        ].join('\t'),
      );
      variants++;
      if (buffer.length >= 20_000) flush();
    }
  }
  flush();
  closeSync(fd);
  return { variants, bytes };
}

// ---------------------------------------------------------------------------------------------
// Baselines

/** The least a reader can do: split lines on tab and pick out the sample, gene and protein. */
async function splitOnTab(path: string): Promise<number> {
  let rows = 0;
  let pending = '';
  let header: string[] | undefined;
  let gene = 0;
  let sample = 0;
  let protein = 0;
  const seen = new Set<string>();
  for await (const buf of createReadStream(path, { highWaterMark: 4 * 1024 * 1024, encoding: 'utf8' }) as AsyncIterable<string>) {
    const lines = (pending + buf).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === '' || line.startsWith('#')) continue;
      const cells = line.split('\t');
      if (!header) {
        header = cells;
        gene = header.indexOf('Hugo_Symbol');
        sample = header.indexOf('Tumor_Sample_Barcode');
        protein = header.indexOf('HGVSp_Short');
        continue;
      }
      seen.add(cells[sample]!);
      if (cells[gene] && cells[protein] !== undefined) rows++;
    }
  }
  return rows + (pending.trim() !== '' ? 1 : 0);
}

/** The same alteration rows, one INSERT each, on a subsample: what the bulk writer is measured against. */
async function rowByRowInsert(db: Db, rows: number): Promise<number> {
  const cols = COHORT_TABLES.alteration!;
  const t0 = performance.now();
  await db
    .transaction(async (tx) => {
      const { rows: reports } = await tx.query<{ id: string; patient_id: string }>(
        'select id, patient_id from molecular_report limit 1000',
      );
      const rng = new Rng(SEED);
      for (let i = 0; i < rows; i++) {
        const r = reports[i % reports.length]!;
        const row: Record<string, unknown> = {
          report_id: r.id,
          patient_id: r.patient_id,
          gene: 'TP53',
          alteration_class: 'mutation',
          hgvs_protein: `p.R${rng.int(1, 393)}H`,
          hgvs_cdna: null,
          vaf: rng.uniform(0.05, 0.6),
          copy_number: null,
          fusion_partner: null,
        };
        await tx.query(
          `insert into alteration (${cols.map(([n]) => n).join(', ')}) values (${cols.map((_, j) => `$${j + 1}`).join(', ')})`,
          cols.map(([n]) => row[n] ?? null),
        );
      }
      // Nothing of the baseline is kept: the imported database stays as the import left it.
      throw new RollbackBaseline();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RollbackBaseline)) throw e;
    });
  return (performance.now() - t0) / 1000;
}
class RollbackBaseline extends Error {}

// ---------------------------------------------------------------------------------------------
// The 324-gene panel report

/** A FoundationOne-sized report: 324 genes tested, ~60 alterations (hotspots, passengers, CNAs, a fusion), TMB-high. */
function panelReport(genesTested: string[]): string {
  const rng = new Rng(SEED);
  const hot = [
    'KRAS:p.G12C',
    'EGFR:p.L858R',
    'BRAF:p.V600E',
    'PIK3CA:p.H1047R',
    'ERBB2:p.S310F',
    'IDH1:p.R132H',
    'TP53:p.R175H',
    'KIT:p.D816V',
    'ESR1:p.D538G',
    'MET:p.D1228N',
    'FGFR3:p.S249C',
    'BRCA2:p.S1982Rfs*22',
    'DNMT3A:p.R882H',
    'TET2:p.Q1034*',
    'JAK2:p.V617F',
    'STK11:p.Q37*',
  ];
  const alterations: unknown[] = hot.map((h) => {
    const [gene, hgvsp] = h.split(':');
    return { gene, type: 'mutation', hgvsp, vaf: +rng.uniform(0.02, 0.5).toFixed(3) };
  });
  while (alterations.length < 56) {
    const gene = rng.pick(genesTested);
    alterations.push({
      gene,
      type: 'mutation',
      hgvsp: `p.${AMINO[rng.int(0, 19)]}${rng.int(2, 900)}${AMINO[rng.int(0, 19)]}`,
      vaf: +rng.uniform(0.02, 0.5).toFixed(3),
    });
  }
  alterations.push({ gene: 'ERBB2', type: 'amplification', copyNumber: 14 }, { gene: 'MET', type: 'amplification', copyNumber: 9 });
  alterations.push({ gene: 'CDKN2A', type: 'deletion' }, { gene: 'ALK', type: 'fusion', fusion: 'EML4::ALK' });
  return JSON.stringify({
    panel: 'FoundationOne CDx (324 genes)',
    specimen: 'tissue',
    reportedAt: '2026-10-01',
    genomeBuild: 'GRCh38',
    sampleId: 'BENCH-1',
    tmb: 16,
    msi: 'MSS',
    genesTested,
    alterations,
  });
}

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function benchAnnotate() {
  const { kb, genes } = loadShippedGenomicsKnowledge();
  const read = (p: string) => readFileSync(resolve(DATA_DIR, '..', p), 'utf8');
  const civic = parseCivicEvidence(read(GENOMICS_DATA_PATHS.civicEvidence), GENOMICS_DATA_PATHS.civicEvidence);
  const approvals = parseRegulatoryApprovals(read(GENOMICS_DATA_PATHS.approvals), GENOMICS_DATA_PATHS.approvals);
  const norm = (s: string) => {
    const r = genes.resolve(s);
    return 'symbol' in r ? r.symbol : s;
  };
  // The evidence table as one flat list, variant names parsed once (as the KB does): no per-gene index.
  const table = [
    ...civic.map((c) => ({ gene: norm(c.gene), spec: parseVariantSpec(c.variant, norm) })),
    ...approvals.map((a) => ({ gene: a.gene, spec: parseVariantSpec(a.alteration) })),
  ].filter((row) => row.spec.kind !== 'unsupported');

  // 324 genes: the knowledge base's genes first (as a cancer panel's are), then passengers.
  const tested = [...new Set([...civic.map((c) => norm(c.gene)), ...approvals.map((a) => a.gene), ...passengerGenes()])].slice(0, 324);
  const parsed = parsePanelReport(panelReport(tested), 'bench_panel.json');
  const tumourType = 'LUAD';
  const timeRuns = (fn: () => number) => {
    for (let i = 0; i < 50; i++) fn(); // warm-up: JIT, caches
    const ms: number[] = [];
    let out = 0;
    for (let i = 0; i < ANNOTATE_RUNS; i++) {
      const t = performance.now();
      out = fn();
      ms.push(performance.now() - t);
    }
    return { sorted: ms.sort((a, b) => a - b), out };
  };

  const fast = timeRuns(() => annotate(parsed, { tumourType, kb, evidence: 'all' }).reduce((n, a) => n + a.evidence.length, 0));
  // Evidence lookup alone, both ways, on the same queries: the per-gene index vs a scan of every row.
  const queries: QueryAlteration[] = [
    ...parsed.records.map((r) => toQueryAlteration(r, norm)),
    { gene: 'TMB', kind: 'biomarker', biomarker: 'TMB-H' },
  ];
  const indexed = timeRuns(() => {
    let matched = 0;
    for (const q of queries) matched += kb.query({ alteration: q, tumourType, context: queries.filter((c) => c !== q) }).length;
    return matched;
  });
  const scan = timeRuns(() => {
    let matched = 0;
    for (const q of queries) {
      const others = queries.filter((c) => c !== q);
      const qGenes = [q.gene, q.gene5, q.gene3];
      for (const row of table) if (qGenes.includes(row.gene) && specMatches(row.spec, row.gene, q, others)) matched++;
    }
    return matched;
  });
  return {
    alterations: parsed.records.length + 1,
    genesTested: tested.length,
    fast,
    indexed,
    scan,
  };
}

// ---------------------------------------------------------------------------------------------

export async function benchGenomics(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-genomics-bench-'));
  try {
    const mafPath = join(dir, `cohort_${PATIENTS}.maf`);
    let t0 = performance.now();
    const { variants, bytes } = synthesiseCohortMaf(mafPath, PATIENTS);
    const synthSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `  synthesised ${variants} variants for ${PATIENTS} patients (${(bytes / 1e6).toFixed(0)} MB) in ${synthSeconds.toFixed(1)} s\n`,
    );

    t0 = performance.now();
    let cpu = process.cpuUsage();
    const splitRows = await splitOnTab(mafPath);
    const splitSeconds = (performance.now() - t0) / 1000;
    const splitCpu = cpuSeconds(process.cpuUsage(cpu));

    const db = await openPglite(join(dir, 'pgdata'));
    await migrate(db);
    const heapBefore = process.memoryUsage().rss;
    t0 = performance.now();
    const r = await importGenomicFile(db, mafPath, {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      panel: 'synthetic whole-exome (bench)',
      reportedAt: '2026-11-01',
      onProgress: (read, total) => {
        if (read === total || read % (32 * 1024 * 1024) < 4 * 1024 * 1024)
          process.stderr.write(`  … ${(read / 1e6).toFixed(0)}/${(total / 1e6).toFixed(0)} MB imported\n`);
      },
    });
    const importSeconds = (performance.now() - t0) / 1000;
    const peakRss = process.memoryUsage().rss;
    const counts = (
      await db.query<{ a: number; m: number; p: number }>(
        'select (select count(*) from alteration) a, (select count(*) from molecular_report) m, (select count(*) from patient) p',
      )
    ).rows[0]!;
    cpu = process.cpuUsage();
    const naiveSeconds = await rowByRowInsert(db, BASELINE_ROWS);
    const naiveCpu = cpuSeconds(process.cpuUsage(cpu));
    await db.close();

    const writeRate = r.alterations / (r.timings.writeCpuMs / 1000);
    const naiveRate = BASELINE_ROWS / naiveCpu;
    const s = (ms: number) => +(ms / 1000).toFixed(2);
    console.log(
      `\nImporting a synthetic cohort MAF: ${PATIENTS} patients, ${variants} variants, ${(statSync(mafPath).size / 1e6).toFixed(0)} MB (file-backed PGlite, one transaction)`,
    );
    console.log(
      `(CPU seconds are this process's user + system time — PGlite runs in it — and hold on a shared machine; load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`,
    );
    console.table([
      {
        step: 'baseline: split on tab (no validation)',
        rows: splitRows,
        'wall s': +splitSeconds.toFixed(2),
        'CPU s': +splitCpu.toFixed(2),
        'rows per CPU s': Math.round(splitRows / splitCpu),
      },
      {
        step: 'read + parse + validate (core parseMaf, chunked)',
        rows: r.recordsRead,
        'wall s': s(r.timings.parseMs),
        'CPU s': s(r.timings.parseCpuMs),
        'rows per CPU s': Math.round(r.recordsRead / (r.timings.parseCpuMs / 1000)),
      },
      {
        step: 'map + bulk write (json_to_recordset)',
        rows: r.alterations,
        'wall s': s(r.timings.writeMs),
        'CPU s': s(r.timings.writeCpuMs),
        'rows per CPU s': Math.round(writeRate),
      },
      {
        step: 'baseline: one INSERT per alteration row',
        rows: BASELINE_ROWS,
        'wall s': +naiveSeconds.toFixed(2),
        'CPU s': +naiveCpu.toFixed(2),
        'rows per CPU s': Math.round(naiveRate),
      },
      {
        step: 'import total (importGenomicFile)',
        rows: r.recordsRead,
        'wall s': +importSeconds.toFixed(2),
        'CPU s': s(r.timings.cpuMs),
        'rows per CPU s': Math.round(r.recordsRead / (r.timings.cpuMs / 1000)),
      },
    ]);
    console.log(
      `stored: ${counts.p} patients, ${counts.m} reports, ${counts.a} alterations (${r.recordsNotStored} silent/UTR/intronic records read, not stored); RSS ${(heapBefore / 1e6).toFixed(0)} → ${(peakRss / 1e6).toFixed(0)} MB`,
    );
    console.log(
      `parse vs split-on-tab (CPU): ${(r.timings.parseCpuMs / 1000 / splitCpu).toFixed(1)}× the time (validation, HGVS, classes, build checks)`,
    );
    console.log(`bulk write vs row-by-row INSERT throughput (CPU): ${(writeRate / naiveRate).toFixed(1)}×`);
    console.log(
      `import of ${variants} variants: ${importSeconds.toFixed(1)} s wall, ${s(r.timings.cpuMs)} s CPU (target < 60 s: ${importSeconds < 60 ? 'met' : `NOT met on the wall clock${r.timings.cpuMs < 60_000 ? ', met in CPU time' : ''}`})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const a = await benchAnnotate();
  if (a.indexed.out !== a.scan.out || a.fast.out !== a.scan.out) {
    throw new Error(`evidence items: annotate ${a.fast.out}, indexed lookup ${a.indexed.out}, linear scan ${a.scan.out} — they must agree`);
  }
  const p = (s: number[], q: number) => +percentile(s, q).toFixed(3);
  const row = (method: string, r: { sorted: number[]; out: number }) => ({
    method,
    'p50 ms': p(r.sorted, 50),
    'p95 ms': p(r.sorted, 95),
    'max ms': p(r.sorted, 100),
    'evidence items': r.out,
  });
  console.log(
    `\nAnnotating one ${a.genesTested}-gene panel report (${a.alterations} alterations incl. TMB-high), LUAD, ${ANNOTATE_RUNS} runs each`,
  );
  console.table([
    row('annotate: evidence + ESCAT + flags + sorting', a.fast),
    row('evidence lookup, per-gene index (kb.query)', a.indexed),
    row('baseline: evidence lookup, linear scan of the table', a.scan),
  ]);
  console.log(
    `evidence lookup, index vs linear scan (p50): ${(percentile(a.scan.sorted, 50) / percentile(a.indexed.sorted, 50)).toFixed(1)}× faster`,
  );
  console.log(
    `annotate p50 ${percentile(a.fast.sorted, 50).toFixed(2)} ms, p95 ${percentile(a.fast.sorted, 95).toFixed(2)} ms (target < 10 ms: ${percentile(a.fast.sorted, 95) < 10 ? 'met' : 'NOT met'})`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchGenomics();
