import { useEffect, useState } from 'react';
import { formatDuration } from './format';

/**
 * Time left before a batch expires, ticking every second. The server computed the seconds left
 * at `fetchedAtMs` (this browser's clock when the answer arrived), so a wrong client clock only
 * shifts the tick, never the expiry.
 */
export function Countdown({
  secondsAtFetch,
  fetchedAtMs,
  warnBelowS = 1800,
}: {
  secondsAtFetch: number;
  fetchedAtMs: number;
  warnBelowS?: number;
}) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, secondsAtFetch - Math.floor((nowMs - fetchedAtMs) / 1000));
  if (left === 0) return <span className="badge badge-bad">Expired</span>;
  return (
    // role="timer" is not a live region by default: screen readers are not told every second.
    <span
      role="timer"
      className={left < warnBelowS ? 'countdown countdown-soon' : 'countdown'}
      aria-label={`expires in ${formatDuration(left)}`}
    >
      {formatDuration(left)}
    </span>
  );
}
