import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { LeafCriterion } from '@continuum/core';
import { describeLeaf } from '@continuum/core/eligibility/describe';
import {
  changeGroupKind,
  fieldsOf,
  GROUP_NAMES,
  isGroup,
  LEAF_SPECS,
  newGroup,
  newLeaf,
  SPEC_BY_KIND,
  toCriterion,
  type ENode,
  type FieldSpec,
  type GroupKind,
  type GroupNode,
  type LeafKind,
  type LeafNode,
} from '../../lib/criteria';

/** Problems by node uid, then by field ("" = the node as a whole). */
export type ProblemMap = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface EditorApi {
  /** Replace one node (null removes it). */
  replace: (uid: string, next: ENode | null) => void;
  /** Moves a child within its group; focus stays on the moved node's button. */
  move: (parentUid: string, index: number, delta: -1 | 1, uid: string) => void;
  /** Removes a node; focus goes to its group (or to "Add criteria" for the root). */
  remove: (uid: string) => void;
  problems: ProblemMap;
  /** The server's closest valid values for a field it refused (unknown gene, OncoTree code). */
  suggestions: (uid: string, field: string) => readonly string[];
  /** The node to focus once rendered (just added). */
  focusUid: string | null;
  focus: (uid: string) => void;
  onFocused: () => void;
  /** Looks a LOINC code up, to fill the test name and unit. */
  loinc: (code: string) => { display: string; unit: string } | undefined;
  oncotreeName: (code: string) => string | undefined;
}

export const fieldDomId = (uid: string, key: string): string => `crit-${uid}-${key.replace(/\W/g, '')}`;

interface NodeProps {
  node: ENode;
  api: EditorApi;
  /** Position among its siblings, for moving; undefined for the root. */
  position?: { parentUid: string; index: number; count: number };
}

export function NodeEditor(props: NodeProps) {
  return isGroup(props.node) ? <GroupEditor {...props} node={props.node} /> : <LeafEditor {...props} node={props.node} />;
}

/** "Age ≥ 18" for a legend or a button name; falls back to the kind's name while incomplete. */
export function nodeSummary(node: ENode): string {
  if (isGroup(node)) return `${GROUP_NAMES[node.kind]} group`;
  try {
    const { criterion } = toCriterion(node);
    const text = criterion ? describeLeaf(criterion as LeafCriterion) : '';
    return text && !/undefined|NaN/.test(text) ? text : (SPEC_BY_KIND.get(node.kind)?.name ?? node.kind);
  } catch {
    return SPEC_BY_KIND.get(node.kind)?.name ?? node.kind;
  }
}

function NodeTools({ node, api, position }: NodeProps) {
  const name = nodeSummary(node);
  return (
    <div className="crit-tools">
      {position && (
        <>
          <button
            type="button"
            id={fieldDomId(node.uid, 'up')}
            className="button-secondary button-small"
            disabled={position.index === 0}
            onClick={() => api.move(position.parentUid, position.index, -1, node.uid)}
          >
            Move up<span className="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            id={fieldDomId(node.uid, 'down')}
            className="button-secondary button-small"
            disabled={position.index === position.count - 1}
            onClick={() => api.move(position.parentUid, position.index, 1, node.uid)}
          >
            Move down<span className="visually-hidden"> {name}</span>
          </button>
        </>
      )}
      <button type="button" className="button-secondary button-small button-danger" onClick={() => api.remove(node.uid)}>
        {position ? 'Remove' : 'Remove all criteria'}
        <span className="visually-hidden"> {position ? name : 'of this level'}</span>
      </button>
    </div>
  );
}

