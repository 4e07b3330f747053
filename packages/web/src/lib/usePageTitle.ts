import { useEffect } from 'react';

/** Screen-reader users hear the title on navigation; tabs and history show it too. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Continuum` : 'Continuum';
  }, [title]);
}
