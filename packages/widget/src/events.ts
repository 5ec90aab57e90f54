import type { Api } from './env.js';
import { sessionId } from './identity.js';

export interface WidgetEvent {
  event_type: string;
  product_id?: string;
  review_id?: number;
  extra?: Record<string, unknown>;
}

/**
 * The beacon queue of §12.9: flushed every 5 seconds, at 50 events, and when the page is hidden
 * or left, with navigator.sendBeacon and a text/plain body (no preflight).
 */
export class EventQueue {
  private queue: Array<WidgetEvent & { page_url: string }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: Api) {
    addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
    });
  }

  push(event: WidgetEvent): void {
    this.queue.push({ ...event, page_url: location.href.slice(0, 2048) });
    if (this.queue.length >= 50) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), 5000);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const body = JSON.stringify({ ...this.api.env.shop, session_id: sessionId(), events: this.queue.splice(0, 50) });
    const url = new URL('/api/v1/storefront/events', this.api.env.base).href;
    const blob = new Blob([body], { type: 'text/plain' });
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, blob))) void fetch(url, { method: 'POST', body: blob, keepalive: true, credentials: 'omit' }).catch(() => undefined);
    if (this.queue.length > 0) this.flush();
  }
}
