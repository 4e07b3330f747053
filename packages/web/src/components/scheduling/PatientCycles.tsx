import { Fragment, useId, useState } from 'react';
import { schedulingApi, type CourseView } from '../../api/scheduling';
import { useApi } from '../../api/useApi';
import { can, SCHEDULERS } from '../../auth/roles';
import { useUser } from '../../auth/session';
import { humanise } from '../../lib/format';
import { ErrorBanner } from '../ErrorBanner';
import { LimitCheckView } from './LimitCheckView';
import { NewCourseForm } from './NewCourseForm';
import { ScheduleCycleForm } from './ScheduleCycleForm';
import './scheduling.css';
import { formatMBq, localDateTimeOf } from './time';

/**
 * A patient's radioligand courses and cycles. Every open cycle shows its organ-at-risk check,
 * computed now from the stored dosimetry: a cycle that would cross a limit carries a warning
 * badge with the numbers (cumulative, projected, limit, largest activity within), before anyone
 * schedules it. "Schedule" books the shielded room after the same check on the server.
 */
export function PatientCycles({ patientId }: { patientId: string }) {
  const id = useId();
  const user = useUser();
  const canWrite = can(user.role, SCHEDULERS);
  const courses = useApi(`courses:${patientId}`, (signal) => schedulingApi.courses(patientId, { signal }));
  const regimens = useApi(canWrite ? 'regimens' : null, (signal) => schedulingApi.regimens({ signal }));
  const resources = useApi(canWrite ? 'scheduling-resources' : null, (signal) => schedulingApi.resources({ signal }));
  const rooms = (resources.data?.items ?? []).filter((r) => r.kind === 'shielded-room' && r.active);
  const [open, setOpen] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);

  const reload = () => {
    setOpen(null);
    courses.reload();
  };

  return (
    <section aria-labelledby={`${id}-title`} data-testid="patient-cycles">
      <div className="section-head">
        <h2 id={`${id}-title`}>Radioligand courses and cycles</h2>
        {canWrite && regimens.data && (
          <button type="button" className="button-secondary button-small" aria-expanded={planning} onClick={() => setPlanning((p) => !p)}>
            {planning ? 'Close' : 'Plan a course'}
          </button>
        )}
      </div>
      <ErrorBanner error={courses.error} context="Could not load the treatment courses" onRetry={courses.reload} />
      {planning && regimens.data && (
        <NewCourseForm
          patientId={patientId}
          regimens={regimens.data.items}
          onCreated={() => {
            setPlanning(false);
            courses.reload();
          }}
        />
      )}
      {courses.loading && !courses.data && <p className="muted">Loading courses…</p>}
      {courses.data && courses.data.items.length === 0 && <p className="muted">No radioligand course planned.</p>}
      {courses.data?.items.map((course) => (
        <CourseTable
          key={course.id}
          course={course}
          canWrite={canWrite}
          role={user.role}
          rooms={rooms}
          open={open}
          setOpen={setOpen}
          onChanged={reload}
        />
      ))}
    </section>
  );
}

function CourseTable({
  course,
  canWrite,
  role,
  rooms,
  open,
  setOpen,
  onChanged,
}: {
  course: CourseView;
  canWrite: boolean;
  role: string;
  rooms: NonNullable<Parameters<typeof ScheduleCycleForm>[0]['rooms']>;
  open: string | null;
  setOpen: (id: string | null) => void;
  onChanged: () => void;
}) {
  return (
    <div className="sc-course">
      <h3>{course.regimen.name}</h3>
      <p className="small muted">
        Started {course.startedOn} · {humanise(course.status)} ·{' '}
        {course.kidneyRiskFactors ? 'kidney risk factors: kidney BED limit 28 Gy' : 'no kidney risk factors: kidney BED limit 40 Gy'}
        {course.regimen.investigational ? ' · investigational, per protocol' : ''} · {course.regimen.reference}
      </p>
      <div className="table-scroll">
        <table className="sc-cycles">
          <caption className="visually-hidden">Cycles of {course.regimen.name}</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Planned</th>
              <th scope="col">Activity</th>
              <th scope="col">Status</th>
              <th scope="col">Shielded room</th>
              <th scope="col">Organ-at-risk check</th>
              {canWrite && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {course.cycles.map((c) => {
              const schedulable = !c.administered && (c.status === 'planned' || c.status === 'deferred');
              return (
                <Fragment key={c.id}>
                  <tr data-testid={`cycle-${c.cycleNumber}`}>
                    <th scope="row">{c.cycleNumber}</th>
                    <td className="nowrap">{c.plannedOn}</td>
                    <td className="nowrap">{formatMBq(c.prescribedMBq)}</td>
                    <td>
                      {c.administered ? 'Administered' : humanise(c.status)}
                      {c.dosimetryStudyId && <div className="small muted">dosimetry stored</div>}
                    </td>
                    <td className="nowrap">{c.booking ? `${c.booking.resourceId}, ${localDateTimeOf(c.booking.startsAt)}` : '—'}</td>
                    <td>
                      {c.limitCheck ? (
                        <LimitCheckView check={c.limitCheck} compact />
                      ) : c.storedLimitCheck ? (
                        <span className="small muted">checked when scheduled: {c.storedLimitCheck.verdict}</span>
                      ) : (
                        '—'
                      )}
                      {c.limitOverride && (
                        <p className="small">
                          <span className="badge badge-warn">Overridden</span> by {c.limitOverride.by ?? '—'}: {c.limitOverride.reason}
                        </p>
                      )}
                    </td>
                    {canWrite && (
                      <td>
                        {schedulable && (
                          <button
                            type="button"
                            className="button-secondary button-small"
                            aria-expanded={open === c.id}
                            onClick={() => setOpen(open === c.id ? null : c.id)}
                          >
                            {open === c.id ? 'Close' : 'Schedule'}
                            <span className="visually-hidden"> cycle {c.cycleNumber}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                  {open === c.id && (
                    <tr className="row-expansion">
                      <td colSpan={canWrite ? 7 : 6}>
                        <ScheduleCycleForm cycle={c} role={role} rooms={rooms} onDone={onChanged} onCancel={() => setOpen(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
