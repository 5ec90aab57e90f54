import { Type } from '@sinclair/typebox';
import { type FieldError, invalidArgument } from '../../http/errors.js';
import { defineOperation } from '../../http/operation.js';
import { Page, PageInfo, pageInfo, PageSize, QueryTime } from '../../http/wire-schemas.js';
import { timeRange } from '../../http/time-range.js';
import { listCustomerEvents, presentCustomerEvent } from '../../events/customer-events.js';
import { EVENT_SOURCES, EVENT_TYPES, OS_TYPES } from '../../events/event-types.js';
import { CustomerEventSchema } from './event-schemas.js';

const oneOf = (values: readonly string[], description: string) =>
  Type.Union(values.map((value) => Type.Literal(value)), { description, 'x-reason': `must be one of ${values.join(', ')}` });

export const getCustomerEventsOperation = defineOperation({
  operation: 'get_customer_events',
  method: 'GET',
  scope: 'read_customer_events',
  summary: 'Get Customer Event List',
  description: 'Shoppers\' interactions with the widget and with Plaudit e-mails, newest first unless asked otherwise.',
  tags: ['Customer events'],
  aliases: ['/api/v1/open_api/customer_events'],
  querystring: Type.Object({
    event_type: Type.Optional(oneOf(EVENT_TYPES, 'only this type')),
    os_type: Type.Optional(oneOf(OS_TYPES, 'only this operating system')),
    event_source: Type.Optional(oneOf(EVENT_SOURCES, 'only this source')),
    start_time: Type.Optional(QueryTime('created at or after (Plaudit extension)')),
    end_time: Type.Optional(QueryTime('created at or before (Plaudit extension)')),
    sort_by: Type.Optional(Type.Union([Type.Literal('created-descending'), Type.Literal('created-ascending')], { 'x-reason': 'must be created-descending or created-ascending' })),
    page: Type.Optional(Page()),
    page_size: Type.Optional(PageSize()),
  }),
  data: Type.Object({ page: PageInfo, list: Type.Array(CustomerEventSchema) }),
  async handler({ actor, query, db }) {
    const errors: FieldError[] = [];
    const { from, to } = timeRange(query.start_time, query.end_time, 'start_time', 'end_time', errors);
    if (errors.length > 0) throw invalidArgument(errors);
    const page = { page: query.page ?? 1, pageSize: query.page_size ?? 20 };
    const direction = query.sort_by === 'created-ascending' ? 'asc' : 'desc';
    const filter = { eventType: query.event_type, osType: query.os_type, eventSource: query.event_source, from, to };
    const { count, rows } = await listCustomerEvents(db, actor.shopId, filter, direction, page);
    return { page: pageInfo(page.page, page.pageSize, count), list: rows.map(presentCustomerEvent) };
  },
});
