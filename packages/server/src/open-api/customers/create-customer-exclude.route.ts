import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyStoreId, storeIdValue } from '../../http/wire-schemas.js';
import { CustomerExclusionSchema, EmailAddress } from './customer-schemas.js';
import { excludeBuyer } from '../../orders/buyer-suppression.js';

export const createCustomerExcludeOperation = defineOperation({
  operation: 'create_customer_exclude',
  method: 'POST',
  scope: 'write_customers',
  summary: 'Create Customer Exclusion',
  description:
    'Excludes a customer from review requests, named by exactly one of email and customer_id. By e-mail, the most recently updated customer with that address is excluded, or a customer record is created. Already excluded: code 6.',
  tags: ['Customers'],
  body: Type.Object({ email: Type.Optional(EmailAddress('the customer\'s address')), customer_id: Type.Optional(BodyStoreId('an existing customer of the shop', false)) }),
  data: CustomerExclusionSchema,
  async handler({ actor, body, db, now }) {
    return excludeBuyer(db, actor, { email: body.email, customerId: body.customer_id === undefined ? undefined : storeIdValue(body.customer_id) }, now);
  },
});