function GroupEditor({ node, api, position }: NodeProps & { node: GroupNode }) {
  const kindId = fieldDomId(node.uid, 'kind');
  const problem = api.problems.get(node.uid)?.get('');
  const problemId = `${kindId}-problem`;
  const firstRef = useFocusWhenNew(node.uid, api);
  return (
    <fieldset className={`crit-group crit-group-${node.kind}`} aria-describedby={problem ? problemId : undefined}>
      <legend>
        {GROUP_NAMES[node.kind]}{' '}
        <span className="muted small">
          ({node.children.length} {node.children.length === 1 ? 'criterion' : 'criteria'})
        </span>
      </legend>
      <div className="crit-bar">
        <div className="field field-inline">
          <label htmlFor={kindId}>Group type</label>
          <select
            id={kindId}
            ref={firstRef as RefObject<HTMLSelectElement>}
            value={node.kind}
            onChange={(e) => api.replace(node.uid, changeGroupKind(node, e.target.value as GroupKind))}
          >
            <option value="all">All of (and): every criterion must hold</option>
            <option value="any">Any of (or): one criterion is enough</option>
            <option value="not">Not: the criterion must not hold</option>
          </select>
        </div>
        <NodeTools node={node} api={api} position={position} />
      </div>
      {problem && (
        <p id={problemId} className="field-error">
          {problem}
        </p>
      )}
      {node.children.length > 0 && (
        <ol className="crit-children">
          {node.children.map((c, i) => (
            <li key={c.uid}>
              <NodeEditor node={c} api={api} position={{ parentUid: node.uid, index: i, count: node.children.length }} />
            </li>
          ))}
        </ol>
      )}
      {(node.kind !== 'not' || node.children.length === 0) && <AddToGroup group={node} api={api} />}
    </fieldset>
  );
}

const ADD_GROUPS: GroupKind[] = ['all', 'any', 'not'];

