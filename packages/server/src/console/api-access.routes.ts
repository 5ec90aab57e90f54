import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { formFields, type TypedApp } from '../http/route-input.js';
import { findShopById } from '../shops/shop-repository.js';
import { revealPrivateToken, rotatePrivateToken } from '../shops/shop-service.js';
import { type ConsoleContext, consoleOf, sendConsolePage } from './console-context.js';
import { passwordMatches } from '../merchants/password.js';
import { SignInThrottle } from '../merchants/sign-in-throttle.js';

const passwordForm = formFields('password');

/**
 * API access (docs/reference/auth.md §2): the public token, the private token revealed only after the merchant
 * types their password again (a walked-away laptop must not leak the signing key), and rotation.
 */
export function registerConsoleApiAccessRoutes(app: TypedApp, deps: AppDeps): void {
  const show = (reply: FastifyReply, context: ConsoleContext, extra: { privateToken?: string; rotated?: boolean; error?: string } = {}, errorStatus = 401) =>
    sendConsolePage(
      reply,
      context,
      'api',
      'console-api',
      {
        title: 'API access',
        publicToken: context.shop.public_token,
        privateToken: extra.privateToken ?? '',
        rotated: extra.rotated ?? false,
        error: extra.error ?? '',
        baseUrl: deps.config.publicUrl,
      },
      extra.error ? errorStatus : 200,
    );

  app.get('/console/api', async (request, reply) => {
    const context = consoleOf(request);
    return show(reply, context);
  });

  // Re-entering the password is a sign-in in disguise: it shares the sign-in limits.
  const throttle = new SignInThrottle(deps.rateLimitStore);
  for (const action of ['reveal', 'rotate'] as const) {
    app.post(`/console/api/${action}`, { schema: { body: passwordForm } }, async (request, reply) => {
      const context = consoleOf(request);
      const password = request.body.password ?? '';
      const email = context.session.merchant.email;
      const attempt = await throttle.reserveAttempt(request.ip, email, deps.clock.now());
      if (attempt.lockedForSeconds > 0) {
        reply.header('retry-after', String(attempt.lockedForSeconds));
        return show(reply, context, { error: 'Too many wrong passwords. Try again later.' }, 429);
      }
      if (!(await passwordMatches(context.session.merchant.password_hash, password))) {
        return show(reply, context, { error: 'That password is not correct.' });
      }
      await attempt.succeeded();
      if (action === 'reveal') return show(reply, context, { privateToken: revealPrivateToken(deps.secretKey, context.shop) });
      const rotated = await rotatePrivateToken(deps.db.kysely, { secretKey: deps.secretKey, clock: deps.clock }, context.shop.id);
      const fresh = (await findShopById(deps.db.kysely, context.shop.id))!;
      return show(reply, { ...context, shop: fresh }, { privateToken: rotated.private_token, rotated: true });
    });
  }
}
