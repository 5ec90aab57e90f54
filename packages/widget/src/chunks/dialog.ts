import { themeCss } from '@plaudit/review-view/review-view-style';
import { adoptStyles, h } from '../dom.js';

/**
 * The dialogs' look: a sheet of the widget's colours, fitted to the screen, controls at full width
 * on phones. What only one chunk's dialog needs (the star picker, photos, the lightbox's stage,
 * the report's choices) comes with that chunk as `extraCss`, so no chunk carries another's rules.
 */
const DIALOG_CSS =
  themeCss('dialog') +
  'dialog{box-sizing:border-box;width:min(100vw - 24px,560px);max-height:calc(100dvh - 24px);padding:0;border:0;border-radius:calc(var(--prd) + 4px);color:var(--pt);background:var(--pdl);font-family:var(--plaudit-font-family,inherit);line-height:1.5;box-shadow:0 20px 50px rgb(0 0 0/.3);overflow:auto}' +
  'dialog *,dialog *::before,dialog *::after{box-sizing:border-box}' +
  'dialog::backdrop{background:rgb(17 24 39/.6)}' +
  'dialog .dhead{position:sticky;top:0;z-index:1;display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 16px 14px 20px;background:inherit;border-bottom:1px solid var(--pln)}' +
  'dialog h2{margin:0;font-size:1.125rem;font-weight:600}' +
  'dialog .dbody{padding:16px 20px 20px}' +
  'dialog .dx{width:36px;height:36px;padding:0;border:0;border-radius:50%;background:transparent;color:inherit;font:inherit;font-size:1.5rem;line-height:1;cursor:pointer}dialog .dx:hover{background:var(--psf)}' +
  'dialog form{display:grid;gap:14px}' +
  'dialog .fld{display:grid;gap:4px;min-width:0}' +
  'dialog .fld>label{font-weight:600;font-size:.9375rem}' +
  'dialog .opt{font-weight:400;color:var(--pmu)}' +
  'dialog input[type=text],dialog input[type=email],dialog textarea{width:100%;min-width:0;padding:10px 12px;font:inherit;color:inherit;background:transparent;border:1px solid var(--plaudit-input-border-color,#6b7280);border-radius:var(--prd)}' +
  'dialog input:focus-visible,dialog textarea:focus-visible,dialog button:focus-visible{outline:2px solid var(--pac);outline-offset:2px}' +
  'dialog [aria-invalid=true]{border-color:#b91c1c}' +
  'dialog textarea{min-height:7.5em;resize:vertical}' +
  'dialog .err{margin:0;color:#b91c1c;font-size:.875rem}dialog .err:empty{display:none}' +
  'dialog .hp{position:absolute;left:-9999px}' +
  'dialog .dbtn{display:inline-flex;align-items:center;justify-content:center;height:44px;padding:0 20px;font:inherit;font-weight:600;border-radius:var(--prd);cursor:pointer;border:1px solid var(--pac);background:var(--pac);color:var(--pon)}' +
  'dialog .dbtn:disabled{opacity:.6;cursor:progress}' +
  'dialog .dstatus{margin:0;font-size:.875rem;color:var(--pmu)}dialog .dstatus:empty{display:none}' +
  'dialog .done{display:grid;justify-items:center;gap:8px;padding:16px 0 4px;text-align:center}' +
  // A thank-you fills the height the form had (showDone), its content in the middle.
  'dialog[open][data-done]{display:flex;flex-direction:column}dialog[data-done] .dbody{flex:1;display:grid;align-content:center}' +
  'dialog .done .tick{display:grid;place-items:center;width:56px;height:56px;border-radius:50%;background:color-mix(in srgb,var(--pok) 16%,transparent);color:var(--pok);font-size:1.75rem}' +
  'dialog .done h3{margin:4px 0 0;font-size:1.25rem}dialog .done p{margin:0}dialog .done .dbtn{margin-top:12px}' +
  '@media (max-width:480px){dialog{width:100vw;max-width:100vw;max-height:100dvh;margin:auto 0 0;border-radius:16px 16px 0 0}dialog .dbtn[type=submit]{width:100%}}';

/** The sheets each root has adopted: the dialogs' own, and each chunk's additions, once. */
const adopted = new WeakMap<ShadowRoot, Set<string>>();

function adoptOnce(root: ShadowRoot, css: string): void {
  const sheets = adopted.get(root) ?? new Set<string>();
  adopted.set(root, sheets);
  if (sheets.has(css)) return;
  adoptStyles(root, css);
  sheets.add(css);
}

/**
 * A modal `<dialog>` in the element's shadow root, titled and with a close button: the browser
 * keeps focus inside and closes it on Escape; on close focus goes back to the control that opened
 * it (§12.7), and the dialog is removed. Its body is returned for the caller to fill.
 */
export function openDialog(root: ShadowRoot, label: string, closeLabel: string, opener: HTMLElement | null, onClose?: () => void, extraCss = ''): { dialog: HTMLDialogElement; body: HTMLElement } {
  const dialog = h('dialog', { 'aria-labelledby': 'pdlg-title' });
  const theme = root.querySelector('.pv')?.getAttribute('data-theme');
  if (theme) dialog.setAttribute('data-theme', theme);
  const direction = root.querySelector('.pv')?.getAttribute('dir');
  if (direction) dialog.setAttribute('dir', direction);
  adoptOnce(root, DIALOG_CSS);
  if (extraCss !== '') adoptOnce(root, extraCss);
  const body = h('div', { class: 'dbody' });
  dialog.append(h('div', { class: 'dhead' }, h('h2', { id: 'pdlg-title' }, label), h('button', { type: 'button', class: 'dx', 'aria-label': closeLabel, onclick: () => dialog.close() }, '×')), body);
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
    opener?.focus();
  });
  root.appendChild(dialog);
  dialog.showModal();
  return { dialog, body };
}

/**
 * Puts a form's thank-you (a tick, an optional heading, a sentence and a Close button, which gets
 * focus) in place of `replaced`. The dialog keeps the height it had: the server's answer may come
 * long after the shopper's click, when every movement counts as a layout shift, and a dialog
 * centred on the screen, or a phone's sheet standing on its foot, would jump as it shrank.
 */
export function showDone(dialog: HTMLDialogElement, replaced: Element, closeLabel: string, heading: string | null, sentence: string): void {
  dialog.style.minHeight = `${dialog.getBoundingClientRect().height}px`;
  dialog.setAttribute('data-done', '');
  const close = h('button', { type: 'button', class: 'dbtn', onclick: () => dialog.close() }, closeLabel);
  // The sentence alone is the live region: that is what a screen reader says, not the tick or the button.
  replaced.replaceWith(h('div', { class: 'done' }, h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓'), heading === null ? null : h('h3', null, heading), h('p', { role: 'status' }, sentence), close));
  close.focus();
}
