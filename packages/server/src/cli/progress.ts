import cliProgress from 'cli-progress';

/** A progress bar on stderr (stdout stays clean for data); silent when stderr is not a terminal and CI is set. */
export function progressBar(total: number, label: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (n: number) => bar.update(n), stop: () => bar.stop() };
}
