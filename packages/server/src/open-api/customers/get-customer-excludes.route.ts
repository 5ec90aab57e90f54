import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { pageInfo } from '../../http/wire-schemas.js';
import { CustomerExclusionSchema, EmailFilter, pagedData, pagingQuery } from './customer-schemas.js';
import { listExclusions } from '../../customers/exclusion-service.js';

export const getCustomerExcludesOperation = defineOperation({
  operation: 'get_customer_excludes',
  method: 'GET',
  scope: 'read_customers',
  summary: 'Get Customer Exclusion List',
  description: 'The customers excluded from review requests.',
  tags: ['Customers'],
  querystring: Type.Object({ email: Type.Optional(EmailFilter), ...pagingQuery }),
  data: pagedData(CustomerExclusionSchema),
  async handler({ actor, query, db }) {
    const page = query.page ?? 1;
    const pageSize = query.page_size ?? 20;
    const result = await listExclusions(db, actor, { email: query.email, ascending: query.sort_by === 'created-ascending', page, pageSize });
    return { page: pageInfo(page, pageSize, result.count), list: result.list };
  },
});
