import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../crypto/tokens.js';
import type { Kysely } from 'kysely';
import { eraseCustomerRecords } from '../customers/customer-data.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { deleteEventsOf } from '../events/event-data.js';
import { forgetAnswersMentioning } from '../http/idempotency.js';
import { forgetOriginalNames, releaseFilesOfReviews } from '../media/review-files.js';
import { deleteMediaFiles } from '../media/sweep-unattached.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { anonymizeOrdersOf } from '../orders/order-data.js';
import { appendOutboxEvent } from '../outbox/outbox.js';
import { redactOutboxPayloads } from '../outbox/redact-payloads.js';
import { ANONYMOUS_AUTHOR, anonymizeReviews, purgeReviews, reviewsOfPerson } from '../reviews/author-data.js';
import { eraseQuestionDataOf } from '../questions/asker-data.js';
import { secondsOf } from '../time/clock.js';
import { formatRecordTime } from '../time/time-format.js';
import { findPerson, type SubjectSelector } from './person.js';

/** `anonymize` keeps each review's rating and words under "Anonymous"; `delete` removes the reviews and their media. */
export type ErasureMode = 'anonymize' | 'delete';

export interface ErasureSummary {
  mode: ErasureMode;
  reviews: number;
  /** Questions the person asked and answers they wrote (docs/reference/questions.md). */
  questions: number;
  answers: number;
  media_files: number;
  orders: number;
  events: number;
  customers: number;
}

/**
 * Shorter names are not cut out of stored text: "Al" or "Jo" would take pieces of other words with
 * them. The fields that hold such a name whole are cleared by their modules all the same.
 */
const SHORTEST_REDACTED_TEXT = 3;

/**
 * Erase Customer Data (docs/privacy.md), in the caller's transaction: the person's reviews are
 * anonymized or deleted (statistics follow), their orders lose their contact fields, their events
 * and customer records go, their opt-outs stay as hashes, and no stored event payload or replayable
 * answer of the shop mentions them any more. Partners learn it from `review/updated` or
 * `review/deleted` per review and one `customer/redacted`. Answers what was erased and the media
 * files whose bytes the caller deletes after the commit (media/sweep-unattached.ts).
 */
export async function eraseCustomerData(
  db: Kysely<Database>,
  shopId: string,
  request: SubjectSelector & { mode: ErasureMode },
  nowMs: number,
): Promise<{ summary: ErasureSummary; releasedFiles: string[] }> {
  const person = await findPerson(db, shopId, request);
  const reviews = await reviewsOfPerson(db, shopId, { emails: person.emails, orderIds: person.orders.map((order) => order.order_id) });
  const reviewIds = reviews.map((review) => Number(review.id));
  const mentions = [...person.emails, ...person.names, ...person.phones, ...reviews.flatMap((review) => [review.author_email, review.author_phone, review.author])]
    .filter((text) => text.length >= SHORTEST_REDACTED_TEXT && text !== ANONYMOUS_AUTHOR);

  let releasedFiles: string[] = [];
  if (request.mode === 'delete') {
    releasedFiles = await releaseFilesOfReviews(db, shopId, reviewIds);
    await purgeReviews(db, shopId, reviews, nowMs);
  } else {
    await forgetOriginalNames(db, shopId, reviewIds);
    await anonymizeReviews(db, shopId, reviews, nowMs);
  }
  const asked = await eraseQuestionDataOf(db, shopId, person.emails, request.mode, nowMs);
  mentions.push(...asked.names.filter((name) => name.length >= SHORTEST_REDACTED_TEXT && name !== ANONYMOUS_AUTHOR));
  const orders = await anonymizeOrdersOf(db, shopId, person, nowMs);
  const events = await deleteEventsOf(db, shopId, person);
  const records = await eraseCustomerRecords(db, shopId, person, secondsOf(nowMs));
  await redactOutboxPayloads(db, shopId, mentions, { author: ANONYMOUS_AUTHOR });
  await forgetAnswersMentioning(db, shopId, mentions);

  const summary: ErasureSummary = { mode: request.mode, reviews: reviews.length, questions: asked.questions, answers: asked.answers, media_files: releasedFiles.length, orders: orders.length, events, customers: records.customers };
  // Someone the shop held nothing about: nothing changed, so partners hear nothing.
  if (reviews.length + asked.questions + asked.answers + orders.length + events + records.customers + records.optOuts === 0) return { summary, releasedFiles };
  const redaction = {
    // Names this erasure in partners' logs; it is not a record anyone can fetch.
    id: `era_${randomBytes(8).toString('hex')}`,
    mode: request.mode,
    customer_ids: person.customerIds,
    // Partners match their own copies by these without Plaudit sending the address again.
    email_sha256: person.emails.map((email) => sha256Hex(email)),
    review_ids: reviewIds,
    order_ids: orders.map((order) => order.order_id),
    redacted_at: formatRecordTime(secondsOf(nowMs)),
  };
  await appendOutboxEvent(db, shopId, 'customer/redacted', { list: [redaction] }, nowMs);
  return { summary, releasedFiles };
}

/**
 * The same as a transaction of its own, for callers outside an API request (console, CLI): the
 * erasure commits, then the released media files are deleted at once.
 */
export async function eraseCustomerDataNow(deps: { db: Db; storage: MediaStorage }, shopId: string, request: SubjectSelector & { mode: ErasureMode }, nowMs: number): Promise<ErasureSummary> {
  const { summary, releasedFiles } = await deps.db.kysely.transaction().execute((trx) => eraseCustomerData(trx, shopId, request, nowMs));
  await deleteMediaFiles(deps.db.kysely, deps.storage, releasedFiles);
  return summary;
}
