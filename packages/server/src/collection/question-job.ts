import type { JobKind } from '../jobs/job-loop.js';
import type { OutgoingMail } from '../mail/mail-transport.js';
import { merchantEmailsOfShop } from '../merchants/merchant-repository.js';
import { recentBuyersOf } from '../orders/recent-buyers.js';
import { findProduct } from '../products/product-repository.js';
import { isUnsubscribedFrom } from '../customers/suppression.js';
import { answerLinkToken, buyerFingerprint } from '../questions/answer-link.js';
import { markInvitationSent, recentlyInvited, recordInvitations } from '../questions/invitations.js';
import { claimAnsweredUntold, claimUnannounced } from '../questions/question-announcements.js';
import type { QuestionRow } from '../questions/question-repository.js';
import { findShopById, type ShopRow } from '../shops/shop-repository.js';
import { readShopSettings, storefrontUrlOf } from '../shops/shop-settings.js';
import { unixSeconds } from '../time/clock.js';
import type { RequestJobDeps } from './request-job.js';
import { answeredMail, invitationMail, merchantQuestionMail, type QuestionMailContext } from './question-mail.js';

/** What the review-request job needs, and where a failed e-mail is reported. */
export interface QuestionJobDeps extends RequestJobDeps {
  onMailError?: (error: unknown, mail: { subject: string }) => void;
}

/**
 * The e-mails of questions (docs/reference/questions.md §9): the merchant hears of each new
 * question; with the shop's opt-in, recent buyers of the product are asked to answer it (each
 * buyer at most once a week); the asker hears of the first answer. Each e-mail is attempted once:
 * its claim commits first, so several workers never send it twice and a crash loses it rather
 * than repeating it.
 */
export class QuestionMailJob implements JobKind {
  readonly name = 'question-mail';

  constructor(
    private readonly deps: QuestionJobDeps,
    private readonly batchSize = 20,
  ) {}

  async runOnce(): Promise<number> {
    const now = unixSeconds(this.deps.clock);
    const db = this.deps.db.kysely;
    const announced = await claimUnannounced(db, now, this.batchSize);
    for (const question of announced) await this.announce(question, now);
    const answered = await claimAnsweredUntold(db, now, this.batchSize);
    for (const { question, answers } of answered) {
      const context = await this.contextOf(question);
      if (!context || question.asker_email === '' || answers.length === 0) continue;
      if (await isUnsubscribedFrom(db, question.shop_id, question.asker_email, ['answer_notification'])) continue;
      // Where the asker reads the answer: the product's page when the shop told us its address, else the shop.
      const productUrl = context.productUrl || storefrontUrlOf(context.shop.domain, readShopSettings(context.shop.settings));
      await this.send(answeredMail(context, answers, productUrl));
    }
    return announced.length + answered.length;
  }

  /** The question's shop and product, read once for all of its e-mails; undefined when the shop is gone or inactive. */
  private async contextOf(question: QuestionRow): Promise<(QuestionMailContext & { shop: ShopRow; productUrl: string }) | undefined> {
    const shop = await findShopById(this.deps.db.kysely, question.shop_id);
    if (!shop || shop.status !== 'active') return undefined;
    const product = await findProduct(this.deps.db.kysely, shop.id, question.product_id);
    return { shop, question, product: product?.title || question.product_id, productUrl: product?.url ?? '', publicUrl: this.deps.publicUrl, mailFrom: this.deps.mailFrom, secretKey: this.deps.secretKey };
  }

  private async announce(question: QuestionRow, now: number): Promise<void> {
    // Imported questions are history: nobody is told of them.
    if (question.source === 'import') return;
    const context = await this.contextOf(question);
    if (!context) return;
    const settings = readShopSettings(context.shop.settings);
    const db = this.deps.db.kysely;
    if (settings.questions_notify_merchant) {
      for (const email of await merchantEmailsOfShop(db, question.shop_id)) await this.send(merchantQuestionMail(context, email));
    }
    if (!settings.questions_ask_buyers || question.status !== 'published') return;
    const skip = await recentlyInvited(db, question.shop_id, now);
    if (question.asker_email !== '') skip.add(question.asker_email);
    const buyers = await recentBuyersOf(db, question.shop_id, question.product_id, { now, limit: settings.questions_buyers_per_question, skip });
    const invitations = await recordInvitations(db, question.shop_id, Number(question.id), buyers, now);
    for (const invitation of invitations) {
      const token = answerLinkToken(this.deps.secretKey, { shopId: question.shop_id, invitationId: Number(invitation.id), questionId: Number(question.id), buyer: buyerFingerprint(invitation.email) });
      if (await this.send(invitationMail(context, invitation.email, `${this.deps.publicUrl}/q/t/${token}`))) await markInvitationSent(db, Number(invitation.id), unixSeconds(this.deps.clock));
    }
  }

  private async send(mail: OutgoingMail): Promise<boolean> {
    try {
      await this.deps.transport.send(mail);
      return true;
    } catch (error) {
      this.deps.onMailError?.(error, { subject: mail.subject });
      return false;
    }
  }
}
