import { escapeHtml } from '@plaudit/review-view/view/html';
import type { OutgoingMail } from './mail-transport.js';

/** A short e-mail from Plaudit to a merchant: a few sentences and one button. */
export function merchantMail(from: string, to: string, subject: string, lines: string[], action: { label: string; url: string }, after: string): OutgoingMail {
  const text = `${lines.join('\n\n')}\n\n${action.label}: ${action.url}\n\n${after}\n`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f4f5f6;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1d1f">
<div style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e1e3e6;border-radius:12px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:#2f6f4f">Plaudit</p>
${lines.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`).join('')}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#2f6f4f;color:#fff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:8px">${escapeHtml(action.label)}</a></p>
<p style="margin:0;color:#5a6068;font-size:14px">${escapeHtml(after)}</p>
</div></body></html>`;
  return { from: { name: 'Plaudit', address: from }, to, subject, text, html, headers: { 'Auto-Submitted': 'auto-generated' } };
}
