import { AnswerSchema, QuestionSchema } from '../../questions/question-object.js';
import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { QueryStoreId } from '../../http/wire-schemas.js';
import { exportCustomerData } from '../../data-subjects/export-customer-data.js';
import { ReviewSchema } from '../../reviews/review-object.js';
import { OrderSchema } from '../orders/order-schemas.js';
import { CustomerEventSchema } from '../events/event-schemas.js';
import { CustomerRecordSchema, EmailAddress, UnsubscribeSchema } from './customer-schemas.js';

export const exportCustomerDataOperation = defineOperation({
  operation: 'export_customer_data',
  method: 'GET',
  scope: 'read_customers',
  summary: 'Export Customer Data',
  description:
    'Everything Plaudit holds about one person in the shop, named by exactly one of email and customer_id: customer records, reviews (with their media URLs), orders and their review requests, customer events, unsubscribes and exclusions. An address also finds the customer ids recorded with it, and a customer id its addresses. A person the shop holds nothing about gets empty lists. For GDPR access requests and Shopify\'s customers/data_request.',
  tags: ['Customers'],
  querystring: Type.Object({ email: Type.Optional(EmailAddress('the person\'s address')), customer_id: Type.Optional(QueryStoreId('the person\'s customer id')) }),
  data: Type.Object(
    {
      emails: Type.Array(Type.String(), { description: 'the addresses found for the person' }),
      customer_ids: Type.Array(Type.String(), { description: 'the customer ids found for the person' }),
      customers: Type.Array(CustomerRecordSchema),
      reviews: Type.Array(ReviewSchema, { description: 'deleted reviews included, with deleted_at' }),
      questions: Type.Array(QuestionSchema, { description: 'questions the person asked, deleted ones included (Plaudit extension)' }),
      answers: Type.Array(AnswerSchema, { description: 'answers the person wrote (Plaudit extension)' }),
      orders: Type.Array(OrderSchema),
      events: Type.Array(CustomerEventSchema),
      unsubscribes: Type.Array(UnsubscribeSchema),
      exclusions: Type.Array(Type.Object({ customer_id: Type.String(), created_at: Type.String({ format: 'date-time' }) })),
    },
    { title: 'CustomerDataExport' },
  ),
  async handler({ actor, query, db }) {
    return exportCustomerData(db, actor.shopId, { email: query.email, customerId: query.customer_id });
  },
});
