/**
 * Why an import was refused, as a list: a cohort MAF with 40 unknown samples should say all
 * 40 (and the fix) at once, not one per attempt. Parse errors stay core's GenomicsParseError
 * (file, line, field, reason); these are the problems only the server can see.
 */
export class GenomicsImportError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: import refused, nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GenomicsImportError';
  }
}

/** "a, b, c and 17 more" — problem lists stay readable for a 10,000-sample file. */
export function listSome(items: readonly string[], max = 20): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
