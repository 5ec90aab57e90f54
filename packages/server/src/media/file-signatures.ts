/** The image formats Plaudit stores (docs/reference/reviews.md §10.4); SVG is deliberately absent: it can carry script. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
export type VideoType = 'video/mp4' | 'video/quicktime' | 'video/webm';

export const VIDEO_EXTENSIONS: Record<VideoType, string> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' };

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Buffer, offset: number, text: string): boolean {
  return bytes.subarray(offset, offset + text.length).toString('latin1') === text;
}

/** The image type by magic bytes, never by the declared type or the file name. */
export function sniffImageType(bytes: Buffer): ImageType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  return undefined;
}

/** docs/reference/reviews.md §11.2: MP4 and QuickTime by `ftyp` at offset 4 (QuickTime also older atoms), WebM by its EBML header. */
export function videoContainerMatches(type: VideoType, bytes: Buffer): boolean {
  switch (type) {
    case 'video/mp4':
      return ascii(bytes, 4, 'ftyp');
    case 'video/quicktime':
      return ['ftyp', 'moov', 'mdat', 'wide', 'free'].some((atom) => ascii(bytes, 4, atom));
    case 'video/webm':
      return startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]);
  }
}

export function isVideoType(value: string): value is VideoType {
  return value in VIDEO_EXTENSIONS;
}
