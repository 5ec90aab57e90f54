import type { AppDeps } from '../http/app-deps.js';
import { formFields, type TypedApp } from '../http/route-input.js';
import { endGrant } from '../platforms/grant-service.js';
import { SCOPE_DESCRIPTIONS, storedScopes } from '../platforms/scopes.js';
import { findGrant, grantsOfShop } from '../platforms/token-repository.js';
import { consoleOf, sendConsolePage } from './console-context.js';
import { redirectWithFlash } from './flash.js';

const disconnectForm = formFields('client_id');

/** Connected apps: the platforms this shop authorized, and disconnecting one (docs/reference/auth.md §7, cancel). */
export function registerConsoleAppsRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/console/apps', async (request, reply) => {
    const context = consoleOf(request);
    const grants = await grantsOfShop(deps.db.kysely, context.shop.id);
    return sendConsolePage(reply, context, 'apps', 'console-apps', {
      title: 'Connected apps',
      apps: grants.map((grant) => ({
        clientId: grant.platform_id,
        name: grant.name,
        status: grant.status,
        scopes: storedScopes(grant.scopes).map((scope) => SCOPE_DESCRIPTIONS[scope]),
        authorizedAt: grant.authorized_at,
        changedAt: grant.status_changed_at,
      })),
    });
  });

  app.post('/console/apps/disconnect', { schema: { body: disconnectForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const clientId = request.body.client_id;
    const grant = clientId !== undefined ? await findGrant(deps.db.kysely, clientId, context.shop.id) : undefined;
    // The merchant's decision, exactly like Cancel Platform Authorization: tokens die, the platform is told.
    if (grant) await deps.db.kysely.transaction().execute((trx) => endGrant(trx, grant, context.shop, 'cancelled', 'merchant', deps.clock.now()));
    deps.outboxSignal?.();
    return grant ? redirectWithFlash(reply, '/console/apps', 'app-disconnected') : reply.code(303).header('location', '/console/apps').send();
  });
}
