import { Type } from '@sinclair/typebox';
import { invalidArgument, type FieldError } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { Page, PageInfo, pageInfo, PageSize, QueryTime } from '../../http/wire-schemas.js';
import { timeRange } from '../../http/time-range.js';
import { type OrderRow, presentOrder } from '../../orders/order-presenter.js';
import { listOrders } from '../../orders/order-repository.js';
import { OrderSchema } from './order-schemas.js';

export const getOrdersOperation = defineOperation({
  operation: 'get_orders',
  method: 'GET',
  scope: 'read_orders',
  summary: 'Get Order List',
  description: 'The shop\'s orders with the state of their review request, filtered by status, sending time and order time.',
  tags: ['Orders'],
  aliases: ['/api/v1/open_api/orders'],
  querystring: Type.Object({
    type: Type.Optional(Type.Integer({ minimum: 0, maximum: 6, description: '0 all; 1–6 only that status', 'x-reason': 'must be an integer from 0 to 6' })),
    start_sent_at: Type.Optional(QueryTime('sent at or after')),
    end_sent_at: Type.Optional(QueryTime('sent at or before')),
    start_time: Type.Optional(QueryTime('placed at or after')),
    end_time: Type.Optional(QueryTime('placed at or before')),
    sort_by: Type.Optional(Type.Union([Type.Literal('created-descending'), Type.Literal('created-ascending')], { 'x-reason': 'must be created-descending or created-ascending' })),
    page: Type.Optional(Page()),
    page_size: Type.Optional(PageSize()),
  }),
  data: Type.Object({ page: PageInfo, list: Type.Array(OrderSchema) }),
  async handler({ actor, query, db }) {
    const errors: FieldError[] = [];
    const { from: sentFrom, to: sentTo } = timeRange(query.start_sent_at, query.end_sent_at, 'start_sent_at', 'end_sent_at', errors);
    const { from, to } = timeRange(query.start_time, query.end_time, 'start_time', 'end_time', errors);
    if (errors.length > 0) throw invalidArgument(errors);

    const status = query.type !== undefined && query.type !== 0 ? (query.type as OrderRow['status']) : undefined;
    const page = { page: query.page ?? 1, pageSize: query.page_size ?? 20 };
    const direction = query.sort_by === 'created-ascending' ? 'asc' : 'desc';
    const { count, rows } = await listOrders(db, actor.shopId, { status, sentFrom, sentTo, placedFrom: from, placedTo: to }, direction, page);
    return { page: pageInfo(page.page, page.pageSize, count), list: rows.map(presentOrder) };
  },
});
