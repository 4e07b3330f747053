import { STATUS_LABEL } from './format';

const TONE: Record<string, string> = {
  'in-preparation': 'info',
  'qc-pending': 'warn',
  released: 'good',
  rejected: 'bad',
  expired: 'neutral',
  drawn: 'info',
  administered: 'good',
  discarded: 'neutral',
};

/** Batch and dose states; the word always says the state, colour only repeats it. */
export function BatchStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${TONE[status] ?? 'neutral'}`}>{STATUS_LABEL[status] ?? status}</span>;
}
