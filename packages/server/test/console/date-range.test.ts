import { describe, expect, it } from 'vitest';
import { dateRangeOf, dayOf, previousRange, startOfDay } from '../../src/console/dashboard/date-range.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('dashboard periods', () => {
  it('starts a day at the zone\'s own midnight, summer and winter time alike', () => {
    expect(startOfDay('Europe/Berlin', 2026, 7, 1)).toBe(at('2026-06-30T22:00:00Z'));
    expect(startOfDay('Europe/Berlin', 2026, 1, 15)).toBe(at('2026-01-14T23:00:00Z'));
    // The night the clocks go forward: midnight itself is still winter time.
    expect(startOfDay('Europe/Berlin', 2026, 3, 29)).toBe(at('2026-03-28T23:00:00Z'));
    expect(startOfDay('America/New_York', 2026, 11, 1)).toBe(at('2026-11-01T04:00:00Z'));
    expect(startOfDay('Asia/Kolkata', 2026, 6, 1)).toBe(at('2026-05-31T18:30:00Z'));
    expect(startOfDay('UTC', 2026, 6, 1)).toBe(at('2026-06-01T00:00:00Z'));
  });

  it('names the day an instant falls on in the zone', () => {
    expect(dayOf('Europe/Berlin', at('2026-06-02T23:30:00Z'))).toBe('2026-06-03');
    expect(dayOf('America/Los_Angeles', at('2026-06-02T03:00:00Z'))).toBe('2026-06-01');
  });

  it('ends a preset today, today included, and counts its days back', () => {
    const range = dateRangeOf({ range: '7' }, 'Europe/Berlin', at('2026-06-17T08:35:00Z'));
    expect(range).toMatchObject({ preset: 7, days: 7, firstDay: '2026-06-11', lastDay: '2026-06-17' });
    expect(range.from).toBe(at('2026-06-10T22:00:00Z'));
    expect(range.to).toBe(at('2026-06-17T22:00:00Z'));
    expect(previousRange(range)).toEqual({ from: at('2026-06-03T22:00:00Z'), to: range.from });
  });

  it('takes custom days, both included, and falls back to 30 days for anything it cannot read', () => {
    const now = at('2026-06-17T08:35:00Z');
    expect(dateRangeOf({ from: '2026-01-01', to: '2026-01-31' }, 'UTC', now)).toMatchObject({ preset: 0, days: 31, firstDay: '2026-01-01', lastDay: '2026-01-31' });
    for (const query of [{ from: '2026-02-30', to: '2026-03-01' }, { from: '2026-03-01', to: '2026-02-01' }, { from: '2020-01-01', to: '2026-01-01' }, { range: '12' }, { range: '30; drop table' }, {}]) {
      expect(dateRangeOf(query, 'UTC', now)).toMatchObject({ preset: 30, days: 30, lastDay: '2026-06-17' });
    }
  });
});
