import type { Language } from './languages.js';

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

const it: MailMessages = {
  emailSubject: 'Com’è andato il tuo ordine da {shop}?',
  emailReminderSubject: 'Promemoria: com’è andato il tuo ordine da {shop}?',
  emailReminderHeading: 'Un breve promemoria da {shop}',
  emailIntro: 'Grazie per il tuo ordine {order} da {shop}. Che voto gli dai? Tocca una stella:',
  emailFooter: 'Ricevi questa e-mail perché hai fatto un ordine da {shop}.',
  unsubscribe: 'Annulla l’iscrizione',
  unsubscribeQuestion: 'Non ricevere più e-mail da {shop} all’indirizzo {email}?',
  unsubscribeRequests: 'Non ricevere più richieste di recensione',
  unsubscribeAll: 'Non ricevere più e-mail da questo negozio',
  unsubscribedHeading: 'Iscrizione annullata',
  unsubscribedRequests: '{email} non riceverà più richieste di recensione da {shop}.',
  unsubscribedAll: '{email} non riceverà più e-mail da {shop}.',
};

const nl: MailMessages = {
  emailSubject: 'Hoe was je bestelling bij {shop}?',
  emailReminderSubject: 'Herinnering: hoe was je bestelling bij {shop}?',
  emailReminderHeading: 'Een korte herinnering van {shop}',
  emailIntro: 'Bedankt voor je bestelling {order} bij {shop}. Welk cijfer geef je? Tik op een ster:',
  emailFooter: 'Je ontvangt deze e-mail omdat je bij {shop} hebt besteld.',
  unsubscribe: 'Afmelden',
  unsubscribeQuestion: 'Geen e-mails meer van {shop} naar {email}?',
  unsubscribeRequests: 'Geen verzoeken om een recensie meer',
  unsubscribeAll: 'Geen e-mails meer van deze winkel',
  unsubscribedHeading: 'Je bent afgemeld',
  unsubscribedRequests: '{email} ontvangt geen verzoeken om een recensie meer van {shop}.',
  unsubscribedAll: '{email} ontvangt geen e-mails meer van {shop}.',
};

const pt: MailMessages = {
  emailSubject: 'Como foi seu pedido na {shop}?',
  emailReminderSubject: 'Lembrete: como foi seu pedido na {shop}?',
  emailReminderHeading: 'Um lembrete rápido da {shop}',
  emailIntro: 'Obrigado pelo seu pedido {order} na {shop}. Que nota você dá? Toque em uma estrela:',
  emailFooter: 'Você recebeu este e-mail porque fez um pedido na {shop}.',
  unsubscribe: 'Cancelar inscrição',
  unsubscribeQuestion: 'Parar de enviar e-mails da {shop} para {email}?',
  unsubscribeRequests: 'Parar os pedidos de avaliação',
  unsubscribeAll: 'Parar todos os e-mails desta loja',
  unsubscribedHeading: 'Sua inscrição foi cancelada',
  unsubscribedRequests: '{email} não receberá mais pedidos de avaliação da {shop}.',
  unsubscribedAll: '{email} não receberá mais e-mails da {shop}.',
};

const pl: MailMessages = {
  emailSubject: 'Jak oceniasz zamówienie w sklepie {shop}?',
  emailReminderSubject: 'Przypomnienie: jak oceniasz zamówienie w sklepie {shop}?',
  emailReminderHeading: 'Krótkie przypomnienie od {shop}',
  emailIntro: 'Dziękujemy za zamówienie {order} w sklepie {shop}. Jak je oceniasz? Kliknij gwiazdkę:',
  emailFooter: 'Otrzymujesz tę wiadomość, ponieważ złożono zamówienie w sklepie {shop}.',
  unsubscribe: 'Wypisz się',
  unsubscribeQuestion: 'Zatrzymać e-maile od {shop} na adres {email}?',
  unsubscribeRequests: 'Nie wysyłaj próśb o opinię',
  unsubscribeAll: 'Nie wysyłaj żadnych e-maili z tego sklepu',
  unsubscribedHeading: 'Wypisano z listy',
  unsubscribedRequests: 'Adres {email} nie będzie już otrzymywać próśb o opinię od {shop}.',
  unsubscribedAll: 'Adres {email} nie będzie już otrzymywać e-maili od {shop}.',
};

const sv: MailMessages = {
  emailSubject: 'Hur var din beställning från {shop}?',
  emailReminderSubject: 'Påminnelse: hur var din beställning från {shop}?',
  emailReminderHeading: 'En kort påminnelse från {shop}',
  emailIntro: 'Tack för din beställning {order} från {shop}. Vilket betyg ger du den? Tryck på en stjärna:',
  emailFooter: 'Du får det här e-postmeddelandet eftersom du har beställt från {shop}.',
  unsubscribe: 'Avregistrera',
  unsubscribeQuestion: 'Sluta skicka e-post från {shop} till {email}?',
  unsubscribeRequests: 'Inga fler förfrågningar om recensioner',
  unsubscribeAll: 'Ingen mer e-post från den här butiken',
  unsubscribedHeading: 'Du är avregistrerad',
  unsubscribedRequests: '{email} får inga fler förfrågningar om recensioner från {shop}.',
  unsubscribedAll: '{email} får ingen mer e-post från {shop}.',
};

