import { crc32, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressedDataOf, crc32Combine, gzipAround } from '../../src/http/envelope-gzip.js';

describe('gzip spliced around compressed data', () => {
  it('combines CRC-32s exactly as the CRC of the joined bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 70_000 }), (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes to head, data and tail in a row, whatever the texts (multi-byte characters, empty parts, pages past 64 KiB)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.string({ maxLength: 5_000, unit: 'grapheme' }), fc.string({ maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (head, data, tail, repeat) => {
        const page = data.repeat(repeat);
        const spliced = gzipAround(head, compressedDataOf({}, Buffer.from(page)), tail);
        expect(gunzipSync(spliced).toString('utf8')).toBe(head + page + tail);
      }),
      { numRuns: 200 },
    );
  });

  it('compresses an answer once and keeps it as long as the answer: the same blocks for every request', () => {
    const answer = { body: JSON.stringify({ list: Array.from({ length: 40 }, (_, i) => ({ id: i, content: 'Lovely mug, holds its heat.' })) }) };
    const first = compressedDataOf(answer, Buffer.from(answer.body));
    expect(compressedDataOf(answer, Buffer.from(answer.body))).toBe(first);
    expect(first.blocks.length).toBeLessThan(answer.body.length / 5);
    // A sync flush ends the blocks with an empty stored block, whose LEN and NLEN close on a byte boundary.
    expect([...first.blocks.subarray(-4)]).toEqual([0, 0, 0xff, 0xff]);
    const a = gzipAround('{"request_id":"a","data":', first, '}');
    const b = gzipAround('{"request_id":"b","data":', first, '}');
    expect(JSON.parse(gunzipSync(a).toString()).request_id).toBe('a');
    expect(JSON.parse(gunzipSync(b).toString()).data).toEqual(JSON.parse(answer.body));
  });
});
