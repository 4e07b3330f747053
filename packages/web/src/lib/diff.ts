export interface DiffRow {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** Leaf values by dotted path ("arms.0.slotsUsed"), so nested changes show where they are. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix || '(value)', Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (value !== undefined) out.set(prefix || '(value)', JSON.stringify(value));
}

/** Only the fields that differ between two audit snapshots. */
export function diff(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  flatten(before, '', b);
  flatten(after, '', a);
  const paths = [...new Set([...b.keys(), ...a.keys()])].sort();
  return paths.filter((p) => b.get(p) !== a.get(p)).map((path) => ({ path, before: b.get(path), after: a.get(path) }));
}
