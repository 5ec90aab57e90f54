import { SCOPES, type Scope } from '../http/actor.js';

/** Plain words for the consent page: what the merchant lets the platform do. */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  read_reviews: 'See your reviews and ratings',
  write_reviews: 'Add, change and delete reviews, upload review photos and videos, and be told when reviews change',
  read_orders: 'See your orders and the status of their review requests',
  write_orders: 'Add orders and cancel review requests',
  read_customers: 'See which customers unsubscribed or are excluded from review requests',
  write_customers: 'Unsubscribe customers and change who is excluded from review requests',
  read_customer_events: 'See what customers do with review e-mails and widgets (opens, clicks, views)',
  read_shop_install_status: 'See whether your store has this app connected',
  read_questions: 'See the questions shoppers ask about your products and their answers',
  write_questions: 'Answer, publish, hide and delete questions about your products',
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/**
 * Reads a scope list written either way (docs/reference/auth.md §3: commas in Trustoo style, spaces in RFC style).
 * Answers the known scopes in canonical order and the names it did not recognise.
 */
export function parseScopeList(text: string): { scopes: Scope[]; unknown: string[] } {
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  const unknown = names.filter((name) => !isScope(name));
  const given = new Set(names);
  return { scopes: SCOPES.filter((scope) => given.has(scope)), unknown };
}

/** Storage and RFC form: space-separated. */
export function spaceSeparated(scopes: Iterable<Scope>): string {
  return [...scopes].join(' ');
}

/** Trustoo form: comma-separated. */
export function commaSeparated(scopes: Iterable<Scope>): string {
  return [...scopes].join(',');
}

/** Scopes as stored (space-separated, known names only). */
export function storedScopes(text: string): Scope[] {
  return parseScopeList(text).scopes;
}
