import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/app-deps.js';
import { invalidField } from '../../http/errors.js';
import type { ShopRow } from '../../shops/shop-repository.js';
import { allowPublicPost } from './cors.js';
import { chargePublicLimit, type StorefrontPolicy } from './rate-limits.js';
import { resolvePublicShop } from './shop.js';

/**
 * What every public POST does first, in the contract's order (§1, §4 step 1): a JSON object body,
 * the shop it names, the browser origin the shop allows, and the per-IP limit of its policy.
 */
export async function openPublicPost(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, policy: StorefrontPolicy): Promise<{ form: Record<string, unknown>; shop: ShopRow }> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidField('body', 'must be a JSON object');
  const form = body as Record<string, unknown>;
  const { shop } = await resolvePublicShop(deps.db, form);
  allowPublicPost(request, reply, shop);
  await chargePublicLimit(deps, reply, policy, request.ip);
  return { form, shop };
}
