import { shopperFieldError } from '@plaudit/review-view/field-errors';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { SUBMIT_LIMITS } from '@plaudit/review-view/submit-limits';
import { addStarPickerKeys, starPickerCss, starPickerView } from '@plaudit/review-view/view/star-picker';
import { h, toDom } from '../dom.js';
import type { Api } from '../env.js';
import { ApiError } from '../env.js';
import { sessionId } from '../identity.js';
import { openDialog, showDone } from './dialog.js';
import { type UploadCredentials, uploadPhoto } from '../upload-photo.js';

/** The write form's own dialog rules: the star picker, the photo picker and its thumbnails. */
const WRITE_FORM_CSS =
  starPickerCss('dialog') +
  'dialog .pick{position:relative;display:flex;align-items:center;justify-content:center;gap:8px;min-height:64px;padding:12px;border:1.5px dashed var(--plaudit-input-border-color,#6b7280);border-radius:var(--prd);color:var(--pmu);cursor:pointer;text-align:center}' +
  'dialog .pick:focus-within{outline:2px solid var(--pac);outline-offset:2px}' +
  'dialog .pick input{position:absolute;inset:0;opacity:0;cursor:pointer;width:100%}' +
  'dialog .thumbs{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}dialog .thumbs:empty{display:none}' +
  'dialog .thumbs li{position:relative;width:72px;height:72px}dialog .thumbs img{width:72px;height:72px;object-fit:cover;border-radius:6px;display:block}' +
  'dialog .thumbs button{position:absolute;top:-8px;inset-inline-end:-8px;width:26px;height:26px;padding:0;border:2px solid #fff;border-radius:50%;background:#1f2937;color:#fff;font-size:.875rem;line-height:1;cursor:pointer}';

interface FormContext {
  api: Api;
  messages: ViewMessages;
  productId: string;
  photos: boolean;
  /** Called when the dialog closes after a successful submission. */
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
function statusAfter(error: unknown, m: ViewMessages): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : '';
  // Contract codes (server http/errors.ts, not imported: the chunk would carry the whole table): 6 already exists, 8 rejected.
  if (error.code === 6) return m.alreadyReviewed;
  if (error.code === 8) return m.tooManyRequests;
  return error.errors.length > 0 ? '' : error.message;
}

/**
 * The photos the shopper picked, shown as previews with a remove button each; the file input only
 * adds to the list, so choosing twice adds rather than replaces. Previews are object URLs, revoked
 * on removal and when the dialog closes.
 */
function photoPicker(m: ViewMessages, id: string) {
  const chosen: Array<{ file: File; url: string }> = [];
  const input = h('input', { type: 'file', id, accept: 'image/jpeg,image/png,image/gif,image/webp', multiple: true });
  const list = h('ul', { class: 'thumbs', 'aria-label': m.photos });
  const render = () =>
    list.replaceChildren(
      ...chosen.map((photo, index) =>
        h(
          'li',
          null,
          h('img', { src: photo.url, alt: photo.file.name }),
          h('button', { type: 'button', 'aria-label': `${m.removePhoto}: ${photo.file.name}`, onclick: () => { URL.revokeObjectURL(photo.url); chosen.splice(index, 1); render(); input.focus(); } }, '×'),
        ),
      ),
    );
  input.addEventListener('change', () => {
    for (const file of Array.from(input.files ?? []).slice(0, MAX_PHOTOS - chosen.length)) chosen.push({ file, url: URL.createObjectURL(file) });
    input.value = '';
    render();
  });
  const release = () => chosen.forEach((photo) => URL.revokeObjectURL(photo.url));
  return { input, list, files: () => chosen.map((photo) => photo.file), release };
}

