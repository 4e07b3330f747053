/**
 * The scheduling API (/api/scheduling): resources and calendars, bookings, treatment courses and
 * cycles with their organ-at-risk checks. Shapes restated from the server's views; domain types
 * (the limit check) come from @continuum/core as types only.
 */
import type { BookingKind, CourseProtocol, CycleLimitCheck, OpeningSlot, ResourceKind } from '@continuum/core';
import { request } from './client';

export interface SchedulingResource {
  id: string;
  kind: ResourceKind;
  name: string;
  hotCellId: string | null;
  hotCellClass: string | null;
  opening: OpeningSlot[];
  active: boolean;
  version: number;
}

export interface Booking {
  id: string;
  resourceId: string;
  patientId: string | null;
  pseudonym: string | null;
  kind: BookingKind;
  startsAt: string;
  endsAt: string;
  productId: string | null;
  productName: string | null;
  activityMBq: number | null;
  preparationId: string | null;
  cycleId: string | null;
  batchId: string | null;
  status: 'booked' | 'done' | 'cancelled';
  note: string | null;
  cancelReason: string | null;
  createdBy: string;
  version: number;
}

export interface CalendarResource extends SchedulingResource {
  openPeriods: { startsAt: string; endsAt: string }[];
  bookings: Booking[];
}

export interface Calendar {
  timeZone: string;
  from: string;
  to: string;
  resources: CalendarResource[];
}

export interface BookingRequest {
  resourceId: string;
  kind: BookingKind;
  patientId?: string | null;
  productId?: string | null;
  startsAt: string;
  endsAt: string;
  activityMBq?: number | null;
  preparationId?: string | null;
  note?: string | null;
  reason?: string;
}

export interface Regimen {
  id: string;
  name: string;
  productId: string;
  activityMBq: number;
  intervalWeeks: number;
  cycles: number;
  investigational: boolean;
  reference: string;
}

export interface CycleView {
  id: string;
  courseId: string;
  cycleNumber: number;
  plannedOn: string;
  prescribedMBq: number;
  status: 'planned' | 'scheduled' | 'administered' | 'deferred' | 'cancelled';
  version: number;
  booking: Booking | null;
  dosimetryStudyId: string | null;
  administered: boolean;
  limitCheck: CycleLimitCheck | null;
  storedLimitCheck: (CycleLimitCheck & { computedAt: string }) | null;
  limitOverride: { reason: string; by: string | null } | null;
}

export interface CourseView {
  id: string;
  patientId: string;
  regimen: Regimen;
  startedOn: string;
  status: string;
  kidneyRiskFactors: boolean;
  protocol: CourseProtocol;
  createdBy: string;
  version: number;
  cycles: CycleView[];
}

export interface ScheduleRequest {
  version: number;
  startsAt: string;
  resourceId?: string;
  stayHours?: number;
  prescribedMBq?: number;
  overrideReason?: string;
  reason: string;
}

export interface ProductOption {
  id: string;
  name: string;
  nuclide: string;
  purpose: 'diagnostic' | 'therapeutic';
}

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;

export const schedulingApi = {
  resources: (o: Opts = {}) => request<{ timeZone: string; items: SchedulingResource[] }>('/api/scheduling/resources', o),
  products: (o: Opts = {}) => request<{ items: ProductOption[] }>('/api/scheduling/products', o),
  calendar: (query: { from: string; to: string; kind?: ResourceKind; resourceId?: string }, o: Opts = {}) =>
    request<Calendar>('/api/scheduling/calendar', { ...o, query }),
  book: (body: BookingRequest) => request<Booking>('/api/scheduling/bookings', { method: 'POST', body }),
  cancel: (id: string, version: number, reason: string) =>
    request<Booking>(`/api/scheduling/bookings/${enc(id)}/cancel`, { method: 'POST', body: { version, reason } }),
  nextSlot: (query: { kind: ResourceKind; durationMin: number; notBefore: string; patientId?: string }, o: Opts = {}) =>
    request<{ slot: { resourceId: string; startsAt: string; endsAt: string } | null; horizonDays: number }>('/api/scheduling/slots/next', {
      ...o,
      query,
    }),
  regimens: (o: Opts = {}) => request<{ items: Regimen[] }>('/api/scheduling/regimens', o),
  courses: (patientId: string, o: Opts = {}) =>
    request<{ patientId: string; items: CourseView[] }>(`/api/scheduling/patients/${enc(patientId)}/courses`, o),
  createCourse: (
    patientId: string,
    body: { regimenId: string; startedOn: string; kidneyRiskFactors: boolean; protocol?: CourseProtocol; reason: string },
  ) => request<CourseView>(`/api/scheduling/patients/${enc(patientId)}/courses`, { method: 'POST', body }),
  limitCheck: (cycleId: string, prescribedMBq?: number, o: Opts = {}) =>
    request<CycleLimitCheck>(`/api/scheduling/cycles/${enc(cycleId)}/limit-check`, { ...o, query: { prescribedMBq } }),
  scheduleCycle: (cycleId: string, body: ScheduleRequest) =>
    request<{ cycleId: string; booking: Booking; limitCheck: CycleLimitCheck; overridden: boolean }>(
      `/api/scheduling/cycles/${enc(cycleId)}/schedule`,
      {
        method: 'POST',
        body,
      },
    ),
};
