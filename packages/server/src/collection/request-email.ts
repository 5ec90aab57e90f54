import { MAIL_MESSAGES } from '@plaudit/review-view/mail-messages';
import { format, MESSAGES, pickLanguage } from '@plaudit/review-view/messages';
import { renderView } from '../http/html-page.js';
import type { OutgoingMail } from '../mail/mail-transport.js';
import { signToken } from '../crypto/signed-token.js';
import type { OrderLine, OrderRow } from '../orders/order-presenter.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { clickToken, type MessageKind, openToken, unsubscribeToken } from './email-tokens.js';
import { shopperBrandOf } from '../shops/shopper-brand.js';

/** docs/reference/collection.md §6.2: a review link works for 90 days after the message was sent. */
export const REVIEW_LINK_SECONDS = 90 * 24 * 3600;
const MAX_PRODUCTS = 10;

/** The hosted review page's token (docs/reference/storefront.md §10): shop, order, product and buyer, with expiry. */
export interface ReviewLinkToken {
  shop: string;
  order: number;
  product: string;
  email: string;
  exp: number;
}

export const reviewLinkToken = (key: Buffer, payload: ReviewLinkToken) => signToken(key, 'review-link', payload);

export interface ComposeInput {
  shop: ShopRow;
  order: OrderRow;
  kind: MessageKind;
  /** Product images known to the shop, by product id. */
  images: Map<string, string>;
  publicUrl: string;
  mailFrom: string;
  secretKey: Buffer;
  now: number;
}

/**
 * The review-request e-mail (and its reminder) of docs/reference/collection.md §6.2: one block per product with
 * five star links (each through the click tracker to the hosted review page, rating pre-filled),
 * an unsubscribe link with the RFC 8058 headers, and a tracking pixel.
 */
export function composeRequestEmail(input: ComposeInput): OutgoingMail {
  const { shop, order, kind, publicUrl, secretKey } = input;
  const settings = readShopSettings(shop.settings);
  const lines = (JSON.parse(order.products) as OrderLine[]).slice(0, MAX_PRODUCTS);
  const message = { shop: shop.id, order: Number(order.id), message: kind };
  const products = lines.map((line) => {
    const review = reviewLinkToken(secretKey, { shop: shop.id, order: Number(order.id), product: line.product_id, email: order.email, exp: input.now + REVIEW_LINK_SECONDS });
    return {
      title: line.title || `Product ${line.product_id}`,
      image: input.images.get(line.product_id) ?? '',
      stars: [1, 2, 3, 4, 5].map((rating) => ({
        rating,
        href: `${publicUrl}/t/c/${clickToken(secretKey, { ...message, target: `${publicUrl}/r/t/${review}?rating=${rating}`, link: 'review', product: line.product_id, rating })}`,
      })),
    };
  });
  const unsubscribeUrl = `${publicUrl}/u/${unsubscribeToken(secretKey, { shop: shop.id, email: order.email })}`;
  // In the shop's language, with the widget's and hosted pages' own words (storefront i18n).
  const language = pickLanguage(settings.language);
  const t = { ...MESSAGES[language], ...MAIL_MESSAGES[language] };
  const names = { shop: shop.name, order: order.order_name };
  const heading = format(kind === 'reminder' ? t.emailReminderHeading : t.emailSubject, names);
  const subject = format(kind === 'reminder' ? t.emailReminderSubject : t.emailSubject, names);
  const intro = format(t.emailIntro, names);
  const footer = format(t.emailFooter, names);
  const text = [
    heading,
    '',
    intro,
    '',
    ...products.flatMap((product) => [product.title, ...product.stars.map((star) => `  ${'★'.repeat(star.rating)}  ${star.href}`), '']),
    `${t.unsubscribe}: ${unsubscribeUrl}`,
  ].join('\n');
  return {
    from: { name: settings.sender_name || shop.name, address: input.mailFrom },
    to: order.email,
    subject,
    text,
    html: renderView('email-request', {
      lang: language,
      // The e-mail speaks as the shop: its name linking to its storefront, its colours, its script direction.
      brand: shopperBrandOf(shop),
      heading,
      intro,
      footer,
      unsubscribe: t.unsubscribe,
      starTitles: [1, 2, 3, 4, 5].map((rating) => format(t.outOfFive, { rating })),
      products,
      unsubscribeUrl,
      pixelUrl: `${publicUrl}/t/o/${openToken(secretKey, message)}.gif`,
    }),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
