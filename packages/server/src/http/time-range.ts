import type { FieldError } from './errors.js';
import { parseTimeInput } from '../time/time-format.js';

export interface TimeRange {
  from: number | undefined;
  to: number | undefined;
}

/**
 * A `start_…`/`end_…` pair of query times (docs/reference/conventions.md §8.3; the schema has already checked each one):
 * a date alone starts or ends its day. A start later than its end is reported on the start field.
 */
export function timeRange(start: string | undefined, end: string | undefined, startField: string, endField: string, errors: FieldError[]): TimeRange {
  const from = start === undefined ? undefined : (parseTimeInput(start, 'start') ?? undefined);
  const to = end === undefined ? undefined : (parseTimeInput(end, 'end') ?? undefined);
  if (from !== undefined && to !== undefined && from > to) errors.push({ field: startField, reason: `must not be later than ${endField}` });
  return { from, to };
}
