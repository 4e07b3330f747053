import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDayBounds,
  localToInstant,
  openMinutesBetween,
  parseOpeningHours,
  SchedulingError,
  toLocal,
  weekdayOf,
  withinOpeningHours,
} from '../../src/operations/scheduling/index';
import { at, RESOURCE_MAP } from './fixtures';

// EU summer time (Directive 2000/84/EC): starts the last Sunday of March at 01:00 UTC, ends the
// last Sunday of October at 01:00 UTC. Paris is UTC+1 in winter (CET), UTC+2 in summer (CEST).
// In 2025 those Sundays are 30 March and 26 October.
describe('the department clock (Europe/Paris through Intl)', () => {
  it('reads the same wall-clock time as different UTC instants either side of a change', () => {
    expect(new Date(localToInstant('2025-03-28', 7 * 60 + 30)).toISOString()).toBe('2025-03-28T06:30:00.000Z');
    expect(new Date(localToInstant('2025-03-31', 7 * 60 + 30)).toISOString()).toBe('2025-03-31T05:30:00.000Z');
    expect(toLocal(at('2025-07-14T10:00:00Z'))).toMatchObject({ date: '2025-07-14', hour: 12, minute: 0, weekday: 1, offsetMin: 120 });
    expect(toLocal(at('2025-12-31T23:30:00Z'))).toMatchObject({ date: '2026-01-01', hour: 0, minute: 30, weekday: 4, offsetMin: 60 });
  });

  it('has a 23-hour day in spring and a 25-hour day in autumn', () => {
    const hours = (d: string) => {
      const { startMs, endMs } = localDayBounds(d);
      return (endMs - startMs) / 3_600_000;
    };
    expect(hours('2025-03-30')).toBe(23);
    expect(hours('2025-10-26')).toBe(25);
    expect(hours('2025-06-15')).toBe(24);
  });

  it('moves a time in the spring gap forward by the hour, and takes the first of a repeated autumn time', () => {
    // 02:30 does not exist on 30 March 2025: read as 03:30 CEST = 01:30 UTC.
    expect(new Date(localToInstant('2025-03-30', 2 * 60 + 30)).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 26 October 2025: first at +02:00 (00:30 UTC), then at +01:00 (01:30 UTC).
    expect(new Date(localToInstant('2025-10-26', 2 * 60 + 30)).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(toLocal(at('2025-10-26T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30, offsetMin: 60 });
  });

  it('does calendar arithmetic on dates without a clock', () => {
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(weekdayOf('2025-03-30')).toBe(7);
    expect(() => addDays('2025-02-30', 1)).toThrow(SchedulingError);
  });
});

describe('opening hours', () => {
  const pet = RESOURCE_MAP.get('PET-1')!.opening;
  const room = RESOURCE_MAP.get('ROOM-1')!.opening;

  it('accepts a booking inside local opening hours and names the hours when refusing one', () => {
    // Monday 31 March 2025 (CEST): open 07:30-19:00 local = 05:30-17:00 UTC.
    expect(withinOpeningHours(pet, at('2025-03-31T05:30:00Z'), at('2025-03-31T06:00:00Z')).ok).toBe(true);
    const early = withinOpeningHours(pet, at('2025-03-31T05:00:00Z'), at('2025-03-31T05:30:00Z'));
    expect(early.ok).toBe(false);
    if (!early.ok)
      expect(early.reason).toBe('2025-03-31 07:00–07:30 is outside opening hours (2025-03-31: open 07:30–19:00, Europe/Paris)');
    const saturday = withinOpeningHours(pet, at('2025-03-29T09:00:00Z'), at('2025-03-29T09:30:00Z'));
    expect(saturday.ok).toBe(false);
    if (!saturday.ok) expect(saturday.reason).toMatch(/closed that day/);
    // Past closing time: 18:45-19:15 local.
    expect(withinOpeningHours(pet, at('2025-03-31T16:45:00Z'), at('2025-03-31T17:15:00Z')).ok).toBe(false);
  });

  it('keeps a shielded room open across midnight and across the autumn change (a 48-hour stay)', () => {
    expect(withinOpeningHours(room, at('2025-10-25T08:00:00Z'), at('2025-10-27T09:00:00Z')).ok).toBe(true);
    // The 25-hour day counts 25 hours of opening.
    const { startMs, endMs } = localDayBounds('2025-10-26');
    expect(openMinutesBetween(room, startMs, endMs)).toBe(25 * 60);
  });

  it('refuses opening hours that are not times or end before they start', () => {
    expect(() => parseOpeningHours([{ weekday: 8, from: '08:00', to: '10:00' }])).toThrow(/weekday/);
    expect(() => parseOpeningHours([{ weekday: 1, from: '10:00', to: '08:00' }])).toThrow(/opening\[0\]\.to/);
    expect(() => parseOpeningHours([{ weekday: 1, from: '8h', to: '10:00' }])).toThrow(/HH:MM/);
  });
});
