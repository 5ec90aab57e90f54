import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * gzip for envelope answers whose `data` comes from the answer cache, without compressing the page
 * again on every request.
 *
 * The envelope's `time` and `request_id` change per request, so the whole body cannot be kept
 * compressed. But DEFLATE (RFC 1951) is a sequence of blocks, and a block may be stored
 * uncompressed: the answer is one gzip member (RFC 1952) made of a stored block with the
 * envelope's head, the data's blocks compressed once when the answer was cached (flushed so they
 * refer to nothing before them and end on a byte boundary), and a final stored block with the
 * closing brace. The CRC-32 of the whole is combined from the parts' CRCs, so a request costs a
 * few dozen bytes of work whatever the size of the page. Every gzip decoder reads it as it reads
 * any other member, because it is one.
 */

/** The data part of an answer, compressed once. */
export interface CompressedData {
  /** DEFLATE blocks without the final bit, ending on a byte boundary (a sync flush). */
  blocks: Buffer;
  crc: number;
  /** Uncompressed length in bytes. */
  length: number;
}

const kept = new WeakMap<object, CompressedData>();

/** The compressed data part of `owner`'s answer (`bytes`, UTF-8), made on first use and kept as long as the owner. */
export function compressedDataOf(owner: object, bytes: Buffer): CompressedData {
  let compressed = kept.get(owner);
  if (compressed === undefined) {
    compressed = { blocks: deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(bytes), length: bytes.length };
    kept.set(owner, compressed);
  }
  return compressed;
}

/** A gzip member of `head`, the compressed `data`, then `tail`: the three texts in a row, uncompressed. */
export function gzipAround(head: string, data: CompressedData, tail: string): Buffer {
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  if (headBytes.length > 0xffff || tailBytes.length > 0xffff) throw new RangeError('a stored block holds at most 65,535 bytes');
  const length = headBytes.length + data.length + tailBytes.length;
  const crc = crc32Combine(crc32Combine(crc32(headBytes), data.crc, data.length), crc32(tailBytes), tailBytes.length);
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc, 0);
  // ISIZE is the length modulo 2^32 (RFC 1952 §2.3.1).
  trailer.writeUInt32LE(length % 0x1_0000_0000, 4);
  return Buffer.concat([GZIP_HEADER, storedBlock(headBytes, false), data.blocks, storedBlock(tailBytes, true), trailer]);
}

/** ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS unknown (255). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * A stored block (RFC 1951 §3.2.4): BFINAL and BTYPE 00 in the first byte, which leaves the stream
 * on a byte boundary, then LEN and its complement, then the bytes as they are.
 */
function storedBlock(bytes: Buffer, final: boolean): Buffer {
  const header = Buffer.allocUnsafe(5);
  header[0] = final ? 1 : 0;
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

// CRC-32 arithmetic over GF(2) (the reflected polynomial of RFC 1952): the CRC of A followed by B
// is the CRC of A multiplied by x^(8·|B|), plus the CRC of B. x^(2^k) is tabulated, so the power
// takes one multiplication per bit of |B|.
const POLYNOMIAL = 0xedb88320;

/** a·b modulo the polynomial, both in the reflected bit order CRC-32 uses. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  let factor = b;
  for (let bit = 0x8000_0000; bit !== 0; bit >>>= 1) {
    if ((a & bit) !== 0) product ^= factor;
    factor = factor & 1 ? (factor >>> 1) ^ POLYNOMIAL : factor >>> 1;
  }
  return product >>> 0;
}

/** X_TO_2_TO_THE[k] = x^(2^k) modulo the polynomial; x^1 is the top bit in reflected order. */
const X_TO_2_TO_THE = (() => {
  const table = new Uint32Array(32);
  let power = 0x4000_0000;
  for (let k = 0; k < 32; k += 1) {
    table[k] = power;
    power = multiplyModP(power, power);
  }
  return table;
})();

/** The CRC-32 of A followed by B, from their CRCs and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  // x^(8·lengthB): the bits of lengthB, starting at x^(2^3) = x^8.
  let power = 0x8000_0000;
  let k = 3;
  for (let n = lengthB; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2 === 1) power = multiplyModP(X_TO_2_TO_THE[k % 32]!, power);
  }
  return (multiplyModP(power, crcA) ^ crcB) >>> 0;
}
