import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Criterion } from '@continuum/core';
import { describe as describeCriterion } from '@continuum/core/eligibility/describe';
import { LOINC_LABS } from '@continuum/core/codes/loinc';
import { ApiError, isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { CriteriaLevel, TrialCriteria, TrialView } from '../../api/types';
import {
  fieldsOf,
  fromCriterion,
  isGroup,
  locateProblem,
  moveChild,
  newGroup,
  parentOf,
  sameCriterion,
  toCriterion,
  updateNode,
  type ENode,
  type Serialised,
} from '../../lib/criteria';
import { documentWithDrafts, levelClause, toJsonText, toYamlText } from '../../lib/ctmlPreview';
import { useOncoTree } from '../../lib/oncotree';
import { AvailabilityBadge } from '../matching/MatchBadges';
import { fieldDomId, NodeEditor, type EditorApi, type ProblemMap } from './CriterionEditor';

interface Props {
  trial: TrialView;
  initial: TrialCriteria;
  canEdit: boolean;
  /** After a save: the page reloads what depends on the criteria (levels, candidates). */
  onSaved: () => void;
}

type Drafts = Record<string, ENode | null>;
interface Located {
  level: string;
  uid?: string;
  field?: string;
  message: string;
  suggestions?: string[];
}
type Conflict = null | { state: 'stale' } | { state: 'reloaded'; changedByThem: string[]; changedByBoth: string[] };

const ADD_ROOT_ID = 'criteria-add-root';
const LOINC_BY_CODE = new Map(LOINC_LABS.map((l) => [l.code, { display: l.display, unit: l.unit }]));

function levelsOf(doc: TrialCriteria): CriteriaLevel[] {
  const levels = [...(doc.levels ?? [])];
  // A tree under a key the level list does not name is still shown (and saved back).
  for (const path of Object.keys(doc.criteria ?? {})) {
    if (!levels.some((l) => l.path === path)) levels.push({ path, label: path, kind: 'step' });
  }
  return levels;
}

function draftsOf(doc: TrialCriteria, levels: readonly CriteriaLevel[]): Drafts {
  return Object.fromEntries(levels.map((l) => [l.path, doc.criteria?.[l.path] ? fromCriterion(doc.criteria[l.path]!) : null]));
}

/**
 * The trial's eligibility criteria, level by level: a form editor for writers (no CTML to
 * write by hand), a read-only outline for other clinical roles, and the CTML the tree makes,
 * live. Save sends the version read; a 409 keeps the user's edits and offers the other
 * person's version to compare; a 400 puts each problem next to its field.
 */
export function CriteriaPanel({ trial, initial, canEdit, onSaved }: Props) {
  const ids = { level: useId(), reason: useId(), format: useId(), scope: useId(), summary: useId() };
  const [base, setBase] = useState(initial);
  const levels = useMemo(() => levelsOf(base), [base]);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(initial, levelsOf(initial)));
  const [level, setLevel] = useState(() => levels.find((l) => initial.criteria?.[l.path])?.path ?? levels[0]?.path ?? '');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Located[]>([]);
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const [format, setFormat] = useState<'json' | 'yaml'>('yaml');
  const [scope, setScope] = useState<'level' | 'trial'>('level');
  const summaryRef = useRef<HTMLDivElement>(null);
  const { byCode } = useOncoTree();

  const serialised = useMemo(
    () => Object.fromEntries(levels.map((l) => [l.path, toCriterion(drafts[l.path] ?? null)])) as Record<string, Serialised>,
    [levels, drafts],
  );
  const dirty = levels.filter((l) => !sameCriterion(serialised[l.path]?.criterion, base.criteria?.[l.path]));
  const unsaved = dirty.length > 0;
  useEffect(() => {
    if (!unsaved) return;
    // Closing the tab or reloading with unsaved criteria asks first.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const labelOf = (path: string) => levels.find((l) => l.path === path)?.label ?? path;

  const localProblems: Located[] = levels.flatMap((l) => (serialised[l.path]?.problems ?? []).map((p) => ({ level: l.path, ...p })));
  const shownProblems = [...(submitted ? localProblems : []), ...serverProblems];
  const problemMap: ProblemMap = new Map(
    shownProblems
      .filter((p): p is Located & { uid: string } => Boolean(p.uid))
      .reverse() // the first problem of a field wins
      .map((p) => [p.uid, new Map<string, string>()] as const),
  );
  for (const p of shownProblems) {
    const byField = p.uid ? (problemMap.get(p.uid) as Map<string, string> | undefined) : undefined;
    if (byField && !byField.has(p.field ?? '')) byField.set(p.field ?? '', p.message);
  }

  const replace = useCallback(
    (uid: string, next: ENode | null) => {
      setDrafts((prev) => {
        const root = prev[level] ?? null;
        if (!root) return prev;
        return { ...prev, [level]: root.uid === uid ? next : updateNode(root, uid, () => next) };
      });
      // A problem the server reported on this node is the user's to re-check, not to keep showing.
      setServerProblems((prev) => prev.filter((p) => p.uid !== uid));
      setFormMessage(null);
      setNotice(null);
    },
    [level],
  );
  const onFocused = useCallback(() => setFocusUid(null), []);
  // Focus to move once the next render is on screen (after a move or a removal the focused
  // button is gone or re-inserted; keyboard users must not be dropped at the top of the page).
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const editorApi: EditorApi = {
    replace,
    move: (parentUid, index, delta, uid) => {
      setDrafts((prev) => {
        const root = prev[level];
        return root ? { ...prev, [level]: moveChild(root, parentUid, index, delta) } : prev;
      });
      const parent = parentOf(drafts[level] ?? null, uid)?.parent;
      const lands = index + delta;
      // At either end the pressed button is disabled: keep focus on the one that still works.
      const edge = lands === 0 ? 'down' : parent && lands === parent.children.length - 1 ? 'up' : delta < 0 ? 'up' : 'down';
      setFocusId(fieldDomId(uid, edge));
    },
    remove: (uid) => {
      const root = drafts[level] ?? null;
      const at = parentOf(root, uid);
      replace(uid, null);
      if (!at) setFocusId(ADD_ROOT_ID);
      else {
        // The next sibling's first control, else the previous one's, else the group's own.
        const sibling = at.parent.children[at.index + 1] ?? at.parent.children[at.index - 1];
        setFocusUid(sibling?.uid ?? at.parent.uid);
      }
    },
    problems: problemMap,
    suggestions: (uid, field) => serverProblems.find((p) => p.uid === uid && p.field === field)?.suggestions ?? [],
    focusUid,
    focus: setFocusUid,
    onFocused,
    loinc: (code) => LOINC_BY_CODE.get(code),
    oncotreeName: (code) => byCode.get(code)?.name,
  };

  function startTree() {
    const root = newGroup('all');
    setDrafts((prev) => ({ ...prev, [level]: root }));
    setFocusUid(root.uid);
  }

  function goTo(p: Located) {
    setLevel(p.level);
    // After the level's editor renders, focus the field (or the node's first control).
    requestAnimationFrame(() => {
      const el =
        (p.uid && p.field && document.getElementById(fieldDomId(p.uid, p.field))) ||
        (p.uid && document.querySelector<HTMLElement>(`[id^="crit-${p.uid}-"]`)) ||
        null;
      el?.focus();
    });
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSubmitted(true);
    setNotice(null);
    setError(null);
    const reasonText = reason.trim();
    const rp = reasonText.length < 3 ? 'Give the reason for this change (at least 3 characters); it is kept in the audit trail.' : null;
    setReasonProblem(rp);
    if (localProblems.length > 0 || rp) {
      setFormMessage(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (dirty.length === 0) {
      setFormMessage('Nothing has changed: edit a level’s criteria first.');
      return;
    }
    setFormMessage(null);
    const criteria: Record<string, Criterion | null> = Object.fromEntries(
      levels.map((l) => [l.path, serialised[l.path]?.criterion ?? null]),
    );
    setBusy(true);
    try {
      const answer = await api.saveCriteria(trial.id, { version: base.version, reason: reasonText, criteria });
      const next =
        answer && typeof answer === 'object' && 'criteria' in answer && 'version' in answer ? answer : await api.criteria(trial.id);
      const nextLevels = levelsOf(next);
      setBase(next);
      setDrafts(draftsOf(next, nextLevels));
      setReason('');
      setSubmitted(false);
      setServerProblems([]);
      setConflict(null);
      setNotice(`Criteria saved as version ${next.version}. The trial was re-matched.`);
      onSaved();
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        setConflict({ state: 'stale' });
      } else if (isApiError(err) && err.status === 400 && err.errors.length > 0) {
        const located: Located[] = [];
        let reasonError: string | null = null;
        const addresses = levels.map((l) => ({ level: l.path, addresses: serialised[l.path]?.addresses ?? [] }));
        const fieldsOfUid = (uid: string) => {
          for (const l of levels) {
            const found = findNode(drafts[l.path] ?? null, uid);
            if (found) return isGroup(found) ? [] : fieldsOf(found).map((f) => f.key);
          }
          return [];
        };
        for (const p of err.errors) {
          if (p.path === 'body.reason' || p.path === 'reason') {
            reasonError = p.message;
            continue;
          }
          const at = locateProblem(p.path, addresses, fieldsOfUid);
          if (at) located.push({ ...at, message: p.message, ...(p.suggestions?.length ? { suggestions: p.suggestions } : {}) });
          else located.push({ level: levelFromPath(p.path, levels) ?? '', message: p.path ? `${p.path}: ${p.message}` : p.message });
        }
        setServerProblems(located);
        setReasonProblem(reasonError);
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else {
        setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
      }
    } finally {
      setBusy(false);
    }
  }

  async function loadTheirs() {
    setBusy(true);
    try {
      const theirs = await api.criteria(trial.id);
      const theirLevels = levelsOf(theirs);
      const changedByThem: string[] = [];
      const changedByBoth: string[] = [];
      const next: Drafts = {};
      for (const l of theirLevels) {
        const mine = serialised[l.path]?.criterion ?? null;
        const read = base.criteria?.[l.path] ?? null;
        const now = theirs.criteria?.[l.path] ?? null;
        const theyChanged = !sameCriterion(read, now);
        const iChanged = !sameCriterion(read, mine);
        if (theyChanged) (iChanged ? changedByBoth : changedByThem).push(l.label);
        // Levels only they changed take their version; levels I edited keep my edits.
        next[l.path] = iChanged ? (drafts[l.path] ?? null) : now ? fromCriterion(now) : null;
      }
      setBase(theirs);
      setDrafts(next);
      setConflict({ state: 'reloaded', changedByThem, changedByBoth });
    } catch (err) {
      setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  function discard() {
    setDrafts(draftsOf(base, levels));
    setSubmitted(false);
    setServerProblems([]);
    setReasonProblem(null);
    setFormMessage(null);
  }

  const current = levels.find((l) => l.path === level);
  const root = drafts[level] ?? null;
  const preview = usePreview(base, levels, serialised, level, scope, format);
  const problemCount = shownProblems.length + (reasonProblem ? 1 : 0);

  return (
    <section aria-labelledby="criteria-title" className="criteria">
      <h2 id="criteria-title">Eligibility criteria</h2>
      <p className="muted">
        Version {base.version}. Each level (step, arm, dose level) has its own tree; a patient matches a level when its tree holds.
        {canEdit ? ' Build it with the form below; the CTML on the right follows as you type.' : ''}
      </p>
      <p role="status" className={notice ? 'banner banner-success' : 'visually-hidden'}>
        {notice ?? ''}
      </p>
      {conflict && (
        <div className="banner banner-warn" role="alert" data-testid="criteria-conflict">
          <p className="banner-title">Someone else changed these criteria since you opened them</p>
          {conflict.state === 'stale' ? (
            <>
              <p>Your changes were not saved. They are kept below.</p>
              <button type="button" className="button-secondary" onClick={loadTheirs} disabled={busy}>
                Load their version (keeps your edits)
              </button>
            </>
          ) : (
            <>
              <p>
                Their version {base.version} is loaded.{' '}
                {conflict.changedByThem.length > 0 &&
                  `Levels only they changed now show their criteria: ${conflict.changedByThem.join('; ')}. `}
                {conflict.changedByBoth.length > 0 &&
                  `Levels you both changed keep your edits, which will replace theirs when you save: ${conflict.changedByBoth.join('; ')}. `}
                {conflict.changedByThem.length + conflict.changedByBoth.length === 0 && 'Their change did not touch the criteria trees. '}
                Check, then save again.
              </p>
            </>
          )}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">Could not save the criteria: {error.title}</p>
          {error.detail && error.detail !== error.title && <p>{error.detail}</p>}
        </div>
      )}
      {(problemCount > 0 || formMessage) && (
        <div className="banner banner-error" role="alert" tabIndex={-1} ref={summaryRef} id={ids.summary} data-testid="criteria-problems">
          {formMessage ? (
            <p className="banner-title">{formMessage}</p>
          ) : (
            <>
              <p className="banner-title">
                {problemCount === 1 ? 'One problem' : `${problemCount} problems`} to correct before saving
                {serverProblems.length > 0 ? ' (the server refused the criteria)' : ''}:
              </p>
              <ul className="field-problems">
                {shownProblems.map((p, i) => (
                  <li key={i}>
                    {p.level && <span className="muted">{labelOf(p.level)}: </span>}
                    {p.message}{' '}
                    {p.uid && (
                      <button type="button" className="link-button" onClick={() => goTo(p)}>
                        Go to the field
                      </button>
                    )}
                  </li>
                ))}
                {reasonProblem && (
                  <li>
                    {reasonProblem}{' '}
                    <button type="button" className="link-button" onClick={() => document.getElementById(ids.reason)?.focus()}>
                      Go to the reason
                    </button>
                  </li>
                )}
              </ul>
            </>
          )}
        </div>
      )}

      <div className="criteria-layout">
        <div className="criteria-edit">
          <div className="field criteria-level">
            <label htmlFor={ids.level}>Level</label>
            <select id={ids.level} value={level} onChange={(e) => setLevel(e.target.value)}>
              {levels.map((l) => (
                <option key={l.path} value={l.path}>
                  {l.label}
                  {dirty.some((d) => d.path === l.path) ? ' (edited)' : ''}
                  {!drafts[l.path] ? ' — no criteria' : ''}
                </option>
              ))}
            </select>
            {current?.availability && (
              <p className="hint">
                Availability: <AvailabilityBadge availability={current.availability} /> <span className="code">{current.path}</span>
              </p>
            )}
          </div>
          {!root ? (
            <div className="crit-empty">
              <p>This level has no criteria: no patient is ever matched to it.</p>
              {canEdit && (
                <button type="button" id={ADD_ROOT_ID} className="button-secondary" onClick={startTree}>
                  Add criteria to this level
                </button>
              )}
            </div>
          ) : canEdit ? (
            <div className="crit-tree" data-testid="criteria-editor">
              <NodeEditor node={root} api={editorApi} />
            </div>
          ) : (
            <Outline criterion={serialised[level]?.criterion ?? null} />
          )}
        </div>

        <aside className="criteria-preview" aria-labelledby={`${ids.format}-title`}>
          <h3 id={`${ids.format}-title`}>CTML</h3>
          <div className="preview-options">
            <fieldset className="segmented">
              <legend className="visually-hidden">CTML format</legend>
              {(['yaml', 'json'] as const).map((f) => (
                <label key={f} className="segment">
                  <input type="radio" name={ids.format} value={f} checked={format === f} onChange={() => setFormat(f)} />
                  {f.toUpperCase()}
                </label>
              ))}
            </fieldset>
            <fieldset className="segmented">
              <legend className="visually-hidden">What to show</legend>
              <label className="segment">
                <input type="radio" name={ids.scope} value="level" checked={scope === 'level'} onChange={() => setScope('level')} />
                This level
              </label>
              <label className="segment">
                <input type="radio" name={ids.scope} value="trial" checked={scope === 'trial'} onChange={() => setScope('trial')} />
                Whole trial
              </label>
            </fieldset>
          </div>
          <p className="hint">
            {dirty.length > 0 ? 'Draft: what Save would store.' : 'As saved.'} Written by the same CTML writer the server uses.
            {preview.note ? ` ${preview.note}` : ''}
          </p>
          <pre className="ctml" tabIndex={0} aria-label={`CTML preview, ${format.toUpperCase()}`} data-testid="ctml-preview">
            {preview.text}
          </pre>
          <details className="saved-ctml">
            <summary>Saved CTML of the whole trial (version {base.version}, from the server)</summary>
            <pre className="ctml" tabIndex={0} aria-label={`Saved CTML, ${format.toUpperCase()}`}>
              {format === 'json' ? base.ctml?.json : base.ctml?.yaml}
            </pre>
          </details>
        </aside>
      </div>

      {canEdit && (
        <form className="criteria-save" onSubmit={onSubmit} noValidate aria-labelledby={`${ids.reason}-legend`}>
          <fieldset disabled={busy}>
            <legend id={`${ids.reason}-legend`}>
              Save the criteria of {trial.protocolNumber}
              {dirty.length > 0 && <span className="muted"> — edited: {dirty.map((d) => d.label).join('; ')}</span>}
            </legend>
            <div className="field">
              <label htmlFor={ids.reason}>Reason for the change (required)</label>
              <textarea
                id={ids.reason}
                rows={2}
                required
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonProblem(null);
                }}
                aria-invalid={reasonProblem ? true : undefined}
                aria-describedby={`${ids.reason}-hint${reasonProblem ? ` ${ids.reason}-error` : ''}`}
              />
              <p id={`${ids.reason}-hint`} className="hint">
                Recorded in the audit trail with your name, e.g. “Amendment 3: ECOG 0–1 only”. Saving re-matches the trial.
              </p>
              {reasonProblem && (
                <p id={`${ids.reason}-error`} className="field-error">
                  {reasonProblem}
                </p>
              )}
            </div>
            <div className="form-actions">
              <button type="submit" className="button-primary">
                {busy ? 'Saving…' : 'Save criteria'}
              </button>
              <button type="button" className="button-secondary" onClick={discard} disabled={dirty.length === 0}>
                Discard changes
              </button>
            </div>
          </fieldset>
        </form>
      )}

      <datalist id="oncotree-options">
        <option value="_SOLID_">Any solid tumour</option>
        <option value="_LIQUID_">Any haematological cancer</option>
        {[...byCode.values()].map((n) => (
          <option key={n.code} value={n.code}>
            {n.name}
          </option>
        ))}
      </datalist>
      <datalist id="loinc-options">
        {LOINC_LABS.map((l) => (
          <option key={l.code} value={l.code}>
            {l.display} ({l.unit})
          </option>
        ))}
      </datalist>
    </section>
  );
}

function findNode(root: ENode | null, uid: string): ENode | undefined {
  if (!root) return undefined;
  if (root.uid === uid) return root;
  if (!isGroup(root)) return undefined;
  for (const c of root.children) {
    const f = findNode(c, uid);
    if (f) return f;
  }
  return undefined;
}

/** The level a problem path starts with, when it names no node (longest level path first). */
function levelFromPath(path: string, levels: readonly CriteriaLevel[]): string | undefined {
  const flat = path.replace(/\[(\d+)\]/g, '.$1');
  return [...levels].sort((a, b) => b.path.length - a.path.length).find((l) => flat.includes(l.path))?.path;
}

function usePreview(
  base: TrialCriteria,
  levels: readonly CriteriaLevel[],
  serialised: Record<string, Serialised>,
  level: string,
  scope: 'level' | 'trial',
  format: 'json' | 'yaml',
): { text: string; note?: string } {
  return useMemo(() => {
    const render = (v: Parameters<typeof toJsonText>[0]) => (format === 'json' ? toJsonText(v) : toYamlText(v));
    try {
      if (scope === 'trial') {
        const drafts = new Map(levels.map((l) => [l.path, serialised[l.path]?.criterion ?? null]));
        const doc = base.ctml?.json ? documentWithDrafts(base.ctml.json, drafts) : null;
        if (doc) return { text: render(doc) };
        const clause = levelClause(serialised[level]?.criterion ?? null);
        return { text: render(clause), note: 'The saved document could not be read; showing this level only.' };
      }
      return { text: render(levelClause(serialised[level]?.criterion ?? null)) };
    } catch (e) {
      return { text: '', note: `The preview cannot be written yet: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [base, levels, serialised, level, scope, format]);
}

/** Read-only: the tree as an indented list of protocol-style sentences. */
function Outline({ criterion }: { criterion: Criterion | null }) {
  if (!criterion) return null;
  return (
    <ul className="crit-outline" data-testid="criteria-outline">
      <OutlineItem c={criterion} />
    </ul>
  );
}

function OutlineItem({ c }: { c: Criterion }) {
  if (c.kind === 'all' || c.kind === 'any' || c.kind === 'not') {
    const of = c.kind === 'not' ? [c.of] : c.of;
    const name = c.kind === 'all' ? 'All of' : c.kind === 'any' ? 'Any of' : 'Not';
    return (
      <li>
        <strong>{c.label ?? name}</strong>
        <ul>
          {of.map((x, i) => (
            <OutlineItem key={i} c={x} />
          ))}
        </ul>
      </li>
    );
  }
  return <li>{describeCriterion(c)}</li>;
}
