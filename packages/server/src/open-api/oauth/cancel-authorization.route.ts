import { Type } from '@sinclair/typebox';
import { ApiError, Code } from '../../http/errors.js';
import { defineOperation, SHOP_ONLY } from '../../http/operation.js';
import { Text } from '../../http/wire-schemas.js';
import { endGrant } from '../../platforms/grant-service.js';
import { findGrant } from '../../platforms/token-repository.js';

/**
 * Cancel Platform Authorization (docs/reference/auth.md §7): the merchant withdraws a platform's access. Signed by
 * the shop itself; a platform's token cannot cancel its own or anyone's grant.
 */
export const cancelAuthorizationOperation = defineOperation({
  operation: 'oauth/cancel',
  method: 'POST',
  scope: SHOP_ONLY,
  summary: 'Cancel Platform Authorization',
  description: "Ends the platform's grant for this shop: every token of it stops working at once and the platform receives shop/deauthorized. Cancelling an already ended grant answers its status and changes nothing.",
  tags: ['Platform'],
  body: Type.Object({ client_id: Text(64, { minLength: 1, description: 'the platform to disconnect' }) }),
  data: Type.Object({ shop_id: Type.String(), client_id: Type.String(), status: Type.String() }),
  async handler({ actor, body, db, deps }) {
    const grant = await findGrant(db, body.client_id, actor.shopId);
    // An unknown platform and one that never had this shop answer alike: nothing to learn about other shops.
    if (!grant) throw new ApiError(Code.notFound, `platform ${body.client_id} not found`);
    const status = await endGrant(db, grant, actor.shop, 'cancelled', 'merchant', deps.clock.now());
    return { shop_id: actor.shopId, client_id: body.client_id, status };
  },
});
