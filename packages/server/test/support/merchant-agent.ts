import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createMerchant } from '../../src/merchants/merchant-service.js';
import type { Harness } from './harness.js';

export const MERCHANT_PASSWORD = 'correct horse battery staple';

/** Creates a merchant of the given shops and answers their e-mail. */
export async function createTestMerchant(h: Harness, shopIds: string[], email = `merchant-${Math.random().toString(36).slice(2)}@example.com`): Promise<string> {
  await createMerchant(h.deps.db.kysely, h.clock, { email, password: MERCHANT_PASSWORD, shopIds });
  return email;
}

/** Cookies a response sets, as name → value (a cleared cookie maps to ''). */
export function setCookies(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** The value of a hidden input in a rendered form. */
export function hiddenField(html: string, name: string): string | undefined {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return match?.[1]?.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

/** All hidden inputs of a rendered form, in order. */
export function hiddenFields(html: string): Array<[string, string]> {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, hiddenField(html, m[1]!)!]);
}

/**
 * A merchant's browser over inject(): keeps the cookies the server sets, as a browser would for
 * this site, and fills in forms from the pages it is shown.
 */
export class MerchantBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly h: Harness) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const [name, value] of Object.entries(setCookies(response))) {
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.h.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  async post(url: string, form: Array<[string, string]> | Record<string, string>): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.h.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      }),
    );
  }

  /** Signs in through the real form and answers the final response (303 on success). */
  async signIn(email: string, password = MERCHANT_PASSWORD, returnTo = '/console'): Promise<LightMyRequestResponse> {
    const page = await this.get(`/console/login?return_to=${encodeURIComponent(returnTo)}`);
    expect(page.statusCode).toBe(200);
    return this.post('/console/login', { email, password, csrf_token: hiddenField(page.body, 'csrf_token')!, return_to: returnTo });
  }
}
