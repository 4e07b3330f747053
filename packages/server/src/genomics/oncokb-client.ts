/**
 * Asking OncoKB's API (https://www.oncokb.org/api/v1) about the alterations of one file, for
 * centres that hold an OncoKB licence: the token comes from ONCOKB_API_TOKEN, never from the
 * command line (where other users of the machine could read it in the process list).
 *
 * Only the alterations being annotated are sent (gene, protein change or copy-number/fusion
 * type, OncoTree code) — no patient or sample identifiers. Questions are deduplicated and sent in
 * batches to OncoKB's POST endpoints, which answer with one IndicatorQueryResp per question in
 * order. Any failure names the endpoint and what went wrong; nothing is cached to disk.
 */
import {
  GenomicsParseError,
  isReportableRecord,
  OncoKbSource,
  oncoKbQueryFor,
  parseOncoKbAnswer,
  toQueryAlteration,
  type KnowledgeBase,
  type OncoKbAnswer,
  type OncoKbQuery,
  type ParsedGenomicFile,
} from '@continuum/core';

export const ONCOKB_DEFAULT_URL = 'https://www.oncokb.org/api/v1';

export interface OncoKbClientOptions {
  token: string;
  /** Default https://www.oncokb.org/api/v1 (ONCOKB_API_URL overrides it, e.g. a local mirror). */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  /** Questions per POST. */
  batchSize?: number;
  timeoutMs?: number;
}

export class OncoKbError extends Error {
  constructor(message: string) {
    super(`OncoKB: ${message}`);
    this.name = 'OncoKbError';
  }
}

/** The OncoKB options from the environment, or undefined when no token is set. */
export function oncoKbFromEnv(env: NodeJS.ProcessEnv = process.env): OncoKbClientOptions | undefined {
  const token = env.ONCOKB_API_TOKEN?.trim();
  if (!token) return undefined;
  return { token, ...(env.ONCOKB_API_URL ? { baseUrl: env.ONCOKB_API_URL } : {}) };
}

export async function fetchOncoKbAnswers(
  queries: readonly OncoKbQuery[],
  options: OncoKbClientOptions,
): Promise<Map<string, OncoKbAnswer>> {
  const base = (options.baseUrl ?? ONCOKB_DEFAULT_URL).replace(/\/+$/, '');
  const doFetch = options.fetchImpl ?? fetch;
  const batchSize = options.batchSize ?? 100;
  const unique = new Map(queries.map((q) => [q.key, q]));
  const byEndpoint = new Map<OncoKbQuery['endpoint'], OncoKbQuery[]>();
  for (const q of unique.values()) byEndpoint.set(q.endpoint, [...(byEndpoint.get(q.endpoint) ?? []), q]);

  const answers = new Map<string, OncoKbAnswer>();
  for (const [endpoint, list] of byEndpoint) {
    const url = `${base}/annotate/${endpoint}`;
    for (let i = 0; i < list.length; i += batchSize) {
      const batch = list.slice(i, i + batchSize);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify(batch.map((q) => q.body)),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (e) {
        throw new OncoKbError(`${url} could not be reached (${(e as Error).message})`);
      }
      if (response.status === 401 || response.status === 403)
        throw new OncoKbError(`${url} refused the token (HTTP ${response.status}): check ONCOKB_API_TOKEN and the licence`);
      if (!response.ok) throw new OncoKbError(`${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new OncoKbError(`${url} answered with something that is not JSON`);
      }
      if (!Array.isArray(body) || body.length !== batch.length)
        throw new OncoKbError(`${url} answered ${Array.isArray(body) ? body.length : 'no'} results for ${batch.length} questions`);
      batch.forEach((q, j) => answers.set(q.key, parseOncoKbAnswer(body[j], `${endpoint} ${q.key}`)));
    }
  }
  return answers;
}

/** OncoKB's answers for a parsed file's records, as a knowledge source to add to the knowledge base. */
export async function oncoKbSourceFor(
  parsed: ParsedGenomicFile,
  tumourType: string,
  kb: KnowledgeBase,
  options: OncoKbClientOptions,
): Promise<OncoKbSource> {
  const normalise = (symbol: string) => {
    const r = kb.genes?.resolve(symbol);
    return r && 'symbol' in r ? r.symbol : symbol;
  };
  const queries = parsed.records
    .filter(isReportableRecord)
    .map((r) => oncoKbQueryFor(toQueryAlteration(r, normalise), tumourType))
    .filter((q): q is OncoKbQuery => q !== undefined);
  try {
    return new OncoKbSource(await fetchOncoKbAnswers(queries, options));
  } catch (e) {
    if (e instanceof GenomicsParseError) throw new OncoKbError(e.message);
    throw e;
  }
}
