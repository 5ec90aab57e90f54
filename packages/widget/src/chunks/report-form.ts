import { enReportDialog } from '@plaudit/review-view/messages/en-report-dialog';
import type { ReportDialogMessages, ViewMessages } from '@plaudit/review-view/messages/messages-type';
import { h } from '../dom.js';
import type { Api } from '../env.js';
import { deviceId } from '../identity.js';
import { openDialog, showDone } from './dialog.js';

/** The reasons of `report_review` (docs/reference/storefront.md §6.1), as the shopper reads them. */
const REASONS = [
  ['spam', 'reportSpam'],
  ['offensive', 'reportOffensive'],
  ['not_a_buyer', 'reportNotBuyer'],
  ['personal_data', 'reportPersonal'],
  ['other', 'reportOther'],
] as const satisfies ReadonlyArray<readonly [string, keyof ReportDialogMessages]>;

/** The report's own dialog rules: the reasons as a list of radio choices. */
const REPORT_CSS =
  'dialog .rset{margin:0;padding:0;border:0}dialog .rset legend{padding:0;margin-bottom:6px;font-weight:600;font-size:.9375rem}' +
  'dialog .rchoice{display:flex;align-items:center;gap:10px;min-height:40px;font-weight:400;cursor:pointer}dialog .rchoice input{width:18px;height:18px;margin:0;accent-color:var(--pac)}';

/** The server's own limit on a report's text (storefront/report.route.ts). */
const TEXT_LIMIT = 500;

/**
 * The report chunk: why the review is wrong, in one of five words, and an optional note, in a
 * modal dialog. Nothing about the shopper is sent besides the widget's random device id.
 */
export function openReportForm(root: ShadowRoot, api: Api, messages: ViewMessages, reviewId: number, opener: HTMLElement): void {
  // The loader's English leaves the dialog's sentences to this chunk; every other language brings its own.
  const m: ViewMessages & ReportDialogMessages = { ...enReportDialog, ...messages };
  const { dialog, body } = openDialog(root, m.reportTitle, m.close, opener, undefined, REPORT_CSS);
  const uid = `pr${Math.random().toString(36).slice(2, 8)}`;
  const choices = REASONS.map(([value, label], index) =>
    h('label', { class: 'rchoice' }, h('input', { type: 'radio', name: 'reason', value, required: true, ...(index === 0 ? { checked: true } : {}) }), m[label]),
  );
  const text = h('textarea', { id: `${uid}-text`, name: 'text', maxlength: TEXT_LIMIT, rows: 3 });
  const send = h('button', { type: 'submit', class: 'dbtn' }, m.reportSend);
  const status = h('p', { class: 'dstatus', role: 'status' });
  const form = h(
    'form',
    null,
    h('fieldset', { class: 'fld rset' }, h('legend', null, m.reportWhy), ...choices),
    h('div', { class: 'fld' }, h('label', { for: text.id }, m.reportDetails, h('span', { class: 'opt' }, ` ${m.optional}`)), text),
    h('div', null, send),
    status,
  );
  body.append(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = (form.querySelector<HTMLInputElement>('input[name=reason]:checked') ?? form.querySelector<HTMLInputElement>('input[name=reason]'))!.value;
    send.disabled = true;
    status.textContent = '';
    api
      .post('/api/v1/storefront/report_review', { review_id: reviewId, reason, device_id: deviceId(), ...(text.value.trim() === '' ? {} : { text: text.value.trim() }) })
      .then(() => showDone(dialog, form, m.close, null, m.reportThanks))
      .catch((error: unknown) => {
        send.disabled = false;
        // The server's own sentence (a limit reached, a review no longer shown): rare enough not to translate.
        status.textContent = error instanceof Error ? error.message : '';
      });
  });
}
