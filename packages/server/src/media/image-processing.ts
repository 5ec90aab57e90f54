import sharp, { type Sharp } from 'sharp';
import type { ImageType } from './file-signatures.js';

/** docs/reference/reviews.md §10.4: more pixels than this (all frames together) is refused as a decompression bomb. */
export const MAX_PIXELS = 40_000_000;

export const RENDITION_MAX_SIDE = { small: 400, large: 1600 } as const;

export class ImageRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ImageRefusedError';
  }
}

const ANIMATED: ReadonlySet<ImageType> = new Set(['image/gif', 'image/webp']);

function open(bytes: Buffer, type: ImageType): Sharp {
  return sharp(bytes, { animated: ANIMATED.has(type), limitInputPixels: MAX_PIXELS, failOn: 'error' });
}

/** Re-encodes in the detected format. sharp writes no EXIF, XMP or IPTC unless asked to. */
function encodeAs(pipeline: Sharp, type: ImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90 });
    case 'image/png':
      return pipeline.png();
    case 'image/gif':
      return pipeline.gif();
    case 'image/webp':
      return pipeline.webp({ quality: 90 });
  }
}

/**
 * Makes an uploaded image safe to publish: the pixel budget is checked from the header before any
 * decoding, the EXIF orientation is applied to the pixels, and the file is re-encoded without
 * metadata (shoppers' photos carry GPS positions). Answers the stored bytes and their pixel size.
 */
export async function normalizeImage(bytes: Buffer, type: ImageType): Promise<{ data: Buffer; width: number; height: number }> {
  let metadata;
  try {
    metadata = await sharp(bytes, { animated: ANIMATED.has(type), limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefusedError('is not a decodable image');
  }
  const frameHeight = metadata.pageHeight ?? metadata.height ?? 0;
  const frames = metadata.pages ?? 1;
  const width = metadata.width ?? 0;
  if (width === 0 || frameHeight === 0) throw new ImageRefusedError('is not a decodable image');
  if (width * frameHeight * frames > MAX_PIXELS) throw new ImageRefusedError(`has more than ${MAX_PIXELS.toLocaleString('en')} pixels`);
  try {
    // rotate() without an angle applies the EXIF orientation; animations carry none.
    const oriented = frames > 1 ? open(bytes, type) : open(bytes, type).rotate();
    const { data, info } = await encodeAs(oriented, type).toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.pageHeight ?? info.height };
  } catch {
    throw new ImageRefusedError('is not a decodable image');
  }
}

/** A rendition scaled to fit `maxSide` × `maxSide`, never enlarged, in the original's format (animations stay animated). */
export async function renderRendition(original: Buffer, type: ImageType, maxSide: number): Promise<Buffer> {
  return encodeAs(open(original, type).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }), type).toBuffer();
}
