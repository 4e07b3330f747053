import type { EvidenceView, ExplanationNode } from '../../api/types';
import type { EvidenceTarget } from '../../lib/evidence';
import { EvidenceItem } from './EvidenceItem';
import { TruthMark } from './MatchBadges';

const GROUPS: Record<string, string> = { all: 'All of', any: 'Any of', not: 'Not' };

interface Props {
  node: ExplanationNode;
  /** Where an evidence item links to on the patient page; null = no link. */
  linkFor: (e: EvidenceView) => EvidenceTarget | null;
  /** Accessible name of the tree, e.g. "Criteria of CTM-2024-017, Arm B". */
  label: string;
}

/**
 * The criterion tree as the server evaluated it: every node says met / not met / unknown in
 * words next to its icon, its reason, stale and borderline flags, and the facts that decided
 * it, each linking to its row on the patient's page.
 */
export function Explanation({ node, linkFor, label }: Props) {
  return (
    <ul className="explain-tree" aria-label={label} data-testid="explanation">
      <ExplainItem node={node} linkFor={linkFor} />
    </ul>
  );
}

function ExplainItem({ node, linkFor }: { node: ExplanationNode; linkFor: Props['linkFor'] }) {
  const group = GROUPS[node.kind];
  const children = node.children ?? [];
  // A group's generated text spells out its whole subtree ("all of (a; b)"), which the
  // children below already say one by one; a protocol label is kept.
  const generated = /^(all of|any of|not)\b/i;
  const text = group && (!node.text || generated.test(node.text.trim())) ? '' : node.text;
  return (
    <li className={`explain-node explain-${node.status}${group ? ' explain-group' : ''}`}>
      <div className="explain-line">
        {/* Spaces between the parts: read aloud (and copied) as words, not "Unknownage ≥ 18". */}
        <TruthMark status={node.status} /> {group && <span className="explain-kind">{group}</span>}{' '}
        {text && <span className="explain-text">{text}</span>}{' '}
        {node.stale && (
          <span className="marker marker-stale">
            <span aria-hidden="true">◷ </span>Stale
          </span>
        )}{' '}
        {node.borderline && (
          <span className="marker marker-borderline">
            <span aria-hidden="true">≈ </span>Borderline
          </span>
        )}
      </div>
      {node.reason && <p className="explain-reason">{node.reason}</p>}
      {/* A group's evidence is its children's, listed under each of them. */}
      {node.evidence.length > 0 && children.length === 0 && (
        <ul className="evidence" aria-label="Evidence">
          {node.evidence.map((e, i) => (
            <EvidenceItem key={`${e.refId ?? e.field}-${i}`} evidence={e} target={linkFor(e)} />
          ))}
        </ul>
      )}
      {children.length > 0 && (
        <ul className="explain-children">
          {children.map((c, i) => (
            <ExplainItem key={i} node={c} linkFor={linkFor} />
          ))}
        </ul>
      )}
    </li>
  );
}
