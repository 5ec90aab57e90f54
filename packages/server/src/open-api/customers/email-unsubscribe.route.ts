import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { EmailAddress, EmailTypeSchema } from './customer-schemas.js';
import { unsubscribeBuyer } from '../../orders/buyer-suppression.js';

export const emailUnsubscribeOperation = defineOperation({
  operation: 'email_unsubscribe',
  method: 'POST',
  scope: 'write_customers',
  summary: 'Email Unsubscribe',
  description: 'Records that an address wants no more e-mails of one stream (or none: all) from this shop. Idempotent: a repeat changes nothing and keeps the first created_at.',
  tags: ['Customers'],
  // Trustoo answers {code: 0, message: "OK"}; `data` is Plaudit's addition.
  successMessage: 'OK',
  body: Type.Object({ email: EmailAddress('the address'), email_type: EmailTypeSchema }),
  data: Type.Object({ email: Type.String({ description: 'the normalised address' }), email_type: Type.String() }),
  async handler({ actor, body, db, now }) {
    return unsubscribeBuyer(db, actor, { email: body.email, emailType: body.email_type, source: 'api' }, now);
  },
});
