import type { FormEvent, ReactNode } from 'react';

interface Props<K extends string> {
  label: string;
  keys: readonly K[];
  onApply: (values: Record<K, string>) => void;
  children: ReactNode;
}

/**
 * An uncontrolled search form: fields take their defaults from the URL (the caller re-keys
 * the bar when the URL changes) and are read once on submit, so typing never refetches.
 */
export function FilterBar<K extends string>({ label, keys, onApply, children }: Props<K>) {
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const values = Object.fromEntries(keys.map((k) => [k, String(data.get(k) ?? '')]));
    onApply(values as Record<K, string>);
  }
  function onClear() {
    onApply(Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>);
  }
  return (
    <form role="search" aria-label={label} className="filter-bar" onSubmit={onSubmit}>
      <div className="filter-fields">{children}</div>
      <div className="filter-actions">
        <button type="submit" className="button-primary">
          Search
        </button>
        <button type="button" className="button-secondary" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
