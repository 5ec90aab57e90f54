import type { Kysely } from 'kysely';
import { mentionsAny } from '../db/like.js';
import type { Database } from '../db/schema.js';

/**
 * Erasure (docs/privacy.md) must reach events already recorded: a pending delivery would otherwise
 * carry an erased address to a partner after the erasure, and a delivered one would keep it in
 * this table. Every event of the shop whose payload mentions one of the values is rewritten with
 * the values cut out of its strings, key by key; `replacements` names what a field holds once its
 * whole value is gone (an author becomes "Anonymous" rather than an empty name).
 */
export async function redactOutboxPayloads(
  db: Kysely<Database>,
  shopId: string,
  values: readonly string[],
  replacements: Readonly<Record<string, string>> = {},
): Promise<number> {
  const needles = [...new Set(values.filter((value) => value !== ''))];
  if (needles.length === 0) return 0;
  const events = await db
    .selectFrom('outbox_events')
    .select(['id', 'payload'])
    .where('shop_id', '=', shopId)
    .where((eb) => mentionsAny(eb, 'outbox_events.payload', needles))
    .execute();
  const pattern = new RegExp(needles.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi');
  for (const event of events) {
    const redacted = JSON.stringify(redactValue(JSON.parse(event.payload), pattern, replacements, undefined));
    await db.updateTable('outbox_events').set({ payload: redacted }).where('id', '=', event.id).execute();
  }
  return events.length;
}

function redactValue(value: unknown, pattern: RegExp, replacements: Readonly<Record<string, string>>, key: string | undefined): unknown {
  if (typeof value === 'string') {
    const cut = value.replace(pattern, '');
    return cut !== value && cut.trim() === '' && key !== undefined && Object.hasOwn(replacements, key) ? replacements[key] : cut;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, pattern, replacements, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactValue(item, pattern, replacements, name)]));
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
