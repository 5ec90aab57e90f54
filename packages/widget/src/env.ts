import { type Language, pickLanguage } from '@plaudit/review-view/languages';
import { enCore } from '@plaudit/review-view/messages/en-core';
import type { ViewMessages } from '@plaudit/review-view/messages/messages-type';
import type { Theme } from '@plaudit/review-view/view/view-context';

/** What the loading script tag says (§12.1): its origin is the API's, its data attributes name the shop. */
export interface WidgetEnv {
  base: string;
  shop: Record<string, string>;
  lang: string | undefined;
}

export interface ShopConfig {
  shop_id: string;
  shop_name: string;
  language: string;
  date_format: 'mm/dd/yyyy' | 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'relative';
  review_form_enabled: number;
  photo_upload_enabled: number;
  helpful_votes_enabled: number;
  questions_enabled: number;
  star_color: string;
  accent_color: string;
  theme: Theme;
  /** The messages of the language asked for, or of the shop's; absent for English, which the loader carries. */
  messages?: ViewMessages;
}

export function readEnv(script: HTMLScriptElement | null): WidgetEnv {
  const source = script?.src ? new URL(script.src, location.href) : new URL(location.href);
  const shopId = script?.dataset.shopId;
  const shop = script?.dataset.shop;
  return { base: source.origin, shop: shopId ? { shop_id: shopId } : shop ? { shop } : {}, lang: script?.dataset.lang };
}

export class Api {
  private readonly configs = new Map<Language | '', Promise<ShopConfig>>();
  constructor(readonly env: WidgetEnv) {}

  url(path: string, params: Record<string, string | number | undefined> = {}): string {
    const url = new URL(path, this.env.base);
    for (const [name, value] of Object.entries({ ...this.env.shop, ...params })) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    return url.href;
  }

  /** `fresh` revalidates with the server: after the shopper's own write, a cached page would hide it. */
  async get<T>(path: string, params: Record<string, string | number | undefined> = {}, fresh = false): Promise<T> {
    return unwrap<T>(await fetch(this.url(path, params), { credentials: 'omit', cache: fresh ? 'no-cache' : 'default' }));
  }

  async post<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const response = await fetch(new URL(path, this.env.base).href, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...this.env.shop, ...body }) });
    return unwrap<T>(response);
  }

  /** The shop's settings, with the messages of `language` (default: the shop's own language). */
  config(language: Language | '' = ''): Promise<ShopConfig> {
    let config = this.configs.get(language);
    if (config === undefined) {
      config = this.get<ShopConfig>('/api/v1/storefront/config', { lang: language || undefined });
      this.configs.set(language, config);
    }
    return config;
  }

  /**
   * §12.8: the element's lang, the script's data-lang, the shop's language, English. Only English
   * is in the loader; the others come with the config the widget reads anyway (one request, cached).
   */
  async messages(element: Element): Promise<ViewMessages> {
    const own = element.getAttribute('lang') ?? this.env.lang;
    const shop = await this.config();
    const language = pickLanguage(own, own ? undefined : shop.language);
    if (language === 'en') return enCore;
    const config = own && language !== pickLanguage(shop.language) ? await this.config(language).catch(() => shop) : shop;
    return config.messages ?? enCore;
  }
}

export class ApiError extends Error {
  constructor(message: string, readonly code: number, readonly errors: Array<{ field: string; reason: string }>) {
    super(message);
  }
}

async function unwrap<T>(response: Response): Promise<T> {
  const envelope = (await response.json()) as { code: number; message: string; data?: unknown };
  if (envelope.code !== 0) throw new ApiError(envelope.message, envelope.code, (envelope.data as { errors?: ApiError['errors'] } | undefined)?.errors ?? []);
  return envelope.data as T;
}