/** The write-a-review chunk (§12.2): a labelled form in a modal dialog, errors announced and tied to their fields. */
export function openWriteForm(root: ShadowRoot, context: FormContext): void {
  const m = context.messages;
  let releasePhotos = () => {};
  let outcome: 'published' | 'pending' | undefined;
  // The page shows the new review once the dialog closes: the shopper's own action, so nothing moves unasked (CLS).
  const { dialog, body } = openDialog(root, m.writeReview, m.close, root.activeElement as HTMLElement | null, () => {
    releasePhotos();
    if (outcome !== undefined) context.onDone(outcome);
  }, WRITE_FORM_CSS);
  const uid = `pf${Math.random().toString(36).slice(2, 8)}`;
  const errorOf = (name: string) => h('p', { class: 'err', id: `${uid}-${name}-error` });
  const field = (name: string, label: string, control: HTMLElement, optional = false) => {
    control.id = `${uid}-${name}`;
    return h('div', { class: 'fld' }, h('label', { for: control.id }, label, optional && h('span', { class: 'opt' }, ` ${m.optional}`)), control, errorOf(name));
  };
  const picker = toDom(starPickerView(m, { idPrefix: `${uid}-rating` })) as HTMLElement;
  addStarPickerKeys(picker);
  const photos = photoPicker(m, `${uid}-photos`);
  releasePhotos = photos.release;
  const submit = h('button', { type: 'submit', class: 'dbtn' }, m.submit);
  const status = h('p', { class: 'dstatus', role: 'status' });
  const form = h(
    'form',
    { novalidate: true },
    h('div', { class: 'fld' }, picker, errorOf('rating')),
    field('title', m.title, h('input', { type: 'text', name: 'title', maxlength: SUBMIT_LIMITS.title }), true),
    field('content', m.content, h('textarea', { name: 'content', maxlength: SUBMIT_LIMITS.content, required: true })),
    field('author', m.name, h('input', { type: 'text', name: 'author', maxlength: SUBMIT_LIMITS.author, required: true, autocomplete: 'name' })),
    field('email', m.email, h('input', { type: 'email', name: 'email', maxlength: SUBMIT_LIMITS.email, required: true, autocomplete: 'email' })),
    context.photos && h('div', { class: 'fld' }, h('label', { for: photos.input.id }, m.addPhotos), h('div', { class: 'pick' }, h('span', { 'aria-hidden': 'true' }, '+'), h('span', null, m.photos), photos.input), photos.list, errorOf('photos')),
    h('div', { class: 'hp', 'aria-hidden': 'true' }, h('input', { type: 'text', name: 'website', tabindex: -1, autocomplete: 'off' })),
    h('div', null, submit),
    status,
  );
  body.append(form);

  const showErrors = (errors: Array<{ field: string; reason: string }>) => {
    for (const element of form.querySelectorAll('.err')) element.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    let first: HTMLElement | null = null;
    for (const { field: name, reason } of errors) {
      const key = name.startsWith('media_tokens') ? 'photos' : name;
      const message = form.querySelector<HTMLElement>(`#${uid}-${key}-error`);
      const controls = key === 'rating' ? Array.from(form.querySelectorAll<HTMLElement>('input[name=rating]')) : [form.querySelector<HTMLElement>(`#${uid}-${key}`)];
      if (message) message.textContent = reason;
      for (const control of controls) {
        if (!control) continue;
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${uid}-${key}-error`);
        first ??= control;
      }
    }
    first?.focus();
  };

  const finish = (status: 'published' | 'pending') => {
    outcome = status;
    showDone(dialog, form, m.close, m.thanksHeading, status === 'published' ? m.reviewPublished : m.reviewPending);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const missing = ['rating', 'content', 'author', 'email'].filter((name) => value(name) === '').map((name) => ({ field: name, reason: name === 'rating' ? m.errorRating : m.required }));
    if (missing.length > 0) return showErrors(missing);
    showErrors([]);
    status.textContent = m.uploading;
    submit.disabled = true;
    void (async () => {
      try {
        const mediaTokens = await uploadPhotos(context.api, photos.files());
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
        finish(answer.status);
      } catch (error) {
        submit.disabled = false;
        status.textContent = statusAfter(error, m);
        // The API explains refusals in English for developers; the shopper reads them in the page's language.
        if (error instanceof ApiError) showErrors(error.errors.map(({ field: name, reason }) => ({ field: name, reason: shopperFieldError(name, reason, value(name), m) })));
      }
    })();
  });
  (form.querySelector('input[name=rating]') as HTMLInputElement).focus();
}
