/**
 * MatchMiner's own intermediate form of a CTML match clause: a directed graph whose
 * root-to-leaf paths are the match paths, built in MatchMiner's traversal order so node ids,
 * labels and edges are those of its published fixtures (create_match_tree_expected.json,
 * get_match_paths_expected.json).
 *
 * Kept for conformance and for showing MatchMiner's view of a trial. Continuum evaluates with
 * `compileMatchPaths`, which is exact for any nesting: this graph joins a later `or` to the
 * leaves of an earlier one, and an `or` nested inside an `and` that sits in an `or` is attached
 * after that join, so such clauses lose a conjunct (see docs/matching.md).
 */
type CtmlItem = Record<string, unknown>;

export interface CtmlTreeNode {
  id: number;
  /** root: the top AND; and: an AND created under an OR; or: an OR; leaf: one criterion under an OR. */
  role: 'root' | 'and' | 'or' | 'leaf';
  criteria: CtmlItem[];
  labels: string[];
  label: string;
  orNodes?: number[];
}

export interface CtmlMatchTree {
  nodes: CtmlTreeNode[];
  edges: Array<[number, number]>;
}

export interface CtmlPathStep {
  depth: number;
  criteria: CtmlItem[];
}

const isAnd = (k: string) => k.startsWith('and');
const isOr = (k: string) => k.startsWith('or');

export function buildCtmlMatchTree(clause: readonly CtmlItem[]): CtmlMatchTree {
  const nodes: CtmlTreeNode[] = [{ id: 0, role: 'root', criteria: [], labels: [], label: '0 - ROOT and', orNodes: [] }];
  const out = new Map<number, number[]>([[0, []]]);
  const edges: Array<[number, number]> = [];
  const addNode = (n: CtmlTreeNode) => {
    nodes.push(n);
    out.set(n.id, []);
  };
  const addEdge = (from: number, to: number) => {
    if (out.get(from)!.includes(to)) return;
    out.get(from)!.push(to);
    edges.push([from, to]);
  };
  const descendants = (id: number): number[] => {
    const seen = new Set<number>();
    const stack = [...out.get(id)!];
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...out.get(n)!);
    }
    return [...seen].sort((a, b) => a - b);
  };

  // A double-ended work list: `or` items go to the far end so they are expanded after their
  // siblings, everything else to the near end (MatchMiner's deque discipline).
  const work: Array<[number, CtmlItem]> = [];
  for (const item of clause) {
    if (Object.keys(item).some(isOr)) work.unshift([0, item]);
    else work.push([0, item]);
  }
  let next = 1;
  while (work.length) {
    const [parent, item] = work.pop()!;
    const parentIsAnd = nodes[parent]!.role !== 'or';
    for (const [key, value] of Object.entries(item)) {
      if (isAnd(key)) {
        const criteria: CtmlItem[] = [];
        const labels: string[] = [];
        const owner = parentIsAnd ? parent : next;
        for (const sub of value as CtmlItem[]) {
          for (const [k, v] of Object.entries(sub)) {
            if (isOr(k)) work.unshift([owner, { [k]: v }]);
            else if (isAnd(k)) work.push([owner, { [k]: v }]);
            else {
              criteria.push({ [k]: v });
              labels.push(k);
            }
          }
        }
        if (parentIsAnd) {
          nodes[parent]!.criteria.push(...criteria);
          nodes[parent]!.labels.push(...labels);
        } else {
          addNode({ id: next, role: 'and', criteria, labels, label: `${next} - ${key}`, orNodes: [] });
          addEdge(parent, next);
          next++;
        }
      } else if (isOr(key)) {
        const orId = next++;
        addNode({ id: orId, role: 'or', criteria: [], labels: [], label: `${orId} - ${key}` });
        for (const sub of value as CtmlItem[]) work.push([orId, sub]);
        if (!parentIsAnd) addEdge(parent, orId);
        else if (nodes[parent]!.orNodes!.length === 0) {
          addEdge(parent, orId);
          nodes[parent]!.orNodes = [orId];
        } else {
          // A second OR under the same AND hangs below every current leaf of the first.
          for (const o of nodes[parent]!.orNodes!) for (const d of descendants(o)) if (out.get(d)!.length === 0) addEdge(d, orId);
        }
      } else if (parentIsAnd) {
        // MatchMiner appends the whole item here (once per key of it).
        nodes[parent]!.criteria.push(item);
        nodes[parent]!.labels.push(key);
      } else {
        addNode({ id: next, role: 'leaf', criteria: [item], labels: [], label: `${next} - ${key}` });
        addEdge(parent, next);
        next++;
      }
    }
  }
  // Edges listed node by node, each node's successors in insertion order (as graph libraries list them).
  const ordered = nodes.flatMap((n) => out.get(n.id)!.map((to) => [n.id, to] as [number, number]));
  return { nodes, edges: ordered };
}

/** Root-to-leaf paths, leaves in node order, each path as its nodes with criteria and their depth. */
export function ctmlMatchTreePaths(tree: CtmlMatchTree): CtmlPathStep[][] {
  const out = new Map<number, number[]>(tree.nodes.map((n) => [n.id, []]));
  for (const [a, b] of tree.edges) out.get(a)!.push(b);
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const paths: CtmlPathStep[][] = [];
  for (const leaf of tree.nodes.filter((n) => out.get(n.id)!.length === 0)) {
    const walk = (id: number, trail: number[]) => {
      if (id === leaf.id) {
        paths.push(trail.map((n, depth) => ({ depth, criteria: byId.get(n)!.criteria })).filter((s) => s.criteria.length > 0));
        return;
      }
      for (const child of out.get(id)!) if (!trail.includes(child)) walk(child, [...trail, child]);
    };
    walk(0, [0]);
  }
  return paths;
}

/** The tree in the JSON shape of MatchMiner's fixtures (attribute names and per-role attribute sets). */
export function ctmlMatchTreeAsFixture(tree: CtmlMatchTree) {
  const nodes: Record<string, Record<string, unknown>> = {};
  for (const n of tree.nodes) {
    const common = { criteria_list: n.criteria, label: n.label, label_list: n.labels };
    if (n.role === 'root') nodes[n.id] = { ...common, is_and: true, or_nodes: n.orNodes };
    else if (n.role === 'and') nodes[n.id] = { ...common, is_and: true, is_or: false, or_nodes: n.orNodes };
    else if (n.role === 'or') nodes[n.id] = { ...common, is_and: false, is_or: true };
    else nodes[n.id] = { ...common, is_or: false, is_and: true };
  }
  const degree = (pick: 0 | 1) => tree.nodes.map((n) => [n.id, tree.edges.filter((e) => e[pick] === n.id).length]);
  return { nodes, edges: tree.edges, in_degree: degree(1), out_degree: degree(0) };
}
