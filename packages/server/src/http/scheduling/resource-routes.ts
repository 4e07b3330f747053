import {
  BookingCalendar,
  CLINICAL_READERS,
  DEPARTMENT_TIME_ZONE,
  findNextSlot,
  localToInstant,
  addDays,
  openPeriods,
  utilisationByMonth,
} from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../db/driver';
import { BOOKING_SELECT, bookingOf, bookingView, loadRegimens, loadResources, type Row, type StoredResource } from '../../scheduling/rows';
import { notFound } from '../common/problem';
import { calendarQuery, resourceCalendarQuery, resourceParams, slotQuery, utilisationQuery } from './schemas';

const resourceView = (r: StoredResource) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  hotCellId: r.hotCellId,
  hotCellClass: r.hotCellClass,
  opening: r.openingSlots,
  active: r.active,
  version: r.version,
});

/** Each resource's open periods and bookings over local dates [from, to]. */
async function calendarOf(q: Queryable, resources: StoredResource[], from: string, to: string) {
  const startMs = localToInstant(from, 0);
  const endMs = localToInstant(addDays(to, 1), 0);
  const { rows } = await q.query<Row>(
    `${BOOKING_SELECT} where b.status <> 'cancelled' and b.starts_at < $2 and b.ends_at > $1 and b.resource_id = any($3::text[]) order by b.starts_at`,
    [new Date(startMs).toISOString(), new Date(endMs).toISOString(), resources.map((r) => r.id)],
  );
  return {
    timeZone: DEPARTMENT_TIME_ZONE,
    from,
    to,
    resources: resources.map((r) => ({
      ...resourceView(r),
      openPeriods: openPeriods(r.opening, from, to).map((p) => ({
        startsAt: new Date(p.startMs).toISOString(),
        endsAt: new Date(p.endMs).toISOString(),
      })),
      bookings: rows.filter((b) => b.resource_id === r.id).map(bookingView),
    })),
  };
}

/** Resources, their calendars, free slots, regimens and utilisation: read by every clinical role. */
export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/resources',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'Scheduling resources with their opening hours (Europe/Paris)' } },
    async () => ({
      timeZone: DEPARTMENT_TIME_ZONE,
      items: [...(await loadResources(db)).values()].map(resourceView),
    }),
  );

  app.get(
    '/calendar',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'Bookings of every resource (or one kind) over local dates', querystring: calendarQuery },
    },
    async (request) => {
      const { from, to, kind, resourceId } = request.query;
      const resources = [...(await loadResources(db)).values()].filter(
        (r) => (!kind || r.kind === kind) && (!resourceId || r.id === resourceId),
      );
      return calendarOf(db, resources, from, to);
    },
  );

  app.get(
    '/resources/:id/calendar',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: "A resource's bookings over local dates", params: resourceParams, querystring: resourceCalendarQuery },
    },
    async (request) => {
      const resource = (await loadResources(db)).get(request.params.id);
      if (!resource) throw notFound(`Resource ${request.params.id}`);
      const { from, to } = request.query;
      return calendarOf(db, [resource], from, to);
    },
  );

  app.get(
    '/slots/next',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'The next free slot on a resource kind', querystring: slotQuery } },
    async (request) => {
      const { kind, durationMin, notBefore, patientId } = request.query;
      const resources = [...(await loadResources(db)).values()].filter((r) => r.kind === kind);
      const notBeforeMs = Date.parse(notBefore);
      const horizonDays = 28;
      const { rows } = await db.query<Row>(
        `select * from booking where status <> 'cancelled' and ends_at > $1 and starts_at < $2 and (resource_id = any($3::text[]) or patient_id = $4)`,
        [
          new Date(notBeforeMs - 86_400_000).toISOString(),
          new Date(notBeforeMs + (horizonDays + 2) * 86_400_000).toISOString(),
          resources.map((r) => r.id),
          patientId ?? null,
        ],
      );
      const slot = findNextSlot({
        resources,
        durationMin,
        notBeforeMs,
        lookup: new BookingCalendar(rows.map(bookingOf)),
        patientId: patientId ?? null,
        horizonDays,
      });
      return {
        slot: slot
          ? {
              resourceId: slot.resourceId,
              startsAt: new Date(slot.startsAtMs).toISOString(),
              endsAt: new Date(slot.endsAtMs).toISOString(),
            }
          : null,
        horizonDays,
      };
    },
  );

  app.get(
    '/products',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'Radiopharmaceuticals a booking may name' } },
    async () => ({
      items: (await db.query<Row>('select id, name, nuclide, purpose from radiopharm_product where active order by purpose, id')).rows.map(
        (p) => ({
          id: p.id as string,
          name: p.name as string,
          nuclide: p.nuclide as string,
          purpose: p.purpose as string,
        }),
      ),
    }),
  );

  app.get('/regimens', { config: { access: CLINICAL_READERS }, schema: { summary: 'Radioligand regimens' } }, async () => ({
    items: await loadRegimens(db),
  }));

  app.get(
    '/utilisation',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'Booked share of open time, per resource and local month', querystring: utilisationQuery },
    },
    async (request) => {
      const { from, to } = request.query;
      const resources = [...(await loadResources(db)).values()];
      // Whole local months, as the report is per month.
      const [y, m] = to.split('-').map(Number) as [number, number];
      const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      const { rows } = await db.query<Row>(`select * from booking where status <> 'cancelled' and starts_at < $2 and ends_at > $1`, [
        new Date(localToInstant(`${from.slice(0, 7)}-01`, 0)).toISOString(),
        new Date(localToInstant(nextMonth, 0)).toISOString(),
      ]);
      return {
        timeZone: DEPARTMENT_TIME_ZONE,
        items: utilisationByMonth({ resources, bookings: rows.map(bookingOf), fromDate: from, toDate: to }),
      };
    },
  );
};
