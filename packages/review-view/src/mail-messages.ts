import type { Language } from './messages.js';

/**
 * The words of review-request e-mails and the unsubscribe pages, in the storefront's languages.
 * Kept apart from messages.ts, which the widget bundles: shoppers' browsers never need these.
 */
export interface MailMessages {
  emailSubject: string;
  emailReminderSubject: string;
  emailReminderHeading: string;
  emailIntro: string;
  emailFooter: string;
  unsubscribe: string;
  unsubscribeQuestion: string;
  unsubscribeRequests: string;
  unsubscribeAll: string;
  unsubscribedHeading: string;
  unsubscribedRequests: string;
  unsubscribedAll: string;
}

const en: MailMessages = {
  emailSubject: 'How was your order from {shop}?',
  emailReminderSubject: 'Reminder: how was your order from {shop}?',
  emailReminderHeading: 'A quick reminder from {shop}',
  emailIntro: 'Thank you for your order {order} from {shop}. How would you rate it? Tap a star:',
  emailFooter: 'You received this e-mail because you ordered from {shop}.',
  unsubscribe: 'Unsubscribe',
  unsubscribeQuestion: 'Stop e-mails from {shop} to {email}?',
  unsubscribeRequests: 'Stop review requests',
  unsubscribeAll: 'Stop all e-mails from this shop',
  unsubscribedHeading: 'You are unsubscribed',
  unsubscribedRequests: '{email} will not receive review requests from {shop} any more.',
  unsubscribedAll: '{email} will not receive any more e-mails from {shop}.',
};

const de: MailMessages = {
  emailSubject: 'Wie war Ihre Bestellung bei {shop}?',
  emailReminderSubject: 'Erinnerung: Wie war Ihre Bestellung bei {shop}?',
  emailReminderHeading: 'Eine kurze Erinnerung von {shop}',
  emailIntro: 'Danke für Ihre Bestellung {order} bei {shop}. Wie bewerten Sie sie? Tippen Sie auf einen Stern:',
  emailFooter: 'Sie erhalten diese E-Mail, weil Sie bei {shop} bestellt haben.',
  unsubscribe: 'Abmelden',
  unsubscribeQuestion: 'Keine E-Mails mehr von {shop} an {email}?',
  unsubscribeRequests: 'Keine Bewertungsanfragen mehr',
  unsubscribeAll: 'Keine E-Mails mehr von diesem Shop',
  unsubscribedHeading: 'Sie sind abgemeldet',
  unsubscribedRequests: '{email} erhält keine Bewertungsanfragen mehr von {shop}.',
  unsubscribedAll: '{email} erhält keine E-Mails mehr von {shop}.',
};

const fr: MailMessages = {
  emailSubject: 'Comment s’est passée votre commande chez {shop} ?',
  emailReminderSubject: 'Rappel : comment s’est passée votre commande chez {shop} ?',
  emailReminderHeading: 'Un petit rappel de {shop}',
  emailIntro: 'Merci pour votre commande {order} chez {shop}. Quelle note lui donnez-vous ? Touchez une étoile :',
  emailFooter: 'Vous recevez cet e-mail parce que vous avez commandé chez {shop}.',
  unsubscribe: 'Se désabonner',
  unsubscribeQuestion: 'Ne plus recevoir d’e-mails de {shop} à l’adresse {email} ?',
  unsubscribeRequests: 'Ne plus recevoir de demandes d’avis',
  unsubscribeAll: 'Ne plus recevoir aucun e-mail de cette boutique',
  unsubscribedHeading: 'Votre désabonnement est enregistré',
  unsubscribedRequests: '{email} ne recevra plus de demandes d’avis de {shop}.',
  unsubscribedAll: '{email} ne recevra plus aucun e-mail de {shop}.',
};

const es: MailMessages = {
  emailSubject: '¿Qué tal tu pedido en {shop}?',
  emailReminderSubject: 'Recordatorio: ¿qué tal tu pedido en {shop}?',
  emailReminderHeading: 'Un breve recordatorio de {shop}',
  emailIntro: 'Gracias por tu pedido {order} en {shop}. ¿Cómo lo valoras? Toca una estrella:',
  emailFooter: 'Recibes este correo porque hiciste un pedido en {shop}.',
  unsubscribe: 'Darse de baja',
  unsubscribeQuestion: '¿Dejar de recibir correos de {shop} en {email}?',
  unsubscribeRequests: 'Dejar de recibir solicitudes de opinión',
  unsubscribeAll: 'Dejar de recibir todos los correos de esta tienda',
  unsubscribedHeading: 'Te has dado de baja',
  unsubscribedRequests: '{email} ya no recibirá solicitudes de opinión de {shop}.',
  unsubscribedAll: '{email} ya no recibirá más correos de {shop}.',
};

const zhCN: MailMessages = {
  emailSubject: '您在 {shop} 的订单怎么样？',
  emailReminderSubject: '提醒：您在 {shop} 的订单怎么样？',
  emailReminderHeading: '来自 {shop} 的温馨提醒',
  emailIntro: '感谢您在 {shop} 的订单 {order}。您会给几星？点一颗星：',
  emailFooter: '您收到此邮件是因为您在 {shop} 下过订单。',
  unsubscribe: '退订',
  unsubscribeQuestion: '停止 {shop} 向 {email} 发送电子邮件？',
  unsubscribeRequests: '停止接收评价邀请',
  unsubscribeAll: '停止接收此店铺的所有电子邮件',
  unsubscribedHeading: '您已退订',
  unsubscribedRequests: '{email} 将不再收到来自 {shop} 的评价邀请。',
  unsubscribedAll: '{email} 将不再收到来自 {shop} 的任何电子邮件。',
};

export const MAIL_MESSAGES: Readonly<Record<Language, MailMessages>> = { en, de, fr, es, 'zh-CN': zhCN };
