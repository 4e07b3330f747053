/**
 * OncoTree: MSK's open tumour-type taxonomy (CC BY 4.0), as a typed, queryable tree.
 *
 * The product ships one release as a flat TSV (data/oncotree/, see data/SOURCES.md). Core never
 * reads files: the server reads the bytes and hands them to `parseOncoTreeTsv`.
 *
 * Flat TSV columns (header row, any order): code, name, mainType, tissue, parent, level,
 * externalReferences ("UMLS:C0040300;NCI:C12801"). Level 0 is the single root TISSUE; level-1
 * nodes are the tissues (LUNG, BREAST, MYELOID...).
 */

/** The release the product ships, and where it sits relative to the repository root. */
export const ONCOTREE_VERSION = 'oncotree_2025_10_03';
export const ONCOTREE_DATA_PATH = 'data/oncotree/oncotree_2025_10_03.tsv';
/** Code of the single root node. */
export const ONCOTREE_ROOT = 'TISSUE';

export interface OncoTreeNode {
  /** Upper-case OncoTree code, e.g. "LUAD". */
  readonly code: string;
  readonly name: string;
  readonly mainType?: string;
  /** Name of the tissue (level-1 node), e.g. "Lung". */
  readonly tissue?: string;
  /** Parent code; absent only for the root. */
  readonly parent?: string;
  readonly level: number;
  /** e.g. { UMLS: ["C0040300"], NCI: ["C12801"] } */
  readonly externalReferences: Readonly<Record<string, readonly string[]>>;
  /** Child codes in file order. */
  readonly children: readonly string[];
}

/** MatchMiner's split of OncoTree into solid tumours and haematological ("liquid") ones. */
export type SolidOrLiquid = 'solid' | 'liquid';

/**
 * Tissues whose descendants MatchMiner calls `_LIQUID_`. MatchMiner's oncotree_mapping.json was
 * built on an older OncoTree whose blood-cancer tissues were "Blood" and "Lymph"; its `_LIQUID_`
 * list is exactly the descendants of those two. In current releases the same diseases sit under
 * MYELOID ("Myeloid") and LYMPH ("Lymphoid"), so those are the liquid tissues here. One visible
 * consequence of the re-filing: follicular and interdigitating dendritic cell sarcomas (FDCS,
 * IDCS) moved from Soft Tissue to Myeloid, so they are `_SOLID_` in the old mapping and liquid here.
 */
export const LIQUID_TISSUES: readonly string[] = ['MYELOID', 'LYMPH'];

export class OncoTreeParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly field?: string,
  ) {
    super(field ? `OncoTree TSV line ${line}, field "${field}": ${message}` : `OncoTree TSV line ${line}: ${message}`);
    this.name = 'OncoTreeParseError';
  }
}

/** Thrown when a caller names a code the tree does not hold; carries the closest valid codes. */
export class UnknownOncoTreeCodeError extends Error {
  constructor(
    readonly code: string,
    readonly suggestions: readonly string[],
  ) {
    super(
      suggestions.length > 0 ? `unknown OncoTree code ${code} — did you mean ${suggestions.join(', ')}?` : `unknown OncoTree code ${code}`,
    );
    this.name = 'UnknownOncoTreeCodeError';
  }
}

const REQUIRED_COLUMNS = ['code', 'name', 'mainType', 'tissue', 'parent', 'level', 'externalReferences'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number];

/** Accepts the TSV as text or as raw bytes (what `readFileSync(path)` returns). */
export function parseOncoTreeTsv(input: string | Uint8Array): OncoTree {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split('\t');
  const index = {} as Record<Column, number>;
  for (const column of REQUIRED_COLUMNS) {
    const at = header.indexOf(column);
    if (at < 0) throw new OncoTreeParseError(`missing column "${column}" in header`, 1, column);
    index[column] = at;
  }

  const nodes: OncoTreeRow[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const cells = raw.split('\t');
    if (cells.length !== header.length) {
      throw new OncoTreeParseError(`expected ${header.length} tab-separated fields, found ${cells.length}`, lineNo);
    }
    const cell = (c: Column): string => (cells[index[c]] ?? '').trim();
    const code = cell('code');
    if (!/^[A-Z0-9_/-]+$/.test(code)) {
      throw new OncoTreeParseError(`expected an upper-case code, found "${code}"`, lineNo, 'code');
    }
    if (seen.has(code)) throw new OncoTreeParseError(`duplicate code ${code}`, lineNo, 'code');
    seen.add(code);
    const name = cell('name');
    if (name === '') throw new OncoTreeParseError('empty name', lineNo, 'name');
    const levelText = cell('level');
    const level = Number(levelText);
    if (levelText === '' || !Number.isInteger(level) || level < 0) {
      throw new OncoTreeParseError(`expected a non-negative integer, found "${levelText}"`, lineNo, 'level');
    }
    const parent = cell('parent');
    const mainType = cell('mainType');
    const tissue = cell('tissue');
    nodes.push({
      code,
      name,
      ...(mainType ? { mainType } : {}),
      ...(tissue ? { tissue } : {}),
      ...(parent ? { parent } : {}),
      level,
      externalReferences: parseExternalReferences(cell('externalReferences'), lineNo),
      line: lineNo,
    });
  }
  return new OncoTree(nodes);
}

