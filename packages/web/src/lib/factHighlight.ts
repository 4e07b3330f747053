import { createContext, useContext } from 'react';

/**
 * The fact the page was opened on (from `#fact-<id>`, e.g. an evidence link of a match):
 * tables mark that row and the page scrolls it into view and focuses it.
 */
export const FactHighlightContext = createContext<string | null>(null);

export function useFactHighlight(): string | null {
  return useContext(FactHighlightContext);
}