function AddToGroup({ group, api }: { group: GroupNode; api: EditorApi }) {
  const id = fieldDomId(group.uid, 'add');
  const select = useRef<HTMLSelectElement>(null);
  function add() {
    const value = select.current?.value ?? '';
    if (!value) return;
    const child = value.startsWith('group:') ? newGroup(value.slice(6) as GroupKind) : newLeaf(value as LeafKind);
    api.replace(group.uid, { ...group, children: [...group.children, child] });
    api.focus(child.uid);
  }
  return (
    <div className="crit-add">
      <label htmlFor={id}>Add to this “{GROUP_NAMES[group.kind]}” group</label>
      <div className="crit-add-row">
        <select
          id={id}
          ref={select}
          defaultValue="alteration"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        >
          {(['Clinical', 'Genomic', 'Other'] as const).map((g) => (
            <optgroup key={g} label={g}>
              {LEAF_SPECS.filter((s) => s.group === g).map((s) => (
                <option key={s.kind} value={s.kind}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label="Groups">
            {ADD_GROUPS.map((k) => (
              <option key={k} value={`group:${k}`}>
                {GROUP_NAMES[k]} group
              </option>
            ))}
          </optgroup>
        </select>
        <button type="button" className="button-secondary" onClick={add}>
          Add<span className="visually-hidden"> to the “{GROUP_NAMES[group.kind]}” group</span>
        </button>
      </div>
    </div>
  );
}

function LeafEditor({ node, api, position }: NodeProps & { node: LeafNode }) {
  const spec = SPEC_BY_KIND.get(node.kind);
  const problems = api.problems.get(node.uid);
  const firstRef = useFocusWhenNew(node.uid, api);
  const nodeProblem = problems?.get('');
  const fields = fieldsOf(node);
  const main = fields.filter((f) => !f.more);
  const more = fields.filter((f) => f.more);
  const moreNeeded = more.some((f) => (node.values[f.key] ?? '') !== '' || problems?.has(f.key));
  const [moreOpen, setMoreOpen] = useState(moreNeeded);
  useEffect(() => {
    if (moreNeeded) setMoreOpen(true);
  }, [moreNeeded]);
  const input = (f: FieldSpec, i: number) => (
    <FieldInput
      key={f.key}
      field={f}
      uid={node.uid}
      value={node.values[f.key] ?? ''}
      onChange={(v) => set(f.key, v)}
      problem={problems?.get(f.key)}
      suggestions={api.suggestions(node.uid, f.key)}
      inputRef={i === 0 && !f.more ? firstRef : undefined}
      note={f.key === 'oncotree' ? oncotreeNote(node.values.oncotree ?? '', api) : undefined}
    />
  );
  const set = (key: string, value: string) => {
    const values = { ...node.values, [key]: value };
    if (node.kind === 'lab' && key === 'loinc') {
      // A known LOINC code fills in the test name and its usual unit, unless already typed.
      const known = api.loinc(value.trim());
      if (known && !node.values.display) values.display = known.display;
      if (known && !node.values.unit) values.unit = known.unit;
    }
    api.replace(node.uid, { ...node, values });
  };
  return (
    <fieldset className="crit-leaf">
      <legend>
        <span className="crit-kind">{spec?.name ?? node.kind}</span> <span className="crit-summary">{nodeSummary(node)}</span>
      </legend>
      {nodeProblem && <p className="field-error">{nodeProblem}</p>}
      {spec ? (
        <>
          <div className="form-grid crit-fields">{main.map(input)}</div>
          {more.length > 0 && (
            // Open by itself when one of these has a value or a problem, so nothing set is hidden.
            <details className="crit-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
              <summary>
                More options <span className="muted small">({more.map((f) => f.label).join(', ')})</span>
              </summary>
              <div className="form-grid crit-fields">{more.map(input)}</div>
            </details>
          )}
        </>
      ) : (
        <p className="muted">This kind of criterion has no form yet; it is kept as it is.</p>
      )}
      <NodeTools node={node} api={api} position={position} />
    </fieldset>
  );
}

function oncotreeNote(code: string, api: EditorApi): string | undefined {
  const c = code.trim();
  if (!c) return undefined;
  if (c === '_SOLID_') return 'Any solid tumour.';
  if (c === '_LIQUID_') return 'Any haematological cancer.';
  const name = api.oncotreeName(c);
  return name
    ? `${c}: ${name} (and its descendants).`
    : `“${c}” is not an OncoTree code this server knows; the server will suggest the closest.`;
}

interface FieldProps {
  field: FieldSpec;
  uid: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  suggestions?: readonly string[];
  inputRef?: RefObject<HTMLElement | null>;
  note?: string;
}

function FieldInput({ field: f, uid, value, onChange, problem, suggestions, inputRef, note }: FieldProps) {
  const id = fieldDomId(uid, f.key);
  const hintId = f.hint || note ? `${id}-hint` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': f.required || undefined,
  } as const;
  const label = `${f.label}${f.required ? ' (required)' : ''}`;

  if (f.type === 'checkbox') {
    return (
      <div className="field field-check">
        <span className="check-field">
          <input
            {...common}
            ref={inputRef as RefObject<HTMLInputElement>}
            type="checkbox"
            checked={value === 'true'}
            onChange={(e) => onChange(e.target.checked ? 'true' : '')}
          />
          <label htmlFor={id}>{f.label}</label>
        </span>
        <Hint id={hintId} hint={f.hint} note={note} />
        <Problem id={errorId} message={problem} />
      </div>
    );
  }

  let control: ReactNode;
  if (f.type === 'select') {
    control = (
      <select {...common} ref={inputRef as RefObject<HTMLSelectElement>} value={value} onChange={(e) => onChange(e.target.value)}>
        {!f.options?.some(([v]) => v === value) && <option value={value}>{value || 'Choose…'}</option>}
        {f.options?.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    );
  } else if (f.type === 'textarea') {
    control = (
      <textarea
        {...common}
        ref={inputRef as RefObject<HTMLTextAreaElement>}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    const numeric = f.type === 'number' || f.type === 'integer';
    control = (
      <input
        {...common}
        ref={inputRef as RefObject<HTMLInputElement>}
        // Text with a numeric keyboard: a number input would swallow "0." and "1e" while typing.
        type="text"
        inputMode={numeric ? (f.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        list={f.datalist ? `${f.datalist}-options` : undefined}
        autoComplete="off"
        spellCheck={f.type === 'list' || f.key === 'text' ? undefined : false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${f.type === 'textarea' || f.type === 'list' ? ' field-full' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      <Hint id={hintId} hint={f.hint} note={note} />
      <Problem id={errorId} message={problem} />
      {problem && suggestions && suggestions.length > 0 && (
        <p className="suggestions">
          {suggestions.slice(0, 5).map((v) => (
            <button
              key={v}
              type="button"
              className="button-secondary button-small"
              onClick={() => {
                onChange(v);
                // The suggestions go with the problem: keep focus on the field they filled.
                requestAnimationFrame(() => document.getElementById(id)?.focus());
              }}
            >
              Use {v}
              <span className="visually-hidden"> as {f.label}</span>
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

function Hint({ id, hint, note }: { id: string | undefined; hint: string | undefined; note: string | undefined }) {
  if (!id) return null;
  return (
    <p id={id} className="hint">
      {note && <span className="block">{note}</span>}
      {hint}
    </p>
  );
}

function Problem({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!id || !message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** Focus the first control of a node that was just added (keyboard users land in it). */
function useFocusWhenNew(uid: string, api: EditorApi) {
  const ref = useRef<HTMLElement | null>(null);
  const wanted = api.focusUid === uid;
  const { onFocused } = api;
  useEffect(() => {
    if (!wanted) return;
    ref.current?.focus();
    onFocused();
  }, [wanted, onFocused]);
  return ref;
}
