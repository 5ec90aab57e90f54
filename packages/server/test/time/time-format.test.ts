import { describe, expect, it } from 'vitest';
import { formatRecordTime, formatReviewTime, parseTimeInput } from '../../src/time/time-format.js';

describe('time formats', () => {
  it.each([
    ['2026-06-01 00:00:00', 1780272000],
    ['2026-06-01', 1780272000],
    ['1780272000', 1780272000],
    ['2026-06-01T00:00:00Z', 1780272000],
    ['2026-06-01T02:00:00+02:00', 1780272000],
    ['2026-05-31T19:00:00-05:00', 1780272000],
  ])('parses %s', (input, expected) => {
    expect(parseTimeInput(input)).toBe(expected);
  });

  it('reads a date alone as the last second of the day when it closes a range', () => {
    expect(parseTimeInput('2026-06-01', 'end')).toBe(1780272000 + 86_399);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '17806820000000', '2026-06-01 24:00:00', ''])('refuses %s', (input) => {
    expect(parseTimeInput(input)).toBeNull();
  });

  it('formats review and record times in UTC', () => {
    expect(formatReviewTime(1781682900)).toBe('2026-06-17 07:55:00');
    expect(formatRecordTime(1781682900)).toBe('2026-06-17T07:55:00Z');
  });
});
