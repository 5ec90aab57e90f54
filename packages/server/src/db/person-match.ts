import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * One person of a shop, as data-subject requests name them (docs/privacy.md): every address and
 * customer id known to belong to them. Customers, orders and events each hold both columns, and
 * each module finds the person's rows in its own tables with `matchesPerson`.
 */
export interface PersonKeys {
  emails: readonly string[];
  customerIds: readonly string[];
}

export function hasKeys(person: PersonKeys): boolean {
  return person.emails.length + person.customerIds.length > 0;
}

/** A row whose address or customer id column holds one of the person's; callers check `hasKeys` first. */
export function matchesPerson<TB extends keyof Database>(eb: ExpressionBuilder<Database, TB>, columns: { email: string; customerId: string }, person: PersonKeys) {
  return eb.or([
    ...(person.customerIds.length > 0 ? [eb(sql.ref<string>(columns.customerId), 'in', [...person.customerIds])] : []),
    ...(person.emails.length > 0 ? [eb(sql.ref<string>(columns.email), 'in', [...person.emails])] : []),
  ]);
}
