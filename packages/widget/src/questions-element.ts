import { api, events, loadChunk } from './runtime.js';
import { ShadowElement } from './shadow-element.js';
import { LIST_CSS } from './styles.js';
import type { mountQuestions } from './chunks/questions.js';

/**
 * `<plaudit-questions product-id="…">` (docs/reference/questions.md §8): a product's questions and
 * answers, search before asking, and the ask form. The loader carries only this shell; the view,
 * its styles and its English words come in the questions chunk when the element is on the page.
 * Over a server fragment the fragment stays visible through a slot until the first page is drawn.
 */
export class QuestionsElement extends ShadowElement {
  constructor() {
    super(LIST_CSS);
  }

  protected override prepare(): void {
    this.keepFragmentOrReserve();
  }

  protected async start(): Promise<void> {
    const { mountQuestions: mount } = await loadChunk<{ mountQuestions: typeof mountQuestions }>('questions');
    await mount({ element: this, root: this.root, api, events, show: (view) => this.show(view), rendered: () => this.markRendered() });
  }
}
