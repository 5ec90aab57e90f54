import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/app-deps.js';
import { formFields, pathParams, trimmedField, type TypedApp } from '../http/route-input.js';
import { ApiError } from '../http/errors.js';
import { listDeliveries, replayDelivery } from '../webhooks/delivery-log.service.js';
import { listOwnedSubscriptions } from '../webhooks/subscription-repository.js';
import { createSubscription, deleteSubscription, ownerOf, rotateSubscriptionSecret, updateSubscription } from '../webhooks/subscription-service.js';
import { TOPICS } from '../outbox/topics.js';
import { presentWebhook } from '../webhooks/webhook-presenter.js';
import { type ConsoleContext, consoleOf, sendConsolePage } from './console-context.js';
import { type FlashKey, redirectWithFlash } from './flash.js';
import { unixSeconds } from '../time/clock.js';

const subscriptionForm = formFields('topic', 'url');
const actionParams = pathParams('id', 'action');
const WEBHOOK_ACTION_DONE: Record<string, FlashKey | undefined> = { delete: 'webhook-deleted', enable: 'webhook-enabled', disable: 'webhook-disabled', replay: 'delivery-replayed' };

/**
 * The shop's own webhooks (docs/reference/webhooks.md §2) and their delivery log (§8), through the same services
 * as the API. Platform-owned webhooks belong to their platforms and are not shown here.
 */
export function registerConsoleWebhookRoutes(app: TypedApp, deps: AppDeps): void {
  const subscriptionDeps = (now: number) => ({ secretKey: deps.secretKey, egress: deps.config.webhooks, resolveHost: deps.resolveHost, now });

  const show = async (reply: FastifyReply, context: ConsoleContext, extra: { secret?: { id: string; secret: string }; error?: string } = {}) => {
    const rows = await listOwnedSubscriptions(deps.db.kysely, ownerOf(context.actor));
    const deliveries = await listDeliveries(deps.db.kysely, context.actor, { page: 1, page_size: 25 });
    return sendConsolePage(
      reply,
      context,
      'webhooks',
      'console-webhooks',
      {
        title: 'Webhooks',
        webhooks: rows.map((row) => ({ ...presentWebhook(row), disabledReason: row.disabled_reason ?? '' })),
        deliveries: deliveries.list,
        topics: TOPICS,
        secret: extra.secret ?? null,
        error: extra.error ?? '',
      },
      extra.error ? 400 : 200,
    );
  };

  /** Runs one change; a business refusal (bad URL, duplicate, missing) is shown on the page. */
  const change = async (reply: FastifyReply, context: ConsoleContext, done: FlashKey | undefined, work: (db: Kysely<Database>, now: number) => Promise<{ id: string; secret: string } | void>) => {
    const now = unixSeconds(deps.clock);
    try {
      const result = await deps.db.kysely.transaction().execute((trx) => work(trx, now));
      if (result) return show(reply, context, { secret: result });
    } catch (error) {
      if (error instanceof ApiError) return show(reply, context, { error: error.errors?.[0] ? `${error.errors[0].field} ${error.errors[0].reason}` : error.message });
      throw error;
    }
    deps.outboxSignal?.();
    return done ? redirectWithFlash(reply, '/console/webhooks', done) : reply.code(303).header('location', '/console/webhooks').send();
  };

  app.get('/console/webhooks', async (request, reply) => {
    const context = consoleOf(request);
    return show(reply, context);
  });

  app.post('/console/webhooks', { schema: { body: subscriptionForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const form = request.body;
    return change(reply, context, undefined, async (db, now) => {
      const created = await createSubscription(db, context.actor, subscriptionDeps(now), { topic: trimmedField(form.topic), url: trimmedField(form.url) });
      return { id: created.id, secret: created.secret };
    });
  });

  app.post('/console/webhooks/:id/:action', { schema: { params: actionParams } }, async (request, reply) => {
    const context = consoleOf(request);
    const { id: rawId, action } = request.params;
    const id = Number(rawId);
    return change(reply, context, WEBHOOK_ACTION_DONE[action], async (db, now) => {
      switch (action) {
        case 'delete':
          await deleteSubscription(db, context.actor, id, now);
          return;
        case 'rotate':
          return rotateSubscriptionSecret(db, context.actor, subscriptionDeps(now), id);
        case 'enable':
        case 'disable':
          await updateSubscription(db, context.actor, subscriptionDeps(now), { id, status: action === 'enable' ? 'active' : 'disabled' });
          return;
        case 'replay':
          await replayDelivery(db, context.actor, id, now);
          return;
        default:
          throw new ApiError(3, `unknown action ${action}`);
      }
    });
  });
}
