import type { MediaUrls } from './media-urls.js';
import type { FieldError } from '../http/errors.js';

/** One media item as stored, whichever body format it came in (docs/reference/reviews.md §5.3). */
export interface MediaInput {
  url: string;
  thumbnailUrl: string | undefined;
  type: 1 | 2;
  isPublished: 0 | 1;
  /** Where the url and thumbnail came from in the body, for error messages. */
  urlField: string;
  thumbnailField: string;
}

export interface FormatAMedia {
  images?: string[] | undefined;
  thumbnails?: string[] | undefined;
  video?: string | undefined;
  video_thumbnail?: string | undefined;
}

export interface FormatBItem {
  url: string;
  thumbnail_url?: string | undefined;
  type?: 1 | 2 | undefined;
  is_published?: 0 | 1 | undefined;
}

const MAX_IMAGES = 10;

/** Format A: images first (in order), then the video; every item published. */
export function mediaFromFormatA(media: FormatAMedia, errors: FieldError[]): MediaInput[] {
  const images = media.images ?? [];
  const thumbnails = media.thumbnails ?? [];
  if (thumbnails.length > images.length) errors.push({ field: 'media.thumbnails', reason: 'must not have more items than media.images' });
  const items: MediaInput[] = images.map((url, index) => ({
    url,
    thumbnailUrl: thumbnails[index] === '' ? undefined : thumbnails[index],
    type: 1,
    isPublished: 1,
    urlField: `media.images[${index}]`,
    thumbnailField: `media.thumbnails[${index}]`,
  }));
  if (media.video !== undefined && media.video !== '') {
    items.push({ url: media.video, thumbnailUrl: media.video_thumbnail === '' ? undefined : media.video_thumbnail, type: 2, isPublished: 1, urlField: 'media.video', thumbnailField: 'media.video_thumbnail' });
  }
  return items;
}

/** Format B: items keep their order; at most 10 images and one video. */
export function mediaFromFormatB(media: FormatBItem[], errors: FieldError[]): MediaInput[] {
  const items: MediaInput[] = media.map((item, index) => ({
    url: item.url,
    thumbnailUrl: item.thumbnail_url === '' ? undefined : item.thumbnail_url,
    type: item.type ?? 1,
    isPublished: item.is_published ?? 1,
    urlField: `media[${index}].url`,
    thumbnailField: `media[${index}].thumbnail_url`,
  }));
  if (items.filter((item) => item.type === 1).length > MAX_IMAGES) errors.push({ field: 'media', reason: 'must have at most 10 images' });
  if (items.filter((item) => item.type === 2).length > 1) errors.push({ field: 'media', reason: 'must have at most one video' });
  return items;
}

/**
 * The syntactic half of docs/reference/reviews.md §5.3: a Plaudit-hosted URL must name a key under this shop's
 * prefix. Whether the file exists and is free to attach is the ledger's question (media/attach-media.ts).
 */
export function checkHostedMedia(items: readonly MediaInput[], shopId: string, urls: MediaUrls, errors: FieldError[]): void {
  for (const item of items) {
    const slots: Array<[string, string | undefined]> = [[item.urlField, item.url], [item.thumbnailField, item.thumbnailUrl]];
    for (const [field, url] of slots) {
      const key = url === undefined ? undefined : urls.keyOf(url);
      if (key !== undefined && (!key.startsWith(`${shopId}/`) || key.split('/').includes('..'))) {
        errors.push({ field, reason: HOSTED_MEDIA_REASON });
      }
    }
  }
}

export const HOSTED_MEDIA_REASON = 'must be a file uploaded for this shop';

/** docs/reference/reviews.md §5.4: a hosted image's thumbnail is its small rendition; an external image is its own; a video has none. */
export function defaultThumbnail(item: MediaInput, urls: MediaUrls): string {
  if (item.thumbnailUrl !== undefined) return item.thumbnailUrl;
  if (item.type === 2) return '';
  const key = urls.keyOf(item.url);
  return key === undefined ? item.url : urls.urlOf(key, 'small');
}
