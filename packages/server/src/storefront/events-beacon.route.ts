import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { MAX_EXTRA_BYTES, type NewCustomerEvent, recordCustomerEvents } from '../events/customer-events.js';
import { type EventType, OS_TYPES, type OsType, osTypeFromUserAgent } from '../events/event-types.js';
import { invalidField } from '../http/errors.js';
import { unixSeconds } from '../time/clock.js';
import { visibleReviewIdsAmong } from '../reviews/review-repository.js';
import { registerPreflight } from './public-endpoint/cors.js';
import { openPublicPost } from './public-endpoint/open-post.js';
import { sendNoStoreJson } from './public-endpoint/reply.js';

const EVENTS_PATH = '/api/v1/storefront/events';
/** The events a widget may report; the server records SUBMIT_REVIEW and HELPFUL_VOTE itself (§7). */
const WIDGET_EVENTS: ReadonlySet<string> = new Set<EventType>(['VIEW_WIDGET', 'VIEW_REVIEW', 'EXPAND_CONTENT', 'CLICK_REVIEW', 'PAGINATION', 'FILTER_REVIEW', 'SORT_REVIEW', 'CLICK_MEDIA', 'CLOSE_VIDEO_POPUP']);
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_EVENTS = 50;
/** §7: a beacon batch is small; the limit holds for text/plain and application/json alike. */
export const BEACON_BODY_LIMIT = 64 * 1024;

/** One event of the batch, or undefined when it breaks a rule (it is then dropped and counted). */
function acceptEvent(raw: unknown, base: { sessionId: string; customerId: string; osType: OsType }): NewCustomerEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const event = raw as Record<string, unknown>;
  if (typeof event.event_type !== 'string' || !WIDGET_EVENTS.has(event.event_type)) return undefined;
  const productId = event.product_id === undefined || event.product_id === null ? '' : String(event.product_id);
  if (productId.length > 64) return undefined;
  const reviewId = event.review_id === undefined || event.review_id === null ? null : Number(event.review_id);
  if (reviewId !== null && (!Number.isSafeInteger(reviewId) || reviewId < 1)) return undefined;
  const pageUrl = event.page_url === undefined ? '' : event.page_url;
  if (typeof pageUrl !== 'string' || pageUrl.length > 2048 || (pageUrl !== '' && !/^https?:\/\//i.test(pageUrl))) return undefined;
  const osType = event.os_type === undefined ? base.osType : event.os_type;
  if (!(OS_TYPES as readonly unknown[]).includes(osType)) return undefined;
  const extra = event.extra ?? {};
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra) || Buffer.byteLength(JSON.stringify(extra)) > MAX_EXTRA_BYTES) return undefined;
  return { eventType: event.event_type as EventType, eventSource: 'STOREFRONT', osType: osType as OsType, sessionId: base.sessionId, customerId: base.customerId, productId, reviewId, pageUrl, extra: extra as Record<string, unknown> };
}

/**
 * `POST /api/v1/storefront/events` (§7), built for navigator.sendBeacon: JSON sent as text/plain,
 * bad events dropped and counted rather than failing the batch, no IP address stored.
 */
export function registerEventsBeaconRoute(app: FastifyInstance, deps: AppDeps): void {
  registerPreflight(app, EVENTS_PATH);
  app.post(EVENTS_PATH, { bodyLimit: BEACON_BODY_LIMIT }, async (request, reply) => {
    const { form, shop } = await openPublicPost(deps, request, reply, 'storefront-events');
    if (typeof form.session_id !== 'string' || !SESSION_ID.test(form.session_id)) throw invalidField('session_id', 'must be 1 to 64 characters from A-Z a-z 0-9 _ -');
    if (!Array.isArray(form.events) || form.events.length === 0) throw invalidField('events', 'must be a non-empty list');
    const base = { sessionId: form.session_id, customerId: typeof form.customer_id === 'string' ? form.customer_id.slice(0, 64) : '', osType: osTypeFromUserAgent(request.headers['user-agent']) };
    const considered = form.events.slice(0, MAX_EVENTS);
    const wellFormed = considered.map((event) => acceptEvent(event, base)).filter((event): event is NewCustomerEvent => event !== undefined);
    // A review id is kept only if shoppers of this shop can see that review: another shop's id, or
    // one that never existed, is dropped and counted like any other bad event.
    const visible = await visibleReviewIdsAmong(deps.db.kysely, shop.id, wellFormed.flatMap((event) => (typeof event.reviewId === 'number' ? [event.reviewId] : [])));
    const accepted = wellFormed.filter((event) => typeof event.reviewId !== 'number' || visible.has(event.reviewId));
    const receivedAt = deps.clock.now();
    // §7: the 202 goes out before the write; a beacon sent from a closing page has no one waiting for more.
    sendNoStoreJson(request, reply, { accepted: accepted.length, rejected: form.events.length - accepted.length }, unixSeconds(deps.clock), 202);
    if (accepted.length > 0) {
      try {
        await recordCustomerEvents(deps.db.kysely, shop.id, accepted, receivedAt);
        deps.outboxSignal?.();
      } catch (error) {
        request.log.error({ err: error, events: accepted.length }, 'customer events from a beacon could not be stored');
      }
    }
    return reply;
  });
}
