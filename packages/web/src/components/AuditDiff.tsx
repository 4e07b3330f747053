import { diff } from '../lib/diff';

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) {
    return <p className="muted">No data changed (a read or a sign-in).</p>;
  }
  const rows = diff(before, after);
  if (rows.length === 0) return <p className="muted">Before and after are identical.</p>;
  return (
    <table className="diff">
      <caption className="visually-hidden">Fields changed</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path}>
            <th scope="row" className="code">
              {r.path}
            </th>
            <td className="diff-before">{r.before ?? <span className="muted">(absent)</span>}</td>
            <td className="diff-after">{r.after ?? <span className="muted">(absent)</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
