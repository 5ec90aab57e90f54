import { format } from '@plaudit/review-view/languages';
import { enQuestions } from '@plaudit/review-view/messages/en-questions';
import type { QuestionMessages, ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { questionViewCss } from '@plaudit/review-view/question-view-style';
import type { QuestionsPage } from '@plaudit/review-view/storefront-question';
import { questionListView } from '@plaudit/review-view/view/question-list';
import { adoptStyles, h } from '../dom.js';
import type { Api } from '../env.js';
import type { EventQueue } from '../events.js';
import { deviceId } from '../identity.js';
import { viewRoot } from '../view-root.js';
import { openDialog, showDone } from './dialog.js';

const QUESTIONS_CSS = questionViewCss('.pv');
/** The server's own limits (storefront/ask-question.route.ts). */
const LIMITS = { content: 1_000, name: 120, email: 254 };

export interface QuestionsHost {
  element: HTMLElement;
  root: ShadowRoot;
  api: Api;
  events: EventQueue;
  show(view: Node): void;
  rendered(): void;
}

type Words = ViewMessages & QuestionMessages;

/**
 * The questions chunk: draws a product's questions with review-view's shared view, searches the
 * answers before anyone asks, takes a question in a dialog and records helpful votes.
 */
export async function mountQuestions(host: QuestionsHost): Promise<void> {
  const { api, element } = host;
  adoptStyles(host.root, QUESTIONS_CSS);
  const productId = element.getAttribute('product-id') ?? '';
  const [viewMessages, config] = await Promise.all([api.messages(element), api.config()]);
  // The loader's English leaves the questions' sentences to this chunk; every other language brings its own.
  const m: Words = { ...enQuestions, ...viewMessages };
  const pageSize = Number(element.getAttribute('page-size')) || 5;
  const state = { page: 1, keyword: '', total: -1 };

  const load = async (fresh = false): Promise<void> => {
    const data = await api.get<QuestionsPage>('/api/v1/storefront/get_product_questions', { product_id: productId, page: state.page, limit: pageSize, keyword: state.keyword || undefined }, fresh);
    if (state.keyword === '') state.total = data.page.count;
    const view = questionListView(
      { questions: data.list, count: Math.max(state.total, 0), totalPages: data.page.total_page, page: state.page, keyword: state.keyword },
      {
        messages: m,
        dateFormat: config.date_format,
        nowSeconds: Date.now() / 1000,
        showHelpful: config.helpful_votes_enabled === 1,
        canAsk: config.questions_enabled === 1,
        actions: {
          search: (keyword) => {
            state.keyword = keyword;
            state.page = 1;
            void load().then(() => host.root.querySelector<HTMLInputElement>('.pqs input')?.focus());
          },
          go: (page) => {
            state.page = page;
            void load();
          },
          ask: () => openAskForm(host, m, productId, host.root.querySelector<HTMLElement>('.pqhd .pri')),
          helpful: (target, id, button) => void vote(api, m, target, id, button),
        },
      },
    );
    host.show(viewRoot(config, m, ...view));
    host.rendered();
  };
  await load();
}

async function vote(api: Api, m: Words, target: 'question' | 'answer', id: number, button: HTMLButtonElement): Promise<void> {
  const answer = await api.post<{ helpful_count: number }>('/api/v1/storefront/question_helpful', { target, id, vote: 1, device_id: deviceId() });
  button.textContent = format(m.helpful, { n: answer.helpful_count }, m.locale);
  button.setAttribute('aria-pressed', 'true');
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'fld' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'dstatus', id: `${id}-hint` }, hint) : null);
}

/** The ask form: the question, a name shown with it and an address for the answer, never shown. */
function openAskForm(host: QuestionsHost, m: Words, productId: string, opener: HTMLElement | null): void {
  const { dialog, body } = openDialog(host.root, m.askQuestion, m.close, opener);
  const uid = `pq${Math.random().toString(36).slice(2, 8)}`;
  const content = h('textarea', { id: `${uid}-q`, name: 'content', maxlength: LIMITS.content, required: true, rows: 4 });
  const name = h('input', { id: `${uid}-n`, name: 'name', type: 'text', maxlength: LIMITS.name, required: true, autocomplete: 'name' });
  const email = h('input', { id: `${uid}-e`, name: 'email', type: 'email', maxlength: LIMITS.email, required: true, autocomplete: 'email', 'aria-describedby': `${uid}-e-hint` });
  const trap = h('input', { name: 'website', type: 'text', tabindex: -1, autocomplete: 'off', class: 'hp', 'aria-hidden': 'true' });
  const send = h('button', { type: 'submit', class: 'dbtn' }, m.sendQuestion);
  const status = h('p', { class: 'dstatus', role: 'status' });
  const form = h('form', { novalidate: true }, field(content.id, m.yourQuestion, content), field(name.id, m.name, name), field(email.id, m.email, email, m.askHint), trap, h('div', null, send), status);
  body.append(form);
  content.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const missing = [content, name, email].find((input) => input.value.trim() === '' || (input === email && !email.checkValidity()));
    for (const input of [content, name, email]) input.removeAttribute('aria-invalid');
    if (missing) {
      missing.setAttribute('aria-invalid', 'true');
      status.textContent = missing === email && email.value.trim() !== '' ? m.errorEmail : m.required;
      missing.focus();
      return;
    }
    send.disabled = true;
    status.textContent = '';
    host.api
      .post<{ status: string }>('/api/v1/storefront/ask_question', { product_id: productId, content: content.value.trim(), name: name.value.trim(), email: email.value.trim(), website: trap.value })
      .then((answer) => showDone(dialog, form, m.close, m.thanksHeading, answer.status === 'published' ? m.questionThanks : m.questionHeld))
      .catch((error: unknown) => {
        send.disabled = false;
        status.textContent = error instanceof Error ? error.message : '';
      });
  });
}
