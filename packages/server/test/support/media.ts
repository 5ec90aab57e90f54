import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { ImageUploadCredentials } from '../../src/media/upload-policy.js';
import { envelope, type Harness } from './harness.js';

export interface FilePart {
  name: string;
  type?: string;
  data: Buffer;
}

/** A multipart/form-data body written by hand, as curl -F sends it: fields in order, the file where it is placed. */
export function multipartBody(parts: Array<[string, string] | ['file', FilePart]>): { payload: Buffer; contentType: string } {
  const boundary = `----plaudit${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      const type = value.type === undefined ? '' : `Content-Type: ${value.type}\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.name}"\r\n${type}\r\n`), value.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The fields of docs/reference/reviews.md §10.3 from credentials, with overrides, in the documented order. */
export function uploadFields(credentials: ImageUploadCredentials, overrides: Partial<Record<'key' | 'policy' | 'OSSAccessKeyId' | 'Signature' | 'Content-Type', string>> = {}): Array<[string, string]> {
  const fields: Record<string, string> = {
    key: `${credentials.dir}\${filename}`,
    policy: credentials.policy,
    OSSAccessKeyId: credentials.access_id,
    Signature: credentials.signature,
    ...overrides,
  };
  return Object.entries(fields);
}

export async function imageCredentials(h: Harness, shop = h.shop): Promise<ImageUploadCredentials> {
  const response = await h.call('GET', 'get_image_upload_policy_token', {}, shop);
  if (response.statusCode !== 200) throw new Error(`credentials refused: ${response.body}`);
  return envelope<ImageUploadCredentials>(response).data!;
}

export function postUpload(h: Harness, parts: Array<[string, string] | ['file', FilePart]>): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartBody(parts);
  return h.app.inject({ method: 'POST', url: '/media/upload', headers: { 'content-type': contentType }, payload });
}

export async function uploadImage(h: Harness, file: FilePart, shop = h.shop): Promise<{ url: string; thumbnail_url: string; width: number; height: number }> {
  const credentials = await imageCredentials(h, shop);
  const response = await postUpload(h, [...uploadFields(credentials), ['file', file]]);
  if (response.statusCode !== 200) throw new Error(`upload refused: ${response.body}`);
  return envelope<{ url: string; thumbnail_url: string; width: number; height: number }>(response).data!;
}

/** A JPEG made here (never downloaded), optionally with an EXIF orientation and a GPS position. */
export async function testJpeg(width: number, height: number, options: { orientation?: number; gps?: boolean } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#c8553d' } }).jpeg();
  if (options.gps) image = image.withExif({ IFD0: { Make: 'PlauditTestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } });
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

export async function testPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
}

/** Bytes as served, read back through the app. */
export async function fetchMedia(h: Harness, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const path = url.replace(h.deps.config.publicUrl, '');
  return h.app.inject({ method: 'GET', url: path, headers });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/**
 * A decompression bomb: a valid greyscale PNG of `width` × `height` zero pixels, a few dozen
 * kilobytes on the wire and gigabytes of pixels once decoded if nothing stops it.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter method, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * height), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The first bytes of an MP4 (an `ftyp` box), padded to `size`: enough for the container check. */
export function testMp4(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x2a);
  Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(bytes);
  return bytes;
}

/** A WebM's EBML header, padded: a real container, but not the MP4 a ticket may have promised. */
export function testWebm(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x11);
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes);
  return bytes;
}

export interface VideoTicket {
  upload_url: string;
  method: 'PUT';
  headers: Record<string, string>;
  video_url: string;
  expire: string;
}

export async function videoTicket(h: Harness, size: number, contentType = 'video/mp4', shop = h.shop): Promise<VideoTicket> {
  const response = await h.call('GET', 'get_video_upload_url', { query: `file_name=unboxing.mp4&content_type=${encodeURIComponent(contentType)}&size=${size}` }, shop);
  if (response.statusCode !== 200) throw new Error(`video ticket refused: ${response.body}`);
  return envelope<VideoTicket>(response).data!;
}
