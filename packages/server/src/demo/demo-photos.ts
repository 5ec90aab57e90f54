import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { claimMediaKey } from '../media/media-files.js';
import type { MediaStorage } from '../storage/media-storage.js';

/** A mug drawn in SVG and rendered to JPEG here, so the demo has photos without downloading any. */
function mugSvg(body: string, background: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="${background}"/><ellipse cx="400" cy="520" rx="220" ry="30" fill="#00000022"/><rect x="250" y="180" width="260" height="330" rx="28" fill="${body}"/><path d="M510 250 q110 10 100 110 q-10 90 -100 90" fill="none" stroke="${body}" stroke-width="34"/><ellipse cx="380" cy="182" rx="130" ry="22" fill="#ffffff55"/></svg>`;
}

const PHOTOS = [
  { name: 'mug-blue.jpg', body: '#2b5d8a', background: '#e8eef5' },
  { name: 'mug-on-desk.jpg', body: '#3f7a5a', background: '#f3efe6' },
] as const;

/** Stores the demo photos under the demo shop and answers their keys, ready to attach to reviews. */
export async function seedDemoPhotos(db: Kysely<Database>, storage: MediaStorage, shopId: string, now: number): Promise<string[]> {
  const keys: string[] = [];
  for (const photo of PHOTOS) {
    const key = `${shopId}/demo/${photo.name}`;
    const data = await sharp(Buffer.from(mugSvg(photo.body, photo.background))).jpeg({ quality: 85 }).toBuffer();
    const claimed = await claimMediaKey(db, { key, shop_id: shopId, kind: 'image', status: 'stored', content_type: 'image/jpeg', size: data.length, width: 800, height: 600, original_name: photo.name, credential: '', put_token_hash: null, put_expires_at: null, created_at: now });
    if (claimed) await storage.put(key, data, 'image/jpeg');
    keys.push(key);
  }
  return keys;
}
