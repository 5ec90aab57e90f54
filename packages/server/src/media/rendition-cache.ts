import type { ImageType } from './file-signatures.js';
import { RENDITION_MAX_SIDE, renderRendition } from './image-processing.js';
import type { MediaStorage } from '../storage/media-storage.js';
import type { RenditionSize } from './media-urls.js';

/**
 * Renditions are made once, on first request, and kept in storage beside the originals under a
 * prefix no shop key can have (keys start with a shop id). Concurrent first requests in one process
 * share one rendering; two processes racing write the same bytes, which is harmless.
 */
export class RenditionCache {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly storage: MediaStorage) {}

  static keyOf(key: string, size: RenditionSize): string {
    return `_renditions/${size}/${key}`;
  }

  /** Makes the rendition unless it exists (another process may have made it meanwhile). */
  async ensure(key: string, type: ImageType, size: RenditionSize): Promise<void> {
    const renditionKey = RenditionCache.keyOf(key, size);
    const running = this.inFlight.get(renditionKey);
    if (running) return running;
    const work = this.render(key, renditionKey, type, size).finally(() => this.inFlight.delete(renditionKey));
    this.inFlight.set(renditionKey, work);
    return work;
  }

  private async render(key: string, renditionKey: string, type: ImageType, size: RenditionSize): Promise<void> {
    if (await this.storage.head(renditionKey)) return;
    const original = await this.storage.read(key);
    if (original === undefined) return;
    const chunks: Buffer[] = [];
    for await (const chunk of original.body) chunks.push(chunk as Buffer);
    await this.storage.put(renditionKey, await renderRendition(Buffer.concat(chunks), type, RENDITION_MAX_SIDE[size]), type);
  }

  /** Removes the renditions of a deleted original. */
  async forget(key: string): Promise<void> {
    await Promise.all((['small', 'large'] as const).map((size) => this.storage.delete(RenditionCache.keyOf(key, size))));
  }
}
