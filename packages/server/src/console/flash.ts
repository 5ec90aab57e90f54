import type { FastifyReply, FastifyRequest } from 'fastify';

const FLASH_COOKIE = 'plaudit_flash';

/**
 * What the console says after an action (the page after the 303). The cookie carries a key and a
 * count, never text: a cookie planted from elsewhere can pick one of these sentences at most.
 */
const FLASH_MESSAGES = {
  'reviews-published': ['Review published.', '{n} reviews published.'],
  'reviews-hidden': ['Review hidden from the storefront.', '{n} reviews hidden from the storefront.'],
  'reviews-featured': ['Review featured.', '{n} reviews featured.'],
  'reviews-unfeatured': ['Review no longer featured.', '{n} reviews no longer featured.'],
  'reviews-pinned': ['Review pinned to the top.', '{n} reviews pinned to the top.'],
  'reviews-unpinned': ['Review unpinned.', '{n} reviews unpinned.'],
  'reviews-deleted': ['Review deleted.', '{n} reviews deleted.'],
  'reviews-approved': ['Review approved and published.', '{n} reviews approved and published.'],
  'reviews-rejected': ['Review rejected. It stays off the storefront.', '{n} reviews rejected. They stay off the storefront.'],
  'reply-saved': ['Reply saved. It shows under the review.'],
  'answer-posted': ['Answer posted. It shows on the product page.'],
  'question-published': ['Question published. Shoppers see it once it has an answer.'],
  'question-hidden': ['Question hidden from the storefront.'],
  'question-pinned': ['Question pinned to the top.'],
  'question-unpinned': ['Question unpinned.'],
  'question-deleted': ['Question deleted.'],
  'answer-published': ['Answer published.'],
  'answer-hidden': ['Answer hidden from the storefront.'],
  'answer-deleted': ['Answer deleted.'],
  'reply-removed': ['Reply removed.'],
  'settings-saved': ['Settings saved.'],
  'password-changed': ['Password changed. Every other session was signed out.'],
  'app-disconnected': ['App disconnected. Its tokens stopped working.'],
  'webhook-disabled': ['Webhook disabled.'],
  'webhook-enabled': ['Webhook enabled.'],
  'webhook-deleted': ['Webhook deleted.'],
  'delivery-replayed': ['Delivery queued again.'],
  'customer-excluded': ['Customer excluded from review requests.'],
  'exclusion-removed': ['Customer will receive review requests again.'],
  'unsubscribe-removed': ['Subscription restored.'],
  'customer-erased': ['Their data is erased, with 1 review.', 'Their data is erased, with {n} reviews.'],
  'customer-erased-none': ['This shop holds nothing about them: nothing was erased.'],
  'request-cancelled': ['Review request cancelled.'],
  'shop-switched': ['Switched shop.'],
  'invite-sent': ['Invitation sent. It works for seven days.'],
  'access-granted': ['Access granted. They were told by e-mail.'],
  'password-reset': ['Password changed. Sign in with the new one.'],
  'invitation-accepted': ['Welcome to Plaudit. Your account is ready.'],
} as const satisfies Record<string, readonly [string] | readonly [string, string]>;

export type FlashKey = keyof typeof FLASH_MESSAGES;

export interface Flash {
  text: string;
  isError: boolean;
}

/** Answers a form with a 303 to `location`, where the next page confirms what was done. */
export function redirectWithFlash(reply: FastifyReply, location: string, key: FlashKey, count = 1): FastifyReply {
  reply.setCookie(FLASH_COOKIE, `${key}.${count}`, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.request.protocol === 'https', maxAge: 60 });
  return reply.code(303).header('location', location).send();
}

/** The confirmation waiting for this page, if any; it is shown once. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (raw === undefined) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const match = /^([a-z-]+)\.(\d{1,4})$/.exec(raw);
  if (!match || !Object.hasOwn(FLASH_MESSAGES, match[1]!)) return undefined;
  const forms: readonly string[] = FLASH_MESSAGES[match[1] as FlashKey];
  const count = Number(match[2]);
  const template = count === 1 || forms.length === 1 ? forms[0]! : forms[1]!;
  return { text: template.replace('{n}', count.toLocaleString('en')), isError: false };
}