/** One row of the flat file: a node without its children, and the line it came from. */
export interface OncoTreeRow {
  code: string;
  name: string;
  mainType?: string;
  tissue?: string;
  parent?: string;
  level: number;
  externalReferences: Record<string, string[]>;
  /** 1-based line in the source file, for error messages. */
  line?: number;
}

interface MutableNode extends OncoTreeRow {
  children: string[];
  line: number;
}

function parseExternalReferences(text: string, line: number): Record<string, string[]> {
  const refs: Record<string, string[]> = {};
  if (text === '') return refs;
  for (const item of text.split(';')) {
    if (item === '') continue;
    const colon = item.indexOf(':');
    if (colon <= 0) throw new OncoTreeParseError(`expected SYSTEM:ID, found "${item}"`, line, 'externalReferences');
    const system = item.slice(0, colon);
    (refs[system] ??= []).push(item.slice(colon + 1));
  }
  return refs;
}

export class OncoTree {
  private readonly byCode = new Map<string, OncoTreeNode>();
  private readonly ordered: OncoTreeNode[];
  /** Pre-order index and subtree end: "a descends from b" is then two comparisons. */
  private readonly enter = new Map<string, number>();
  private readonly exit = new Map<string, number>();
  private readonly preorder: string[] = [];

  /** Usually built by `parseOncoTreeTsv`; the constructor checks that the rows form one tree. */
  constructor(rows: readonly OncoTreeRow[]) {
    const nodes: MutableNode[] = rows.map((r, i) => ({ ...r, children: [], line: r.line ?? i + 2 }));
    for (const n of nodes) {
      if (this.byCode.has(n.code)) throw new OncoTreeParseError(`duplicate code ${n.code}`, n.line, 'code');
      this.byCode.set(n.code, n);
    }
    let root: MutableNode | undefined;
    for (const n of nodes) {
      if (n.parent === undefined) {
        if (root) throw new OncoTreeParseError(`second root ${n.code} (first: ${root.code})`, n.line, 'parent');
        root = n;
        continue;
      }
      const p = this.byCode.get(n.parent) as MutableNode | undefined;
      if (!p) throw new OncoTreeParseError(`parent ${n.parent} of ${n.code} is not in the file`, n.line, 'parent');
      if (n.level !== p.level + 1) {
        throw new OncoTreeParseError(`level ${n.level} of ${n.code} is not its parent's level + 1 (${p.level + 1})`, n.line, 'level');
      }
      p.children.push(n.code);
    }
    if (!root) throw new OncoTreeParseError('no root node (a row without parent)', 1, 'parent');
    // Iterative pre-order walk (no recursion limits, and it proves every node hangs off the root).
    const stack: Array<[string, number]> = [[root.code, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [code, childAt] = top;
      if (childAt === 0) {
        this.enter.set(code, this.preorder.length);
        this.preorder.push(code);
      }
      const children = this.byCode.get(code)!.children;
      if (childAt < children.length) {
        top[1] = childAt + 1;
        stack.push([children[childAt]!, 0]);
      } else {
        this.exit.set(code, this.preorder.length);
        stack.pop();
      }
    }
    if (this.preorder.length !== nodes.length) {
      const orphan = nodes.find((n) => !this.enter.has(n.code))!;
      throw new OncoTreeParseError(`${orphan.code} is not reachable from the root (cycle?)`, orphan.line, 'parent');
    }
    // Public nodes drop the source line number; children are frozen copies.
    this.ordered = nodes.map((n) => {
      const node: OncoTreeNode = {
        code: n.code,
        name: n.name,
        ...(n.mainType !== undefined ? { mainType: n.mainType } : {}),
        ...(n.tissue !== undefined ? { tissue: n.tissue } : {}),
        ...(n.parent !== undefined ? { parent: n.parent } : {}),
        level: n.level,
        externalReferences: n.externalReferences,
        children: Object.freeze([...n.children]),
      };
      return Object.freeze(node);
    });
    for (const n of this.ordered) this.byCode.set(n.code, n);
  }

  /** Number of nodes, root included. */
  get size(): number {
    return this.ordered.length;
  }

  /** Codes are upper case; lookups forgive case and surrounding spaces. */
  private key(code: string): string {
    return code.trim().toUpperCase();
  }

  has(code: string): boolean {
    return this.byCode.has(this.key(code));
  }

  get(code: string): OncoTreeNode | undefined {
    return this.byCode.get(this.key(code));
  }

  /** The node, or an UnknownOncoTreeCodeError naming the closest valid codes. */
  require(code: string): OncoTreeNode {
    const node = this.get(code);
    if (!node) throw new UnknownOncoTreeCodeError(code, this.suggest(code));
    return node;
  }

  name(code: string): string {
    return this.require(code).name;
  }

  parent(code: string): string | undefined {
    return this.require(code).parent;
  }

  /** Codes from the parent up to the root, nearest first. */
  ancestors(code: string): string[] {
    const out: string[] = [];
    let node = this.require(code);
    while (node.parent !== undefined) {
      out.push(node.parent);
      node = this.byCode.get(node.parent)!;
    }
    return out;
  }

  /** The level-1 ancestor (LUAD -> LUNG); a tissue is its own tissue; the root has none. */
  tissue(code: string): string | undefined {
    let node = this.require(code);
    if (node.level === 0) return undefined;
    while (node.level > 1) node = this.byCode.get(node.parent!)!;
    return node.code;
  }

  /**
   * True when `code` lies in the subtree of `ancestor`. A code counts as its own descendant
   * (a trial for NSCLC takes NSCLC, NOS) unless `strict` is set.
   */
  isDescendantOf(code: string, ancestor: string, options: { strict?: boolean } = {}): boolean {
    const c = this.require(code).code;
    const a = this.require(ancestor).code;
    if (c === a) return !options.strict;
    const at = this.enter.get(c)!;
    return at > this.enter.get(a)! && at < this.exit.get(a)!;
  }

  /** The subtree of `code` in pre-order, starting with `code` itself. */
  descendants(code: string): string[] {
    const c = this.require(code).code;
    return this.preorder.slice(this.enter.get(c)!, this.exit.get(c)!);
  }

  /** Every node, in file order. */
  all(): readonly OncoTreeNode[] {
    return this.ordered;
  }

  /**
   * MatchMiner's convention: descendants of the blood-cancer tissues are liquid, every other
   * tumour is solid. The root is neither (null).
   */
  solidOrLiquid(code: string): SolidOrLiquid | null {
    const tissue = this.tissue(code);
    if (tissue === undefined) return null;
    return LIQUID_TISSUES.includes(tissue) ? 'liquid' : 'solid';
  }

  /**
   * The `n` valid codes closest to an unknown input, for "did you mean" messages. Distance is
   * the smaller of the edit distance to the code and to the name (case-insensitive), so both a
   * mistyped code ("LUADD") and a near-name ("lung adenocarcinom") find their node. Ties break
   * on code order, so suggestions are stable.
   */
  suggest(unknownCode: string, n = 3): string[] {
    const q = unknownCode.trim().toUpperCase();
    if (q === '' || n <= 0) return [];
    const scored: Array<{ code: string; score: number }> = [];
    for (const node of this.ordered) {
      if (node.level === 0) continue;
      const byCode = editDistance(q, node.code);
      const name = node.name.toUpperCase();
      // A name is a long target: only worth the cost when the query looks like a name.
      // Containing the query counts as 2 edits, so a near-exact name still ranks first.
      const byName = q.length >= 4 ? Math.min(editDistance(q, name), name.includes(q) ? 2 : Infinity) : Infinity;
      scored.push({ code: node.code, score: Math.min(byCode, byName) });
    }
    scored.sort((x, y) => x.score - y.score || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    // Beyond half the query's length an edit is a different word, not a typo.
    const limit = Math.max(2, Math.ceil(q.length / 2));
    return scored
      .filter((s) => s.score <= limit)
      .slice(0, n)
      .map((s) => s.code);
  }
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
