/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The WCAG 2.2 A and AA rules of axe-core. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe-core on the page as it is now (open shadow roots and dialogs included): no violation. With
 * `within`, only that part: an open menu is checked as itself, since whatever it covers is checked
 * with the menu closed (axe would otherwise judge the covered links' tap targets partly hidden).
 */
export async function expectNoAxeViolations(page: Page, label: string, within?: string): Promise<void> {
  // axe's default mode merges per-frame results in a blank page it opens for every analysis, which
  // doubled the cost of each check (2.0 s against 1.2 s a page here); one axe.run in the page is
  // the same analysis wherever every frame shares the page's origin, so that is what is checked.
  const origin = new URL(page.url()).origin;
  const foreign = page.frames().map((frame) => frame.url()).filter((url) => url.startsWith('http') && new URL(url).origin !== origin);
  expect(foreign, `${label}: frames from another origin, which one axe.run cannot check`).toEqual([]);
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode();
  if (within !== undefined) builder.include(within);
  const results = await builder.analyze();
  const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  expect(found, label).toEqual([]);
}

/** Nothing scrolls sideways: the document is no wider than the viewport. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label}: horizontal overflow`).toBeLessThanOrEqual(0);
}

/**
 * Every visible control (buttons, selects, inputs, links styled as buttons) of the page and of the
 * widgets' shadow roots lies inside the box of its view: its dialog, its widget root, or the page's
 * main column. Items of a scrolling row (carousel, gallery) are checked as the row, not one by one.
 */
export async function expectControlsInsideTheirBoxes(page: Page, label: string): Promise<void> {
  const escaped = await page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document, ...Array.from(document.querySelectorAll('*'), (element) => element.shadowRoot).filter((root): root is ShadowRoot => root !== null)];
    const problems: string[] = [];
    for (const root of roots) {
      for (const control of Array.from(root.querySelectorAll<HTMLElement>('button, select, input:not([type=hidden]), textarea, a.pbtn'))) {
        const box = control.getBoundingClientRect();
        const style = getComputedStyle(control);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0 || control.closest('.ptrack, .hp, .honeypot')) continue;
        const container = control.closest('dialog, .pv, .plaudit-ssr, main');
        if (!container) continue;
        const bounds = container.getBoundingClientRect();
        if (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5) problems.push(`${control.tagName.toLowerCase()}.${control.className} "${control.textContent?.trim().slice(0, 30)}" ${box.left}–${box.right} outside ${container.tagName.toLowerCase()} ${bounds.left}–${bounds.right}`);
      }
    }
    return problems;
  });
  expect(escaped, label).toEqual([]);
}

/**
 * Records every layout shift of every page the page object loads from its first paint, leaving out
 * shifts that follow the shopper's own input; answers a reader of the shifts so far, each described
 * by its score and what moved (element and boxes before and after), so that a failing check names
 * its cause rather than only a cumulative score.
 */
export async function recordLayoutShift(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    interface ShiftSource {
      node: Node | null;
      previousRect: DOMRectReadOnly;
      currentRect: DOMRectReadOnly;
    }
    const w = window as unknown as { __shifts: string[] };
    w.__shifts = [];
    const describe = (node: Node | null): string => {
      if (!(node instanceof Element)) return node?.nodeName ?? '(gone)';
      const host = node.getRootNode() instanceof ShadowRoot ? `${(node.getRootNode() as ShadowRoot).host.tagName.toLowerCase()} › ` : '';
      return `${host}${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
    };
    const box = (rect: DOMRectReadOnly): string => `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: ShiftSource[] }>) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((source) => `${describe(source.node)} ${box(source.previousRect)} → ${box(source.currentRect)}`);
        w.__shifts.push(`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
}

/**
 * Holds every answer to `urlPattern` back by 800 ms, as on a slow phone network: later than the
 * half second after a click or key press in which browsers forgive movement, so a page that moves
 * when such an answer lands (a dialog's thank-you, say) shows in its layout shifts.
 */
export async function answerLate(page: Page, urlPattern: string): Promise<void> {
  await page.route(urlPattern, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
}
