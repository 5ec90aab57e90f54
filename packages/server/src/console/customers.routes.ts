import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { formFields, trimmedField, type TypedApp } from '../http/route-input.js';
import { includeCustomer, listExclusions } from '../customers/exclusion-service.js';
import { excludeBuyer } from '../orders/buyer-suppression.js';
import { listUnsubscribes, removeUnsubscribe } from '../customers/unsubscribe-service.js';
import { ApiError } from '../http/errors.js';
import { isEmailAddress } from '../http/validation-formats.js';
import { type ConsoleContext, consoleOf, sendConsolePage } from './console-context.js';
import { redirectWithFlash } from './flash.js';
import { unixSeconds } from '../time/clock.js';
import { exportCustomerData } from '../data-subjects/export-customer-data.js';
import { eraseCustomerDataNow } from '../data-subjects/erase-customer-data.js';
import type { SubjectSelector } from '../data-subjects/person.js';

const exclusionForm = formFields('email', 'customer_id', 'action');
const unsubscribeForm = formFields('email', 'email_type');
const dataRequestForm = formFields('person', 'mode', 'confirm');

/** The console's one field names a person by address or, without an @, by customer id; undefined when it names nobody. */
function subjectOf(field: string | undefined): SubjectSelector | undefined {
  const person = trimmedField(field);
  if (person === '') return undefined;
  if (!person.includes('@')) return { customerId: person };
  return isEmailAddress(person) ? { email: person } : undefined;
}

const NOBODY = 'Enter an e-mail address or a customer id.';

/**
 * Collection: who is excluded from review requests and who unsubscribed (docs/reference/collection.md §7–12).
 * Removing an unsubscribe is a console-only action: the API can only add them.
 */
export function registerConsoleCustomerRoutes(app: TypedApp, deps: AppDeps): void {
  const show = async (reply: FastifyReply, context: ConsoleContext, error = '') => {
    const exclusions = await listExclusions(deps.db.kysely, context.actor, { ascending: false, page: 1, pageSize: 100 });
    const unsubscribes = await listUnsubscribes(deps.db.kysely, context.actor, { ascending: false, page: 1, pageSize: 100 });
    return sendConsolePage(reply, context, 'customers', 'console-customers', { title: 'Customers', exclusions: exclusions.list, unsubscribes: unsubscribes.list, error }, error ? 400 : 200);
  };

  app.get('/console/customers', async (request, reply) => {
    const context = consoleOf(request);
    return show(reply, context);
  });

  app.post('/console/customers/exclusions', { schema: { body: exclusionForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const form = request.body;
    const email = trimmedField(form.email);
    const customerId = trimmedField(form.customer_id);
    if (email !== '' && !isEmailAddress(email)) return show(reply, context, `${email} is not an e-mail address.`);
    try {
      await deps.db.kysely.transaction().execute((trx) =>
        form.action === 'remove'
          ? includeCustomer(trx, context.actor, { customerId: customerId || undefined, email: customerId ? undefined : email || undefined })
          : excludeBuyer(trx, context.actor, { email }, unixSeconds(deps.clock)),
      );
    } catch (error) {
      if (error instanceof ApiError) return show(reply, context, error.message);
      throw error;
    }
    return redirectWithFlash(reply, '/console/customers', form.action === 'remove' ? 'exclusion-removed' : 'customer-excluded');
  });

  // A person's data (docs/privacy.md): posted, not linked, so their address stays out of URLs and logs.
  app.post('/console/customers/data-export', { schema: { body: dataRequestForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const subject = subjectOf(request.body.person);
    if (!subject) return show(reply, context, NOBODY);
    const data = await exportCustomerData(deps.db.kysely, context.shop.id, subject);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="customer-data.json"')
      .header('cache-control', 'no-store')
      .send(`${JSON.stringify(data, null, 2)}\n`);
  });

  app.post('/console/customers/data-erase', { schema: { body: dataRequestForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const subject = subjectOf(request.body.person);
    const mode = trimmedField(request.body.mode);
    if (!subject) return show(reply, context, NOBODY);
    if (mode !== 'anonymize' && mode !== 'delete') return show(reply, context, 'Choose whether to keep their reviews anonymously or delete them.');
    if (trimmedField(request.body.confirm) !== 'yes') return show(reply, context, 'Tick the box to confirm: an erasure cannot be undone.');
    const summary = await eraseCustomerDataNow(deps, context.shop.id, { ...subject, mode }, deps.clock.now());
    deps.outboxSignal?.();
    const anything = summary.reviews + summary.orders + summary.events + summary.customers > 0;
    return redirectWithFlash(reply, '/console/customers', anything ? 'customer-erased' : 'customer-erased-none', summary.reviews);
  });

  app.post('/console/customers/unsubscribes/remove', { schema: { body: unsubscribeForm } }, async (request, reply) => {
    const context = consoleOf(request);
    const form = request.body;
    await removeUnsubscribe(deps.db.kysely, context.shop.id, trimmedField(form.email), trimmedField(form.email_type));
    return redirectWithFlash(reply, '/console/customers', 'unsubscribe-removed');
  });
}
