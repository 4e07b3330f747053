/**
 * OncoKB as a pluggable source: `continuum annotate` with ONCOKB_API_TOKEN asks OncoKB's POST
 * annotate endpoints about the file's reportable alterations and adds OncoKB levels next to
 * CIViC's and the approvals'. OncoKB is licensed and this machine has no network, so the API is
 * played by a local HTTP server speaking its documented request/response shapes
 * (IndicatorQueryResp, https://api.oncokb.org); the answers it gives are OncoKB's published
 * levels for these variants (oncokb.org, data version noted below), not Continuum's output.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, '..', 'bin', 'continuum.js');
const VCF = join(HERE, '..', '..', 'core', 'test', 'fixtures', 'genomics', 'vcf', 'snpeff_grch38.vcf');
const TOKEN = 'test-token-not-a-secret';
const NSCLC = { code: 'NSCLC', name: 'Non-Small Cell Lung Cancer', mainType: { name: 'Non-Small Cell Lung Cancer' } };

const treatment = (drugs: string[], level: string, pmids: string[]) => ({
  alterations: [],
  drugs: drugs.map((drugName) => ({ drugName })),
  level,
  levelAssociatedCancerType: NSCLC,
  pmids,
});

/** OncoKB levels in NSCLC (oncokb.org, therapeutic levels as published for these alterations). */
const MUTATIONS: Record<string, object[]> = {
  // EGFR L858R: level 1 for the EGFR TKIs (e.g. osimertinib, FLAURA, PMID 29151359).
  'EGFR L858R': [treatment(['Osimertinib'], 'LEVEL_1', ['29151359']), treatment(['Erlotinib'], 'LEVEL_1', ['22285168'])],
  // BRAF V600E: level 1 dabrafenib + trametinib in NSCLC (Planchard et al., PMID 27283860).
  'BRAF V600E': [treatment(['Dabrafenib', 'Trametinib'], 'LEVEL_1', ['27283860'])],
};
const FUSIONS: Record<string, object[]> = {
  // EML4-ALK: level 1 alectinib (ALEX, PMID 28586279).
  'EML4-ALK': [treatment(['Alectinib'], 'LEVEL_1', ['28586279'])],
};

interface Seen {
  path: string;
  authorization: string | undefined;
  body: Question[];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

interface Question {
  gene: { hugoSymbol: string };
  geneA: { hugoSymbol: string };
  geneB: { hugoSymbol: string };
  alteration: string;
  copyNameAlterationType: string;
  tumorType: string;
}

function fakeOncoKb(seen: Seen[], opts: { refuse?: boolean } = {}): Server {
  return createServer((req, res) => {
    void readBody(req).then((text) => {
      const body = JSON.parse(text) as Question[];
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      if (opts.refuse || req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"title":"Unauthorized"}');
        return;
      }
      const answers = body.map((q) => {
        const [key, hugo, alteration] = req.url!.endsWith('/structuralVariants')
          ? [`${q.geneA.hugoSymbol}-${q.geneB.hugoSymbol}`, q.geneA.hugoSymbol, `${q.geneA.hugoSymbol}-${q.geneB.hugoSymbol} Fusion`]
          : req.url!.endsWith('/copyNumberAlterations')
            ? [`${q.gene.hugoSymbol} ${q.copyNameAlterationType}`, q.gene.hugoSymbol, q.copyNameAlterationType]
            : [`${q.gene.hugoSymbol} ${q.alteration}`, q.gene.hugoSymbol, q.alteration];
        const treatments = (req.url!.endsWith('/structuralVariants') ? FUSIONS : MUTATIONS)[key] ?? [];
        return {
          query: { hugoSymbol: hugo, alteration, tumorType: q.tumorType },
          geneExist: true,
          variantExist: treatments.length > 0,
          oncogenic: 'Oncogenic',
          highestSensitiveLevel: treatments.length > 0 ? 'LEVEL_1' : null,
          highestResistanceLevel: null,
          treatments,
          dataVersion: 'v4.24',
        };
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answers));
    });
  });
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, CI: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Annotation {
  gene: string;
  alteration: string;
  evidence: { source: string; version: string; level: string; therapies: string[]; direction: string; citations: string[] }[];
  escat: { tier: string };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

describe('continuum annotate with an OncoKB token', () => {
  const seen: Seen[] = [];
  const server = fakeOncoKb(seen);
  let url = '';
  beforeAll(async () => {
    url = await listen(server);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('adds OncoKB levels as a named, versioned source and sends only alterations, with the token as a bearer', async () => {
    const r = await cli(['annotate', VCF, '--tumor-type', 'LUAD', '--format', 'json'], { ONCOKB_API_TOKEN: TOKEN, ONCOKB_API_URL: url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const annotations = JSON.parse(r.stdout) as Annotation[];

    const egfr = annotations.find((a) => a.gene === 'EGFR' && a.alteration === 'p.L858R')!;
    expect(egfr.evidence).toContainEqual(
      expect.objectContaining({
        source: 'OncoKB',
        version: 'v4.24',
        level: 'LEVEL_1',
        therapies: ['Osimertinib'],
        direction: 'sensitivity',
        citations: ['PMID:29151359'],
      }),
    );
    const braf = annotations.find((a) => a.gene === 'BRAF')!;
    expect(braf.evidence).toContainEqual(expect.objectContaining({ source: 'OncoKB', therapies: ['Dabrafenib + Trametinib'] }));
    const alk = annotations.find((a) => a.evidence.some((e) => e.therapies.includes('Alectinib') && e.source === 'OncoKB'));
    expect(alk, 'EML4-ALK answered through the structural-variant endpoint').toBeDefined();
    // The ESCAT suggestion still rests on CIViC and the approvals (EGFR L858R in LUAD: I-A).
    expect(egfr.escat.tier).toBe('I-A');

    expect(new Set(seen.map((s) => s.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    const mutationBodies = seen.filter((s) => s.path === '/api/v1/annotate/mutations/byProteinChange').flatMap((s) => s.body);
    expect(mutationBodies.map((b) => b.alteration).sort()).toEqual(['L858R', 'R273H', 'V600E']);
    // Nothing but the alteration and the tumour type leaves the centre (no sample or patient ids).
    for (const b of mutationBodies) expect(Object.keys(b).sort()).toEqual(['alteration', 'gene', 'tumorType']);
    expect(seen.some((s) => s.path === '/api/v1/annotate/structuralVariants')).toBe(true);
  }, 60_000);

  it('without a token, nothing is asked and OncoKB is absent', async () => {
    const before = seen.length;
    const r = await cli(['annotate', VCF, '--tumor-type', 'LUAD', '--format', 'json'], { ONCOKB_API_TOKEN: '', ONCOKB_API_URL: url });
    expect(r.code).toBe(0);
    const annotations = JSON.parse(r.stdout) as Annotation[];
    expect(annotations.flatMap((a) => a.evidence).some((e) => e.source === 'OncoKB')).toBe(false);
    expect(seen.length).toBe(before);
  }, 60_000);
});

describe('a refused OncoKB token', () => {
  const server = fakeOncoKb([], { refuse: true });
  let url = '';
  beforeAll(async () => {
    url = await listen(server);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fails with a message naming the endpoint and the token, and prints no annotations', async () => {
    const r = await cli(['annotate', VCF, '--tumor-type', 'LUAD', '--format', 'json'], { ONCOKB_API_TOKEN: 'wrong', ONCOKB_API_URL: url });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/OncoKB: .*\/annotate\/.* refused the token \(HTTP 401\)/);
  }, 60_000);
});
