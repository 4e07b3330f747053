import { parseInstant } from '../nucmed/instants';

/** An instant given as a Date or an ISO 8601 string with an offset; a string without one is refused (nucmed/instants.ts). */
export type InstantInput = Date | string;

export function epochMs(value: InstantInput, field: string): number {
  if (value instanceof Date) return value.getTime();
  return parseInstant(value, field);
}

export const iso = (ms: number): string => new Date(ms).toISOString();
