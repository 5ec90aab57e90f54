/** Shopper upload credentials (docs/reference/storefront.md §5), the fields the upload host needs. */
export interface UploadCredentials {
  host: string;
  dir: string;
  policy: string;
  access_id: string;
  signature: string;
}

export interface UploadedPhoto {
  url: string;
  thumbnail_url: string;
}

/**
 * One photo to the upload host (docs/reference/reviews.md §10.3) with shopper credentials; `index` keeps names of
 * one batch apart. Answers the stored photo, or throws with the host's message.
 */
export async function uploadPhoto(credentials: UploadCredentials, file: File, index: number): Promise<UploadedPhoto> {
  const form = new FormData();
  form.append('key', `${credentials.dir}${index}-${file.name.replace(/[^A-Za-z0-9._-]/g, '').slice(-80) || 'photo'}`);
  form.append('policy', credentials.policy);
  form.append('OSSAccessKeyId', credentials.access_id);
  form.append('Signature', credentials.signature);
  form.append('file', file);
  const envelope = (await (await fetch(credentials.host, { method: 'POST', body: form, credentials: 'omit' })).json()) as { code: number; message: string; data?: UploadedPhoto };
  if (envelope.code !== 0 || envelope.data === undefined) throw new Error(envelope.message);
  return envelope.data;
}
