import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { pageInfo } from '../../http/wire-schemas.js';
import { EmailFilter, EmailTypeSchema, pagedData, pagingQuery, UnsubscribeSchema } from './customer-schemas.js';
import { listUnsubscribes } from '../../customers/unsubscribe-service.js';

export const getUnsubscribesOperation = defineOperation({
  operation: 'get_unsubscribes',
  method: 'GET',
  scope: 'read_customers',
  summary: 'Get Unsubscribe List (Plaudit extension)',
  description: 'The shop\'s unsubscribed addresses, with the stream and where the unsubscribe came from.',
  tags: ['Customers'],
  querystring: Type.Object({ email: Type.Optional(EmailFilter), email_type: Type.Optional(EmailTypeSchema), ...pagingQuery }),
  data: pagedData(UnsubscribeSchema),
  async handler({ actor, query, db }) {
    const page = query.page ?? 1;
    const pageSize = query.page_size ?? 20;
    const result = await listUnsubscribes(db, actor, { email: query.email, emailType: query.email_type, ascending: query.sort_by === 'created-ascending', page, pageSize });
    return { page: pageInfo(page, pageSize, result.count), list: result.list };
  },
});
