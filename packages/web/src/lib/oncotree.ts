import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/endpoints';
import type { OncoTreeNode } from '../api/types';

// OncoTree is reference data that does not change during a session: fetch it once.
let cached: Promise<OncoTreeNode[]> | null = null;

function load(): Promise<OncoTreeNode[]> {
  if (!cached) {
    cached = api.oncotree().then(
      (r) => r.items,
      (e: unknown) => {
        cached = null;
        throw e;
      },
    );
  }
  return cached;
}

/** OncoTree codes by code; an empty map until loaded (names then appear, codes never hide). */
export function useOncoTree(): { nodes: OncoTreeNode[]; byCode: Map<string, OncoTreeNode> } {
  const [nodes, setNodes] = useState<OncoTreeNode[]>([]);
  useEffect(() => {
    let live = true;
    load().then(
      (n) => live && setNodes(n),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const byCode = useMemo(() => new Map(nodes.map((n) => [n.code, n])), [nodes]);
  return { nodes, byCode };
}
