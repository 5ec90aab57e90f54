import { adoptStyles } from './dom.js';
import { skeleton } from './view-root.js';

/** Base of the widget's elements: a shadow root with its styles, and attribute helpers. */
export abstract class ShadowElement extends HTMLElement {
  protected readonly root: ShadowRoot;
  private started = false;

  constructor(css: string) {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root, css);
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    // Children are read here, not in the constructor: an upgraded element may not have them yet there.
    this.prepare();
    // Fails quietly: a broken widget must not break the shop's page or fill its console.
    this.start().catch(() => undefined);
  }

  protected abstract start(): Promise<void>;

  /** The shop's colours from the console, behind whatever the page sets with --plaudit-* properties. */
  protected applyShopColours(config: { star_color: string; accent_color: string }): void {
    this.style.setProperty('--plaudit-shop-star-color', config.star_color);
    this.style.setProperty('--plaudit-shop-accent-color', config.accent_color);
  }

  /** Synchronous set-up before the first layout (hydration reads the server fragment here). */
  protected prepare(): void {}

  /**
   * §12.4 for lists: over a server fragment, the fragment stays visible through a slot and no
   * height is reserved; without one, placeholders fill the reserved height until the first page.
   */
  protected keepFragmentOrReserve(): void {
    if (!this.querySelector('.plaudit-ssr')) {
      this.root.appendChild(skeleton());
      return;
    }
    this.root.appendChild(document.createElement('slot'));
    this.markRendered();
  }

  /** Ends the height reservation of §12.4 once real content is in place. */
  protected markRendered(): void {
    this.setAttribute('data-rendered', '');
  }

  protected intAttribute(name: string, fallback: number, min: number, max: number): number {
    const value = Number(this.getAttribute(name));
    return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
  }

  /** Swaps the rendered view for `view`; open dialogs and a fallback style element stay. */
  protected show(view: Node): void {
    for (const child of Array.from(this.root.childNodes)) if (!(child instanceof HTMLStyleElement || child instanceof HTMLDialogElement)) child.remove();
    this.root.appendChild(view);
  }
}
