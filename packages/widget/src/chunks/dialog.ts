import { adoptStyles, h } from '../dom.js';

const DIALOG_CSS =
  'dialog{border:1px solid var(--plaudit-border-color,#e5e7eb);border-radius:var(--plaudit-border-radius,8px);padding:16px;max-width:min(92vw,640px);width:100%;color:var(--plaudit-text-color,#111);background:#fff;font-family:var(--plaudit-font-family,inherit)}' +
  'dialog::backdrop{background:rgba(0,0,0,.6)}' +
  'dialog .bar{display:flex;justify-content:flex-end}' +
  'dialog label{display:block;font-weight:600;margin:10px 0 4px}' +
  'dialog input[type=text],dialog input[type=email],dialog textarea{width:100%;font:inherit;padding:6px;border:1px solid #9ca3af;border-radius:6px}' +
  'dialog textarea{min-height:6em}' +
  'dialog fieldset{border:0;padding:0;margin:0}dialog fieldset label{display:inline-block;font-weight:400;margin-right:8px}' +
  'dialog .err{color:#b91c1c;margin:4px 0}dialog .hp{position:absolute;left:-9999px}' +
  'dialog img,dialog video{max-width:100%;max-height:70vh;display:block;margin:0 auto}' +
  'dialog .thumbs{display:flex;gap:6px;flex-wrap:wrap}dialog .thumbs img{width:64px;height:64px;object-fit:cover}';

const styled = new WeakSet<ShadowRoot>();

/**
 * A modal `<dialog>` in the element's shadow root: the browser keeps focus inside and closes it on
 * Escape; on close focus goes back to the control that opened it (§12.7), and the dialog is removed.
 */
export function openDialog(root: ShadowRoot, label: string, closeLabel: string, opener: HTMLElement | null, onClose?: () => void): HTMLDialogElement {
  const dialog = h('dialog', { 'aria-label': label });
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, closeLabel);
  if (!styled.has(root)) {
    adoptStyles(root, DIALOG_CSS);
    styled.add(root);
  }
  dialog.append(h('div', { class: 'bar' }, close));
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
    opener?.focus();
  });
  root.appendChild(dialog);
  dialog.showModal();
  return dialog;
}