const da: MailMessages = {
  emailSubject: 'Hvordan var din ordre fra {shop}?',
  emailReminderSubject: 'Påmindelse: hvordan var din ordre fra {shop}?',
  emailReminderHeading: 'En kort påmindelse fra {shop}',
  emailIntro: 'Tak for din ordre {order} fra {shop}. Hvordan vil du bedømme den? Tryk på en stjerne:',
  emailFooter: 'Du modtager denne e-mail, fordi du har bestilt fra {shop}.',
  unsubscribe: 'Afmeld',
  unsubscribeQuestion: 'Stop e-mails fra {shop} til {email}?',
  unsubscribeRequests: 'Stop anmodninger om anmeldelser',
  unsubscribeAll: 'Stop alle e-mails fra denne butik',
  unsubscribedHeading: 'Du er afmeldt',
  unsubscribedRequests: '{email} modtager ikke flere anmodninger om anmeldelser fra {shop}.',
  unsubscribedAll: '{email} modtager ikke flere e-mails fra {shop}.',
};

const tr: MailMessages = {
  emailSubject: '{shop} siparişiniz nasıldı?',
  emailReminderSubject: 'Hatırlatma: {shop} siparişiniz nasıldı?',
  emailReminderHeading: '{shop} mağazasından kısa bir hatırlatma',
  emailIntro: '{shop} mağazasından verdiğiniz {order} numaralı sipariş için teşekkürler. Kaç puan verirsiniz? Bir yıldıza dokunun:',
  emailFooter: 'Bu e-postayı {shop} mağazasından sipariş verdiğiniz için aldınız.',
  unsubscribe: 'Abonelikten çık',
  unsubscribeQuestion: '{shop} mağazasının {email} adresine e-posta göndermesi durdurulsun mu?',
  unsubscribeRequests: 'Yorum isteklerini durdur',
  unsubscribeAll: 'Bu mağazadan gelen tüm e-postaları durdur',
  unsubscribedHeading: 'Abonelikten çıktınız',
  unsubscribedRequests: '{email} artık {shop} mağazasından yorum isteği almayacak.',
  unsubscribedAll: '{email} artık {shop} mağazasından e-posta almayacak.',
};

const ja: MailMessages = {
  emailSubject: '{shop}でのご注文はいかがでしたか？',
  emailReminderSubject: 'リマインダー：{shop}でのご注文はいかがでしたか？',
  emailReminderHeading: '{shop}からのリマインダー',
  emailIntro: '{shop}でのご注文（{order}）ありがとうございました。評価をお聞かせください。星をタップしてください：',
  emailFooter: '{shop}でご注文いただいたため、このメールをお送りしています。',
  unsubscribe: '配信停止',
  unsubscribeQuestion: '{shop}から{email}へのメール配信を停止しますか？',
  unsubscribeRequests: 'レビュー依頼の配信を停止',
  unsubscribeAll: 'このショップからのメールをすべて停止',
  unsubscribedHeading: '配信を停止しました',
  unsubscribedRequests: '{email}には今後{shop}からレビュー依頼が届きません。',
  unsubscribedAll: '{email}には今後{shop}からメールが届きません。',
};

const ko: MailMessages = {
  emailSubject: '{shop}에서 주문하신 상품은 어떠셨나요?',
  emailReminderSubject: '알림: {shop}에서 주문하신 상품은 어떠셨나요?',
  emailReminderHeading: '{shop}에서 보내는 알림',
  emailIntro: '{shop}에서 주문해 주셔서 감사합니다(주문 {order}). 평점을 남겨 주세요. 별을 눌러 주세요:',
  emailFooter: '{shop}에서 주문하셨기 때문에 이 이메일을 받으셨습니다.',
  unsubscribe: '수신 거부',
  unsubscribeQuestion: '{shop}에서 {email}(으)로 보내는 이메일을 중단할까요?',
  unsubscribeRequests: '리뷰 요청 중단',
  unsubscribeAll: '이 상점의 모든 이메일 중단',
  unsubscribedHeading: '수신 거부되었습니다',
  unsubscribedRequests: '{email}(으)로 더 이상 {shop}의 리뷰 요청이 발송되지 않습니다.',
  unsubscribedAll: '{email}(으)로 더 이상 {shop}의 이메일이 발송되지 않습니다.',
};

const ar: MailMessages = {
  emailSubject: 'ما رأيك في طلبك من {shop}؟',
  emailReminderSubject: 'تذكير: ما رأيك في طلبك من {shop}؟',
  emailReminderHeading: 'تذكير سريع من {shop}',
  emailIntro: 'شكرًا على طلبك {order} من {shop}. كم تقيّمه؟ اضغط على نجمة:',
  emailFooter: 'وصلتك هذه الرسالة لأنك طلبت من {shop}.',
  unsubscribe: 'إلغاء الاشتراك',
  unsubscribeQuestion: 'هل تريد إيقاف رسائل {shop} إلى {email}؟',
  unsubscribeRequests: 'إيقاف طلبات التقييم',
  unsubscribeAll: 'إيقاف كل رسائل هذا المتجر',
  unsubscribedHeading: 'تم إلغاء اشتراكك',
  unsubscribedRequests: 'لن يتلقى {email} طلبات تقييم من {shop} بعد الآن.',
  unsubscribedAll: 'لن يتلقى {email} أي رسائل من {shop} بعد الآن.',
};

export const MAIL_MESSAGES: Readonly<Record<Language, MailMessages>> = { en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, 'zh-CN': zhCN, ar };
