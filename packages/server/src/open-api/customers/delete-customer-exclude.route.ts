import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyStoreId, storeIdValue } from '../../http/wire-schemas.js';
import { CustomerExclusionSchema, EmailAddress } from './customer-schemas.js';
import { includeCustomer } from '../../customers/exclusion-service.js';

export const deleteCustomerExcludeOperation = defineOperation({
  operation: 'delete_customer_exclude',
  method: 'POST',
  scope: 'write_customers',
  summary: 'Delete Customer Exclusion',
  description: 'Removes the exclusion of a customer, or of every customer with an address. Nothing to remove: code 5. Requests cancelled meanwhile stay cancelled.',
  tags: ['Customers'],
  body: Type.Object({ email: Type.Optional(EmailAddress('removes the exclusions of every customer with this address')), customer_id: Type.Optional(BodyStoreId('removes this customer\'s exclusion', false)) }),
  data: CustomerExclusionSchema,
  async handler({ actor, body, db }) {
    return includeCustomer(db, actor, { email: body.email, customerId: body.customer_id === undefined ? undefined : storeIdValue(body.customer_id) });
  },
});
