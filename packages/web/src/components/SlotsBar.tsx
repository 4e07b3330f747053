interface Props {
  used: number;
  total: number;
  /** Accessible name of the figure, e.g. "Cohort A slots". */
  label?: string;
}

/** "used / total" in text, with a small bar for scanning a column at a glance. */
export function SlotsBar({ used, total, label }: Props) {
  const ratio = total > 0 ? Math.min(used / total, 1) : 0;
  const full = total > 0 && used >= total;
  const over = used > total;
  return (
    <span className="slots" title={label}>
      <span className="slots-text">
        {used} / {total}
        {over && <span className="slots-over"> over capacity</span>}
      </span>
      <span className={`slots-bar${full ? ' slots-bar-full' : ''}`} aria-hidden="true">
        <span style={{ width: `${Math.round(ratio * 100)}%` }} />
      </span>
    </span>
  );
}
