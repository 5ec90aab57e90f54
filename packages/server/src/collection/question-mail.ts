import { MAIL_MESSAGES } from '@plaudit/review-view/mail-messages';
import { format } from '@plaudit/review-view/messages';
import { QUESTION_MAIL_MESSAGES } from '@plaudit/review-view/question-mail-messages';
import { renderView } from '../http/html-page.js';
import type { OutgoingMail } from '../mail/mail-transport.js';
import { merchantMail } from '../mail/merchant-mail.js';
import type { AnswerRow, QuestionRow } from '../questions/question-repository.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import { shopperBrandOf } from '../shops/shopper-brand.js';
import { unsubscribeToken } from './email-tokens.js';

export interface QuestionMailContext {
  shop: ShopRow;
  question: QuestionRow;
  /** The product's title, or the id when the shop never told us the title. */
  product: string;
  publicUrl: string;
  mailFrom: string;
  secretKey: Buffer;
}

/** A shopper-facing question e-mail in the shop's language and colours, with the unsubscribe headers of RFC 8058. */
function shopperMail(c: QuestionMailContext, to: string, parts: { subject: string; heading: string; intro: string; answers: Array<{ author: string; content: string }>; action: { label: string; url: string }; footer: string }): OutgoingMail {
  const brand = shopperBrandOf(c.shop);
  const unsubscribe = MAIL_MESSAGES[brand.language].unsubscribe;
  const unsubscribeUrl = `${c.publicUrl}/u/${unsubscribeToken(c.secretKey, { shop: c.shop.id, email: to })}`;
  const text = [parts.heading, '', parts.intro, '', c.question.content, '', ...parts.answers.flatMap((a) => [`${a.author}:`, a.content, '']), `${parts.action.label}: ${parts.action.url}`, '', parts.footer, `${unsubscribe}: ${unsubscribeUrl}`].join('\n');
  return {
    from: { name: readShopSettings(c.shop.settings).sender_name || c.shop.name, address: c.mailFrom },
    to,
    subject: parts.subject,
    text,
    html: renderView('email-question', { lang: brand.language, brand, heading: parts.heading, intro: parts.intro, question: c.question.content, answers: parts.answers, action: parts.action, footer: parts.footer, unsubscribe, unsubscribeUrl }),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** docs/reference/questions.md §9: a past buyer is asked to answer, with a link that works once. */
export function invitationMail(c: QuestionMailContext, to: string, answerUrl: string): OutgoingMail {
  const t = QUESTION_MAIL_MESSAGES[shopperBrandOf(c.shop).language];
  const names = { product: c.product, shop: c.shop.name };
  return shopperMail(c, to, {
    subject: format(t.inviteSubject, names),
    heading: format(t.inviteSubject, names),
    intro: format(t.inviteIntro, names),
    answers: [],
    action: { label: t.inviteAction, url: answerUrl },
    footer: format(t.inviteFooter, names),
  });
}

/** The asker is told when the first answer is published, with the answers shown so far. */
export function answeredMail(c: QuestionMailContext, answers: ReadonlyArray<Pick<AnswerRow, 'author_name' | 'content'>>, productUrl: string): OutgoingMail {
  const t = QUESTION_MAIL_MESSAGES[shopperBrandOf(c.shop).language];
  const names = { product: c.product, shop: c.shop.name };
  return shopperMail(c, c.question.asker_email, {
    subject: format(t.answeredSubject, names),
    heading: format(t.answeredSubject, names),
    intro: format(t.answeredIntro, names),
    answers: answers.map((a) => ({ author: a.author_name, content: a.content })),
    action: { label: t.answeredAction, url: productUrl },
    footer: format(t.answeredFooter, names),
  });
}

/** The merchant hears of each new question, held or not, with a link to the console's inbox. */
export function merchantQuestionMail(c: QuestionMailContext, to: string): OutgoingMail {
  const held = c.question.status === 'pending';
  return merchantMail(
    c.mailFrom,
    to,
    `New question about ${c.product}`,
    [`${c.question.asker_name} asked about ${c.product} in ${c.shop.name}:`, `“${c.question.content}”`, held ? 'The moderation rules held it: publish it or hide it in the console.' : 'Shoppers will see it on the product page once it has an answer.'],
    { label: 'Answer in the console', url: `${c.publicUrl}/console/questions#question-${c.question.id}` },
    'You receive these e-mails because questions are on for this shop. Turn them off in Settings → Questions.',
  );
}
