/**
 * `continuum annotate`: a file on disk → core's annotate, with the shipped knowledge. No
 * database. Multi-sample files (a MAF) are annotated sample by sample, because compound
 * evidence ("EML4-ALK L1196M") may only combine alterations of one tumour sample.
 */
import {
  GenomicsParseError,
  UnknownOncoTreeCodeError,
  annotate,
  type AlterationAnnotation,
  type GenomeBuild,
  type GenomicsKnowledge,
  type ParsedGenomicFile,
} from '@continuum/core';
import { oncoKbSourceFor, type OncoKbClientOptions } from './oncokb-client';
import { readGenomicFile } from './read-file';

export interface AnnotateFileOptions {
  tumourType: string;
  knowledge: Pick<GenomicsKnowledge, 'kb'>;
  /** Overrides the file's specimen (CH flags apply to ctDNA only). */
  specimen?: 'tissue' | 'ctdna';
  /** Only this sample of a multi-sample file. */
  sampleId?: string;
  build?: GenomeBuild;
  /** Evidence from other tumour types at every level, not only A/B/approved. */
  allEvidence?: boolean;
}

/**
 * Throws UnknownOncoTreeCodeError (with suggestions) before any file is read. Swapped letters
 * ("LUDA") come first: plain edit distance counts a transposition as two edits and can rank
 * LUAD below codes that share fewer letters.
 */
export function requireTumourType(knowledge: Pick<GenomicsKnowledge, 'kb'>, code: string): string {
  const tree = knowledge.kb.oncotree;
  const upper = code.trim().toUpperCase();
  if (tree.has(upper)) return upper;
  const swapped: string[] = [];
  for (let i = 0; i + 1 < upper.length; i++) {
    const candidate = upper.slice(0, i) + upper[i + 1] + upper[i] + upper.slice(i + 2);
    if (candidate !== upper && tree.has(candidate)) swapped.push(candidate);
  }
  throw new UnknownOncoTreeCodeError(code, [...new Set([...swapped, ...tree.suggest(upper)])].slice(0, 4));
}

export function annotateParsed(parsed: ParsedGenomicFile, options: AnnotateFileOptions): AlterationAnnotation[] {
  const tumourType = requireTumourType(options.knowledge, options.tumourType);
  const samples = options.sampleId !== undefined ? [options.sampleId] : parsed.samples.length > 1 ? parsed.samples : [undefined];
  if (options.sampleId !== undefined && !parsed.samples.includes(options.sampleId)) {
    throw new GenomicsParseError(
      { file: parsed.file },
      `no sample "${options.sampleId}" (the file holds ${parsed.samples.join(', ') || 'no named sample'})`,
    );
  }
  return samples.flatMap((sampleId) =>
    annotate(parsed, {
      tumourType,
      kb: options.knowledge.kb,
      ...(options.specimen ? { specimen: options.specimen } : {}),
      ...(sampleId !== undefined ? { sampleId } : {}),
      ...(options.allEvidence ? { evidence: 'all' as const } : {}),
    }),
  );
}

export function annotateFile(path: string, fileName: string, options: AnnotateFileOptions): AlterationAnnotation[] {
  requireTumourType(options.knowledge, options.tumourType);
  const parsed = readGenomicFile(path, { fileName, ...(options.build ? { build: options.build } : {}) });
  return annotateParsed(parsed, options);
}

/**
 * `annotateFile`, plus OncoKB's answers when the centre has a token (`oncoKb`): the file's
 * alterations are sent to OncoKB first, then annotated with OncoKB as one more source.
 */
export async function annotateFileWithOncoKb(
  path: string,
  fileName: string,
  options: AnnotateFileOptions & { oncoKb?: OncoKbClientOptions },
): Promise<{ annotations: AlterationAnnotation[]; kb: AnnotateFileOptions['knowledge']['kb'] }> {
  const tumourType = requireTumourType(options.knowledge, options.tumourType);
  if (!options.oncoKb) return { annotations: annotateFile(path, fileName, options), kb: options.knowledge.kb };
  const parsed = readGenomicFile(path, { fileName, ...(options.build ? { build: options.build } : {}) });
  const kb = options.knowledge.kb.withSource(await oncoKbSourceFor(parsed, tumourType, options.knowledge.kb, options.oncoKb));
  return { annotations: annotateParsed(parsed, { ...options, knowledge: { kb } }), kb };
}
