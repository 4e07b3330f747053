import { humanise } from '../lib/format';

type Tone = 'good' | 'warn' | 'bad' | 'info' | 'neutral';

// Colour only reinforces the text, which always names the status.
const TONES: Record<string, Tone> = {
  open: 'good',
  enrolled: 'good',
  'on-treatment': 'good',
  consented: 'info',
  screening: 'info',
  'pre-screened': 'info',
  'in-preparation': 'info',
  'follow-up': 'neutral',
  suspended: 'warn',
  'closed-to-accrual': 'neutral',
  closed: 'neutral',
  completed: 'neutral',
  'off-study': 'neutral',
  'screen-failure': 'bad',
  alive: 'neutral',
  deceased: 'neutral',
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="muted">—</span>;
  const tone = TONES[status] ?? 'neutral';
  return <span className={`badge badge-${tone}`}>{humanise(status)}</span>;
}
