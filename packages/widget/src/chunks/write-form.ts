import { shopperFieldError } from '@plaudit/review-view/field-errors';
import { format, type Messages } from '@plaudit/review-view/messages';
import { SUBMIT_LIMITS } from '@plaudit/review-view/submit-limits';
import { h } from '../dom.js';
import type { Api } from '../env.js';
import { ApiError } from '../env.js';
import { sessionId } from '../identity.js';
import { openDialog } from './dialog.js';
import { type UploadCredentials, uploadPhoto } from '../upload-photo.js';

interface FormContext {
  api: Api;
  messages: Messages;
  productId: string;
  photos: boolean;
  onDone(status: 'published' | 'pending'): void;
}

const MAX_PHOTOS = SUBMIT_LIMITS.media;

async function uploadPhotos(api: Api, files: File[]): Promise<string[]> {
  if (files.length === 0) return [];
  const credentials = await api.get<UploadCredentials>('/api/v1/reviews/upload_token');
  const urls: string[] = [];
  for (const [index, file] of files.slice(0, MAX_PHOTOS).entries()) {
    try {
      urls.push((await uploadPhoto(credentials, file, index)).url);
    } catch (error) {
      throw new ApiError((error as Error).message, 3, [{ field: 'photos', reason: (error as Error).message }]);
    }
  }
  return urls;
}

/** What the form says after a refused submission; field errors are shown beside their fields. */
function statusAfter(error: unknown, m: Messages): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : '';
  // Contract codes (server http/errors.ts, not imported: the chunk would carry the whole table): 6 already exists, 8 rejected.
  if (error.code === 6) return m.alreadyReviewed;
  if (error.code === 8) return m.tooManyRequests;
  return error.errors.length > 0 ? '' : error.message;
}

/** The write-a-review chunk (§12.2): a labelled form in a modal dialog, errors announced and tied to their fields. */
export function openWriteForm(root: ShadowRoot, context: FormContext): void {
  const m = context.messages;
  const dialog = openDialog(root, m.writeReview, m.close, root.activeElement as HTMLElement | null);
  const uid = `pf${Math.random().toString(36).slice(2, 8)}`;
  const field = (name: string, label: string, control: HTMLElement) => {
    control.id = `${uid}-${name}`;
    return h('div', null, h('label', { for: control.id }, label), control, h('p', { class: 'err', id: `${uid}-${name}-error`, role: 'alert' }));
  };
  const stars = h(
    'fieldset',
    { id: `${uid}-rating` },
    h('legend', null, m.rating),
    ...[1, 2, 3, 4, 5].map((star) => h('label', null, h('input', { type: 'radio', name: 'rating', value: star, required: true }), ` ${star === 1 ? m.starRowOne : format(m.starsRow, { n: star })}`)),
    h('p', { class: 'err', id: `${uid}-rating-error`, role: 'alert' }),
  );
  const photos = h('input', { type: 'file', name: 'photos', accept: 'image/jpeg,image/png,image/gif,image/webp', multiple: true });
  const status = h('p', { role: 'status' });
  const form = h(
    'form',
    { novalidate: true },
    stars,
    field('title', `${m.title} ${m.optional}`, h('input', { type: 'text', name: 'title', maxlength: SUBMIT_LIMITS.title })),
    field('content', m.content, h('textarea', { name: 'content', maxlength: SUBMIT_LIMITS.content, required: true })),
    field('author', m.name, h('input', { type: 'text', name: 'author', maxlength: SUBMIT_LIMITS.author, required: true, autocomplete: 'name' })),
    field('email', m.email, h('input', { type: 'email', name: 'email', maxlength: SUBMIT_LIMITS.email, required: true, autocomplete: 'email' })),
    context.photos && field('photos', m.addPhotos, photos),
    h('div', { class: 'hp', 'aria-hidden': 'true' }, h('input', { type: 'text', name: 'website', tabindex: -1, autocomplete: 'off' })),
    h('button', { type: 'submit' }, m.submit),
    status,
  );
  dialog.append(h('h2', null, m.writeReview), form);

  const showErrors = (errors: Array<{ field: string; reason: string }>) => {
    for (const element of form.querySelectorAll('.err')) element.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    let first: HTMLElement | null = null;
    for (const { field: name, reason } of errors) {
      const key = name.startsWith('media_tokens') ? 'photos' : name;
      const message = form.querySelector<HTMLElement>(`#${uid}-${key}-error`);
      const control = key === 'rating' ? form.querySelector<HTMLElement>('input[name=rating]') : form.querySelector<HTMLElement>(`#${uid}-${key}`);
      if (message) message.textContent = reason;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${uid}-${key}-error`);
        first ??= control;
      }
    }
    first?.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const missing = ['rating', 'content', 'author', 'email'].filter((name) => value(name) === '').map((name) => ({ field: name, reason: m.required }));
    if (missing.length > 0) return showErrors(missing);
    status.textContent = m.uploading;
    void (async () => {
      try {
        const mediaTokens = await uploadPhotos(context.api, photos.files ? Array.from(photos.files) : []);
        const answer = await context.api.post<{ status: 'published' | 'pending' }>('/api/v1/reviews/submit', {
          product_id: context.productId,
          rating: Number(value('rating')),
          title: value('title'),
          content: value('content'),
          author: value('author'),
          email: value('email'),
          website: value('website'),
          media_tokens: mediaTokens,
          session_id: sessionId(),
        });
        form.replaceChildren(h('p', { role: 'status' }, answer.status === 'published' ? m.thanks : m.thanksPending));
        context.onDone(answer.status);
      } catch (error) {
        status.textContent = statusAfter(error, m);
        // The API explains refusals in English for developers; the shopper reads them in the page's language.
        if (error instanceof ApiError) showErrors(error.errors.map(({ field: name, reason }) => ({ field: name, reason: shopperFieldError(name, reason, value(name), m) })));
      }
    })();
  });
  (form.querySelector('input[name=rating]') as HTMLInputElement).focus();
}
