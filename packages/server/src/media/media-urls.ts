import type { Config } from '../config/config.js';

export type RenditionSize = 'small' | 'large';

/** The rendition selectors of docs/reference/reviews.md §10.5, as clients written for OSS send them. */
export const RENDITION_QUERY: Record<RenditionSize, string> = {
  small: 'x-oss-process=style/trustoo_small',
  large: 'x-oss-process=style/trustoo_big',
};

/**
 * Where hosted media live on the web: the media base (`<PUBLIC_URL>/media`, or a CDN in front of
 * it) and the upload host (`<PUBLIC_URL>/media/upload`), whose `<host>/<key>` alias also names a file.
 */
export class MediaUrls {
  readonly uploadHost: string;
  private readonly bases: string[];

  constructor(readonly publicUrl: string, readonly mediaBase: string) {
    this.uploadHost = `${publicUrl}/media/upload`;
    // Longest first: the upload host lies inside the default media base.
    this.bases = [...new Set([`${this.uploadHost}/`, `${mediaBase}/`, `${publicUrl}/media/`])].sort((a, b) => b.length - a.length);
  }

  static of(config: Pick<Config, 'publicUrl' | 'mediaBaseUrl'>): MediaUrls {
    return new MediaUrls(config.publicUrl, config.mediaBaseUrl);
  }

  /** The storage key a hosted URL names (query and fragment dropped); undefined for an external URL. */
  keyOf(url: string): string | undefined {
    const base = this.bases.find((candidate) => url.startsWith(candidate));
    if (base === undefined) return undefined;
    try {
      return decodeURIComponent(url.slice(base.length).split(/[?#]/)[0] ?? '');
    } catch {
      return url.slice(base.length).split(/[?#]/)[0] ?? '';
    }
  }

  urlOf(key: string, size?: RenditionSize): string {
    const url = `${this.mediaBase}/${key}`;
    return size === undefined ? url : `${url}?${RENDITION_QUERY[size]}`;
  }
}
