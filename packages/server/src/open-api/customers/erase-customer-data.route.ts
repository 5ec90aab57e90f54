import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { BodyStoreId, storeIdValue } from '../../http/wire-schemas.js';
import { eraseCustomerData } from '../../data-subjects/erase-customer-data.js';
import { deleteMediaFiles } from '../../media/sweep-unattached.js';
import { EmailAddress } from './customer-schemas.js';

export const eraseCustomerDataOperation = defineOperation({
  operation: 'erase_customer_data',
  method: 'POST',
  scope: 'write_customers',
  summary: 'Erase Customer Data',
  description:
    'Erases one person\'s data in the shop, named by exactly one of email and customer_id, in one transaction. `anonymize` keeps each review\'s rating and text under the author "Anonymous" with every personal field cleared; `delete` removes the reviews and their media files. Either way orders lose their contact fields (unsent requests are cancelled), customer events and customer records are deleted, and unsubscribes and exclusions are kept as hashes so the person is not e-mailed again. Ratings follow; `review/updated` or `review/deleted` is sent per review and one `customer/redacted`. Erasing someone the shop holds nothing about answers zeros.',
  tags: ['Customers'],
  body: Type.Object(
    {
      email: Type.Optional(EmailAddress('the person\'s address')),
      customer_id: Type.Optional(BodyStoreId('the person\'s customer id', false)),
      mode: Type.Union([Type.Literal('anonymize'), Type.Literal('delete')], { description: 'anonymize: keep reviews without their author; delete: remove them', 'x-reason': 'must be anonymize or delete' }),
    },
    { additionalProperties: false },
  ),
  data: Type.Object(
    {
      mode: Type.String(),
      reviews: Type.Integer({ description: 'reviews anonymized or deleted' }),
      questions: Type.Integer({ description: 'questions the person asked, anonymized or deleted (Plaudit extension)' }),
      answers: Type.Integer({ description: 'answers the person wrote, anonymized or deleted (Plaudit extension)' }),
      media_files: Type.Integer({ description: 'media files deleted' }),
      orders: Type.Integer({ description: 'orders whose contact fields were cleared' }),
      events: Type.Integer({ description: 'customer events deleted' }),
      customers: Type.Integer({ description: 'customer records deleted' }),
    },
    { title: 'CustomerErasure' },
  ),
  async handler({ actor, body, db, deps, afterCommit }) {
    const customerId = body.customer_id === undefined ? undefined : storeIdValue(body.customer_id);
    const { summary, releasedFiles } = await eraseCustomerData(db, actor.shopId, { email: body.email, customerId, mode: body.mode }, deps.clock.now());
    afterCommit(() => deleteMediaFiles(deps.db.kysely, deps.storage, releasedFiles));
    return summary;
  },
});
