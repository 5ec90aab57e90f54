import { format } from '../languages.js';
import type { QuestionMessages, ViewMessages } from '../messages/messages-type.js';
import { formatReviewDate, type DateFormat } from '../review-date.js';
import type { StorefrontAnswer, StorefrontQuestion } from '../storefront-question.js';
import { el, type ViewChild, type ViewElement } from './node.js';
import { pagerView } from './pager.js';

/** What the shopper can do in the questions element; the server's fragment has none. */
export interface QuestionActions {
  search(keyword: string): void;
  ask(): void;
  go(page: number): void;
  helpful(target: 'question' | 'answer', id: number, button: HTMLButtonElement): void;
}

export interface QuestionContext {
  messages: ViewMessages & QuestionMessages;
  dateFormat: DateFormat;
  nowSeconds: number;
  showHelpful: boolean;
  /** The ask button shows when the shop takes questions. */
  canAsk: boolean;
  actions?: QuestionActions;
}

export interface QuestionListPage {
  questions: readonly StorefrontQuestion[];
  /** All shown questions of the product (without a search), for the heading's count. */
  count: number;
  totalPages: number;
  page: number;
  /** The search the list answers, '' for none. */
  keyword: string;
}

const dateOf = (at: string, c: QuestionContext) => el('time', { class: 'pm', datetime: at.slice(0, 10) }, formatReviewDate(at, c.dateFormat, c.messages.locale, c.nowSeconds));

function helpfulView(target: 'question' | 'answer', id: number, count: number, c: QuestionContext): ViewChild {
  if (!c.showHelpful) return null;
  const label = format(c.messages.helpful, { n: count }, c.messages.locale);
  const actions = c.actions;
  return actions
    ? el('button', { type: 'button', class: 'pbtn sm', 'aria-pressed': 'false', onclick: (event: Event) => actions.helpful(target, id, event.currentTarget as HTMLButtonElement) }, label)
    : el('span', { class: 'pbtn sm', 'aria-disabled': 'true' }, label);
}

function answerView(answer: StorefrontAnswer, c: QuestionContext): ViewElement {
  const m = c.messages;
  const badge = answer.badge === 'store' ? el('span', { class: 'pbadge pqstore' }, m.storeBadge) : answer.badge === 'buyer' ? el('span', { class: 'pbadge' }, el('span', { 'aria-hidden': 'true' }, '✓'), m.verifiedBuyer) : null;
  return el(
    'li',
    { class: 'pqa1' },
    el('p', { class: 'pqtx' }, el('span', { class: 'pqk', 'aria-hidden': 'true' }, 'A'), el('span', { class: 'pvh' }, `${m.answerLabel}: `), answer.content),
    el('p', { class: 'pqby' }, el('strong', null, answer.author || m.anonymous), badge, dateOf(answer.answered_at, c), helpfulView('answer', answer.id, answer.helpful_count, c)),
  );
}

function questionView(question: StorefrontQuestion, c: QuestionContext): ViewElement {
  const m = c.messages;
  return el(
    'li',
    { class: 'pq', id: `plaudit-question-${question.id}` },
    el('h3', { class: 'pqtx' }, el('span', { class: 'pqk', 'aria-hidden': 'true' }, 'Q'), el('span', { class: 'pvh' }, `${m.questionLabel}: `), question.content),
    el('p', { class: 'pqby pm' }, format(m.askedBy, { name: question.author || m.anonymous }), dateOf(question.asked_at, c)),
    el('ol', { class: 'pqas' }, question.answers.map((answer) => answerView(answer, c))),
  );
}

/** The search row: a search box in the widget, its reserved height in the fragment (so hydration moves nothing). */
function searchView(page: QuestionListPage, c: QuestionContext): ViewElement {
  const m = c.messages;
  const actions = c.actions;
  if (!actions) return el('div', { class: 'pqs' });
  return el(
    'form',
    { class: 'pqs', role: 'search', onsubmit: (event: Event) => { event.preventDefault(); actions.search(((event.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim()); } },
    el('input', { type: 'search', name: 'q', value: page.keyword, maxlength: 100, placeholder: m.searchPlaceholder, 'aria-label': m.searchQuestions, enterkeyhint: 'search' }),
    el('button', { type: 'submit', class: 'pbtn' }, m.search),
  );
}

/**
 * Questions and answers of a product (docs/reference/questions.md §8): the heading with the count
 * and the ask button, the search row, the answered questions with their answers and badges, and the
 * pager. Drawn as DOM by the widget's questions chunk and as HTML by the server's fragment.
 */
export function questionListView(page: QuestionListPage, c: QuestionContext): ViewChild[] {
  const m = c.messages;
  const actions = c.actions;
  const ask = c.canAsk && actions ? el('button', { type: 'button', class: 'pbtn pri', onclick: actions.ask }, m.askQuestion) : c.canAsk ? el('span', { class: 'pqaskr' }) : null;
  const empty = page.keyword !== '' ? m.noMatches : m.noQuestions;
  return [
    el('div', { class: 'pqhd' }, el('h2', { class: 'pqtt' }, m.questionsTitle, ' ', el('span', { class: 'pm' }, format(m.questionsCount, { n: page.count }, m.locale))), ask),
    searchView(page, c),
    page.questions.length === 0 ? el('p', { class: 'pqempty pm', role: 'status' }, empty) : el('ol', { class: 'pql' }, page.questions.map((question) => questionView(question, c))),
    pagerView(page.page, page.totalPages, m, actions && ((to) => actions.go(to))),
  ];
}
