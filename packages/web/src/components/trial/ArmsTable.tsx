import { useState } from 'react';
import type { ArmView, TrialView } from '../../api/types';
import { MISSING } from '../../lib/format';
import { armKey } from '../../lib/trials';
import { ARM_KIND_LABELS } from '../../lib/vocab';
import { DataTable, type Column } from '../DataTable';
import { SlotsBar } from '../SlotsBar';
import { StatusBadge } from '../StatusBadge';
import { ArmEditForm } from './ArmEditForm';

interface Props {
  trial: TrialView;
  canEdit: boolean;
  onChanged: (message: string) => void;
  onReload: () => void;
}

export function ArmsTable({ trial, canEdit, onChanged, onReload }: Props) {
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  const arms = trial.arms ?? [];

  function setOpen(key: string, open: boolean) {
    setEditing((prev) => {
      const next = new Set(prev);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  const columns: Column<ArmView>[] = [
    { key: 'code', header: 'Code', rowHeader: true, className: 'nowrap', cell: (a) => <span className="code">{a.code}</span> },
    { key: 'name', header: 'Name', cell: (a) => <span className="name-cell">{a.name}</span> },
    { key: 'kind', header: 'Kind', cell: (a) => ARM_KIND_LABELS[a.kind] ?? a.kind },
    { key: 'status', header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
    {
      key: 'slots',
      header: 'Slots used / total',
      cell: (a) => <SlotsBar used={a.slotsUsed} total={a.slotsTotal} label={`${a.code} slots`} />,
    },
    { key: 'summary', header: 'Summary', cell: (a) => <span className="summary-cell">{a.summary ?? MISSING}</span> },
  ];
  if (canEdit) {
    columns.push({
      key: 'edit',
      header: <span className="visually-hidden">Actions</span>,
      cell: (a) => {
        const open = editing.has(armKey(a));
        return (
          <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen(armKey(a), !open)}>
            {open ? 'Close' : 'Edit'}
            <span className="visually-hidden"> {a.code}</span>
          </button>
        );
      },
    });
  }

  return (
    <DataTable
      caption="Arms and cohorts"
      rows={arms}
      rowKey={armKey}
      testId="arms"
      empty="No arm or cohort recorded for this trial."
      columns={columns}
      expansion={(a) =>
        canEdit && editing.has(armKey(a)) ? (
          <ArmEditForm
            trialId={trial.id}
            arm={a}
            onCancel={() => setOpen(armKey(a), false)}
            onReload={onReload}
            onSaved={(saved) => {
              setOpen(armKey(saved), false);
              onChanged(`${ARM_KIND_LABELS[saved.kind]} ${saved.code} saved.`);
            }}
          />
        ) : null
      }
    />
  );
}
