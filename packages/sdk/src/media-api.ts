import type { PlauditClient } from './client.js';
import { readEnvelope } from './envelope.js';
import { PlauditError } from './errors.js';
import type { GetImageUploadPolicyTokenData, GetVideoUploadUrlData, GetVideoUploadUrlQuery } from './generated/api-types.js';

/** What the upload host answers for a stored image (docs/reference/reviews.md §10.3). */
export interface UploadedImage {
  url: string;
  thumbnail_url: string;
  width: number;
  height: number;
}

export interface ImageFile {
  /** The bytes: a Blob/File in browsers, a Uint8Array (or Buffer) in Node. */
  data: Blob | Uint8Array;
  /** The file name, used as the key's last part (reduced to A–Z a–z 0–9 . _ -). */
  name: string;
  /** Declared type; the server trusts only the bytes. */
  type?: string;
}

/**
 * Media uploads (docs/reference/reviews.md §10–11): credentials from the API, then the bytes straight to the
 * upload host, which needs no Plaudit credentials. Put the answers' URLs into `reviews.create`.
 */
export class MediaApi {
  constructor(
    private readonly client: PlauditClient,
    private readonly fetchImpl: typeof fetch,
  ) {}

  /** Fresh post-policy credentials, valid 30 minutes for any number of images. */
  imageUploadCredentials(): Promise<GetImageUploadPolicyTokenData> {
    return this.client.call('get_image_upload_policy_token', {});
  }

  /** Uploads one image with credentials (fetched when not given), as the multipart form of §10.3. */
  async uploadImage(file: ImageFile, credentials?: GetImageUploadPolicyTokenData): Promise<UploadedImage> {
    const c = credentials ?? (await this.imageUploadCredentials());
    const form = new FormData();
    form.append('key', `${c.dir}${file.name.replace(/[^A-Za-z0-9._-]/g, '') || 'image'}`);
    form.append('policy', c.policy);
    form.append('OSSAccessKeyId', c.access_id);
    form.append('Signature', c.signature);
    if (file.type !== undefined) form.append('Content-Type', file.type);
    const blob = file.data instanceof Blob ? file.data : new Blob([file.data as BlobPart], file.type === undefined ? {} : { type: file.type });
    // The file goes last: the host ignores fields after it.
    form.append('file', blob, file.name);
    return (await readEnvelope(await this.fetchImpl(c.host, { method: 'POST', body: form }))) as UploadedImage;
  }

  /** A single-use PUT URL for one video of exactly `size` bytes. */
  videoUploadUrl(query: GetVideoUploadUrlQuery): Promise<GetVideoUploadUrlData> {
    return this.client.call('get_video_upload_url', query);
  }

  /** Gets a video URL, PUTs the bytes there (Plaudit or S3), and answers the `video_url` to use in a review. */
  async uploadVideo(video: { data: Blob | Uint8Array; name: string; contentType: GetVideoUploadUrlQuery['content_type'] }): Promise<string> {
    const size = video.data instanceof Blob ? video.data.size : video.data.byteLength;
    const ticket = await this.videoUploadUrl({ file_name: video.name, content_type: video.contentType, size });
    const body = video.data instanceof Blob ? video.data : new Blob([video.data as BlobPart]);
    const response = await this.fetchImpl(ticket.upload_url, { method: ticket.method, headers: ticket.headers, body });
    // A Plaudit URL answers the envelope; S3 answers 200 with an empty body.
    if (response.headers.get('content-type')?.includes('application/json')) await readEnvelope(response);
    else if (!response.ok) throw new PlauditError(`video upload refused by storage with HTTP ${response.status}`, -1, response.status, undefined);
    return ticket.video_url;
  }
}
