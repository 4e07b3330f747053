import { useEffect, useRef } from 'react';

/**
 * Marks a list "seen" once the user has viewed it and moves on (another tab, another page,
 * closing the browser tab), not as it opens: during the visit the server keeps saying what is
 * new, so "New" badges stay on every page of the list and the "new only" filter keeps working.
 * The mark is sent at most once per visit; failing to send it must not disturb anything.
 */
export function useSeenOnLeave(viewed: boolean, mark: () => Promise<unknown>): void {
  const state = useRef({ viewed: false, sent: false, mark });
  useEffect(() => {
    state.current.mark = mark;
    if (viewed) state.current.viewed = true;
  });
  useEffect(() => {
    const flush = () => {
      const s = state.current;
      if (!s.viewed || s.sent) return;
      s.sent = true;
      s.mark().catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
