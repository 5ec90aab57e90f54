export {};

/**
 * The hosted review page's enhancement (storefront.md §10): photo upload through shopper
 * credentials, adding one hidden `media_tokens` input per photo. The form works without it.
 */
const input = document.querySelector<HTMLInputElement>('input[data-plaudit-photos]');
const form = input?.form;
const shopId = input?.dataset.shopId;
const list = document.querySelector<HTMLElement>('[data-plaudit-photo-list]');
const status = document.querySelector<HTMLElement>('[data-plaudit-photo-status]');

async function upload(files: File[]): Promise<void> {
  if (!form || !shopId || !list || !status) return;
  status.textContent = status.dataset.uploading ?? '';
  const credentials = (await (await fetch(`/api/v1/reviews/upload_token?shop_id=${encodeURIComponent(shopId)}`)).json()) as { code: number; message: string; data: Record<string, string> };
  if (credentials.code !== 0) {
    status.textContent = credentials.message;
    return;
  }
  const c = credentials.data;
  const room = 10 - form.querySelectorAll('input[name=media_tokens]').length;
  for (const [index, file] of files.slice(0, Math.max(0, room)).entries()) {
    const body = new FormData();
    body.append('key', `${c.dir}${index}-${file.name.replace(/[^A-Za-z0-9._-]/g, '').slice(-80) || 'photo'}`);
    body.append('policy', c.policy!);
    body.append('OSSAccessKeyId', c.access_id!);
    body.append('Signature', c.signature!);
    body.append('file', file);
    const answer = (await (await fetch(c.host!, { method: 'POST', body })).json()) as { code: number; message: string; data?: { url: string; thumbnail_url: string } };
    if (answer.code !== 0 || !answer.data) {
      status.textContent = answer.message;
      continue;
    }
    const hidden = Object.assign(document.createElement('input'), { type: 'hidden', name: 'media_tokens', value: answer.data.url });
    const thumb = Object.assign(document.createElement('img'), { src: answer.data.thumbnail_url, alt: file.name, width: 64, height: 64 });
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
