import type { AppDeps } from '../http/app-deps.js';
import { ApiError } from '../http/errors.js';
import { firstOf, formFields, queryValues, type TypedApp } from '../http/route-input.js';
import { type OrderRow, presentOrder } from '../orders/order-presenter.js';
import { cancelOrderRequest } from '../orders/order-service.js';
import { countOrdersByStatus, listOrders } from '../orders/order-repository.js';
import { consoleOf, sendConsoleMessage, sendConsolePage } from './console-context.js';
import { redirectWithFlash } from './flash.js';
import { ORDER_STATUS, STATUS_NAMES } from '../orders/order-status.js';

const PAGE_SIZE = 25;
const listQuery = queryValues('status', 'page');
const cancelForm = formFields('order_id');

/** Orders and the review-request funnel (docs/reference/collection.md §2, §6), with cancelling a request. */
export function registerConsoleOrderRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/orders', { schema: { querystring: listQuery } }, async (request, reply) => {
    const context = consoleOf(request);
    const requestedStatus = firstOf(request.query.status) ?? '';
    const status = /^[1-6]$/.test(requestedStatus) ? Number(requestedStatus) : undefined;
    const page = Math.max(1, Number.parseInt(firstOf(request.query.page) ?? '1', 10) || 1);
    const db = deps.db.kysely;
    const funnel = await countOrdersByStatus(db, context.shop.id);
    const { count, rows } = await listOrders(db, context.shop.id, { status: status as OrderRow['status'] | undefined }, 'desc', { page, pageSize: PAGE_SIZE });
    return sendConsolePage(reply, context, 'orders', 'console-orders', {
      title: 'Orders',
      orders: rows.map(presentOrder),
      funnel: Object.values(ORDER_STATUS).map((s) => ({ status: s, name: STATUS_NAMES[s], count: funnel.get(s) ?? 0 })),
      statusNames: STATUS_NAMES,
      status: status ?? 0,
      previous: page > 1 ? `/console/orders?status=${status ?? ''}&page=${page - 1}` : '',
      next: page * PAGE_SIZE < count ? `/console/orders?status=${status ?? ''}&page=${page + 1}` : '',
    });
  });

  app.post('/console/orders/cancel', { schema: { body: cancelForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const orderId = request.body.order_id ?? '';
    try {
      await deps.db.kysely.transaction().execute((trx) => cancelOrderRequest(trx, context.actor, orderId, deps.clock.now()));
    } catch (error) {
      if (error instanceof ApiError) return sendConsoleMessage(reply, context, 'orders', error.code === 5 ? 404 : 400, 'Not cancelled', error.message);
      throw error;
    }
    deps.outboxSignal?.();
    return redirectWithFlash(reply, '/console/orders', 'request-cancelled');
  });
}
