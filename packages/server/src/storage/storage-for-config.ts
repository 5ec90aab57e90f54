import type { StorageTarget } from '../config/config.js';
import { LocalStorage } from './local-storage.js';
import type { MediaStorage } from './media-storage.js';
import { S3Storage } from './s3-storage.js';

export function storageFor(target: StorageTarget): MediaStorage {
  return target.kind === 'local' ? new LocalStorage(target.directory) : new S3Storage(target);
}
