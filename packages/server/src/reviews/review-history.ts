import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewHistoryTable } from '../db/schema.js';
import { RepeatedInsert } from '../db/repeated-insert.js';
import type { WriteTarget } from '../db/write-batch.js';
import type { RecordedActor } from '../http/actor.js';
import { secondsOf } from '../time/clock.js';
import { piecesOf, rowsPerStatement } from '../db/statement-size.js';
import { formatRecordTime } from '../time/time-format.js';

export type HistoryAction = 'created' | 'updated' | 'deleted' | 'anonymized';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Fields that name the reviewer: the history records that they changed, never their values, so an
 * erased person's name does not survive in it (docs/privacy.md).
 */
const PERSONAL_FIELDS = new Set(['author', 'author_email', 'author_phone', 'author_country']);

/**
 * Columns a write moves as a side effect, not as a change anyone made. The moderation decision's
 * details follow its status, which is recorded, and the entry names who decided.
 */
const BOOKKEEPING_FIELDS = new Set(['updated_at', 'storefront_rank', 'reply_at', 'moderation']);

/** The changes of an update: every column set that holds a new value, personal values left out. */
export function changesOf(before: Readonly<Record<string, unknown>>, set: Readonly<Record<string, unknown>>): FieldChange[] {
  return Object.entries(set)
    .filter(([field, value]) => !BOOKKEEPING_FIELDS.has(field) && before[field] !== value)
    .map(([field, value]) => (PERSONAL_FIELDS.has(field) ? { field, from: null, to: null } : { field, from: before[field] ?? null, to: value ?? null }));
}

/** What a new review's history starts with: the facts a later change may move. An import names its format as the source. */
export function creationFacts(
  row: { rating: number; is_published: number; is_verified: number; is_incentivized?: number | undefined; source: string; moderation_status?: string | undefined; moderation?: string | undefined },
  source = row.source,
): FieldChange[] {
  const reasons = row.moderation === undefined ? [] : ((JSON.parse(row.moderation) as { reasons?: unknown }).reasons ?? []);
  return [
    { field: 'moderation_status', from: null, to: row.moderation_status ?? 'approved' },
    { field: 'moderation_reasons', from: null, to: reasons },
    { field: 'rating', from: null, to: row.rating },
    { field: 'is_published', from: null, to: row.is_published },
    { field: 'is_verified', from: null, to: row.is_verified },
    { field: 'is_incentivized', from: null, to: row.is_incentivized ?? 0 },
    { field: 'source', from: null, to: source },
  ];
}

const HISTORY_COLUMNS = 8;

/** Changes that all start from nothing (a creation's facts), stored as `{field: to}`. */
type StoredChanges = FieldChange[] | Record<string, unknown>;

/**
 * A creation's entry names seven facts that all start from nothing: as `{field: to}` it takes about
 * 140 bytes instead of 330. In a million-row import the history was a third of the database file.
 * Any list whose changes all start from null is stored that way (a field appears once per entry);
 * the others stay lists. Both read back as the same list.
 */
function encodeChanges(changes: readonly FieldChange[]): string {
  if (!changes.every((change) => change.from === null && change.to !== undefined)) return JSON.stringify(changes);
  const facts: Record<string, unknown> = {};
  for (const { field, to } of changes) facts[field] = to;
  return JSON.stringify(facts);
}

function decodeChanges(stored: string): FieldChange[] {
  const changes = JSON.parse(stored) as StoredChanges;
  return Array.isArray(changes) ? changes : Object.entries(changes).map(([field, to]) => ({ field, from: null, to }));
}

/** Every change of a review is recorded: the statement is compiled once per row count (RepeatedInsert). */
const historyInsert = new RepeatedInsert((db, rows: Array<Insertable<ReviewHistoryTable>>) => db.insertInto('review_history').values(rows));

/** Records changes of one or more reviews by one actor, in the caller's transaction. */
export async function recordHistory(
  db: WriteTarget,
  shopId: string,
  by: RecordedActor,
  entries: ReadonlyArray<{ reviewId: number; action: HistoryAction; changes: FieldChange[] }>,
  nowMs: number,
): Promise<void> {
  const occurredAt = secondsOf(nowMs);
  const rows = entries.map((entry) => ({ shop_id: shopId, review_id: entry.reviewId, occurred_at: occurredAt, action: entry.action, actor_kind: by.kind, actor_id: by.id, actor_name: by.name, changes: encodeChanges(entry.changes) }));
  // An import batch records thousands at once: as few statements as the bound-value limit allows.
  for (const piece of piecesOf(rows, rowsPerStatement(HISTORY_COLUMNS))) await historyInsert.write(db, piece);
}

/** One review's history, oldest first, as the API and the console show it. */
export async function historyOf(db: Kysely<Database>, shopId: string, reviewId: number) {
  const rows = await db.selectFrom('review_history').selectAll().where('shop_id', '=', shopId).where('review_id', '=', reviewId).orderBy('id').execute();
  return rows.map((row) => ({
    id: Number(row.id),
    action: row.action,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    changes: decodeChanges(row.changes),
    occurred_at: formatRecordTime(Number(row.occurred_at)),
  }));
}

/** Erased reviews take their history with them. */
export async function forgetHistoryOf(db: Kysely<Database>, shopId: string, reviewIds: readonly number[]): Promise<void> {
  if (reviewIds.length === 0) return;
  await db.deleteFrom('review_history').where('shop_id', '=', shopId).where('review_id', 'in', [...reviewIds]).execute();
}

