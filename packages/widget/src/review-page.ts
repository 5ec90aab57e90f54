import { addStarPickerKeys } from '@plaudit/review-view/view/star-picker';
import { type UploadCredentials, uploadPhoto } from './upload-photo.js';

/**
 * The hosted review page's enhancement (docs/reference/storefront.md §10): Home and End on the star
 * picker, and photo upload through shopper credentials, adding one hidden `media_tokens` input per
 * photo. The form works without it.
 */
const stars = document.querySelector<HTMLElement>('.ppick');
if (stars) addStarPickerKeys(stars);

const input = document.querySelector<HTMLInputElement>('input[data-plaudit-photos]');
const form = input?.form;
const shopId = input?.dataset.shopId;
const list = document.querySelector<HTMLElement>('[data-plaudit-photo-list]');
const status = document.querySelector<HTMLElement>('[data-plaudit-photo-status]');

async function upload(files: File[]): Promise<void> {
  if (!form || !shopId || !list || !status) return;
  status.textContent = status.dataset.uploading ?? '';
  const credentials = (await (await fetch(`/api/v1/reviews/upload_token?shop_id=${encodeURIComponent(shopId)}`)).json()) as { code: number; message: string; data: UploadCredentials };
  if (credentials.code !== 0) {
    status.textContent = credentials.message;
    return;
  }
  const room = 10 - form.querySelectorAll('input[name=media_tokens]').length;
  for (const [index, file] of files.slice(0, Math.max(0, room)).entries()) {
    let photo;
    try {
      photo = await uploadPhoto(credentials.data, file, index);
    } catch (error) {
      status.textContent = (error as Error).message;
      continue;
    }
    const hidden = Object.assign(document.createElement('input'), { type: 'hidden', name: 'media_tokens', value: photo.url });
    const thumb = Object.assign(document.createElement('img'), { src: photo.thumbnail_url, alt: file.name, width: 64, height: 64 });
    const item = document.createElement('li');
    item.append(thumb, hidden);
    list.append(item);
  }
  status.textContent = '';
}

input?.addEventListener('change', () => {
  void upload(input.files ? Array.from(input.files) : []).catch((error: unknown) => {
    if (status) status.textContent = error instanceof Error ? error.message : '';
  });
  input.value = '';
});
