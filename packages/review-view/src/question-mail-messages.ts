import type { Language } from './languages.js';

/**
 * The words of the question e-mails and the hosted answer page (docs/reference/questions.md §9),
 * in the storefront's languages: a past buyer asked to answer, and an asker told of an answer.
 * Apart from messages.ts, which the widget bundles: shoppers' browsers never need these.
 */
export interface QuestionMailMessages {
  inviteSubject: string;
  inviteIntro: string;
  inviteAction: string;
  inviteFooter: string;
  answeredSubject: string;
  answeredIntro: string;
  answeredAction: string;
  answeredFooter: string;
  answerPageTitle: string;
  yourAnswer: string;
  yourName: string;
  sendAnswer: string;
  answerThanks: string;
  answerPending: string;
  linkSpent: string;
}

const en: QuestionMailMessages = {
  inviteSubject: 'Can you help? A question about {product}',
  inviteIntro: 'You bought {product} from {shop}. Another shopper asks:',
  inviteAction: 'Answer the question',
  inviteFooter: 'You received this e-mail because you ordered {product} from {shop}. Each buyer is asked at most once a week.',
  answeredSubject: 'Your question about {product} has an answer',
  answeredIntro: 'You asked {shop} about {product}:',
  answeredAction: 'See the answer',
  answeredFooter: 'You received this e-mail because you asked {shop} a question.',
  answerPageTitle: 'Answer a question about {product}',
  yourAnswer: 'Your answer',
  yourName: 'Your name',
  sendAnswer: 'Send answer',
  answerThanks: 'Thank you! Your answer will help other shoppers.',
  answerPending: 'Thank you! The shop will check your answer before it is shown.',
  linkSpent: 'This link was already used, or the question is no longer open.',
};

const de: QuestionMailMessages = {
  inviteSubject: 'Können Sie helfen? Eine Frage zu {product}',
  inviteIntro: 'Sie haben {product} bei {shop} gekauft. Eine andere Kundin oder ein anderer Kunde fragt:',
  inviteAction: 'Frage beantworten',
  inviteFooter: 'Sie erhalten diese E-Mail, weil Sie {product} bei {shop} bestellt haben. Wir fragen jeden Käufer höchstens einmal pro Woche.',
  answeredSubject: 'Ihre Frage zu {product} wurde beantwortet',
  answeredIntro: 'Sie haben {shop} zu {product} gefragt:',
  answeredAction: 'Antwort ansehen',
  answeredFooter: 'Sie erhalten diese E-Mail, weil Sie {shop} eine Frage gestellt haben.',
  answerPageTitle: 'Eine Frage zu {product} beantworten',
  yourAnswer: 'Ihre Antwort',
  yourName: 'Ihr Name',
  sendAnswer: 'Antwort senden',
  answerThanks: 'Vielen Dank! Ihre Antwort hilft anderen beim Einkaufen.',
  answerPending: 'Vielen Dank! Der Shop prüft Ihre Antwort, bevor sie erscheint.',
  linkSpent: 'Dieser Link wurde bereits verwendet, oder die Frage ist nicht mehr offen.',
};

const fr: QuestionMailMessages = {
  inviteSubject: 'Pouvez-vous aider ? Une question sur {product}',
  inviteIntro: 'Vous avez acheté {product} chez {shop}. Un autre client demande :',
  inviteAction: 'Répondre à la question',
  inviteFooter: 'Vous recevez cet e-mail parce que vous avez commandé {product} chez {shop}. Chaque acheteur est sollicité au plus une fois par semaine.',
  answeredSubject: 'Votre question sur {product} a une réponse',
  answeredIntro: 'Vous avez posé une question à {shop} sur {product} :',
  answeredAction: 'Voir la réponse',
  answeredFooter: 'Vous recevez cet e-mail parce que vous avez posé une question à {shop}.',
  answerPageTitle: 'Répondre à une question sur {product}',
  yourAnswer: 'Votre réponse',
  yourName: 'Votre nom',
  sendAnswer: 'Envoyer la réponse',
  answerThanks: 'Merci ! Votre réponse aidera d’autres clients.',
  answerPending: 'Merci ! La boutique vérifiera votre réponse avant de la publier.',
  linkSpent: 'Ce lien a déjà été utilisé, ou la question n’est plus ouverte.',
};

const es: QuestionMailMessages = {
  inviteSubject: '¿Puedes ayudar? Una pregunta sobre {product}',
  inviteIntro: 'Compraste {product} en {shop}. Otro cliente pregunta:',
  inviteAction: 'Responder la pregunta',
  inviteFooter: 'Recibes este correo porque pediste {product} en {shop}. A cada comprador se le pregunta como máximo una vez por semana.',
  answeredSubject: 'Tu pregunta sobre {product} tiene respuesta',
  answeredIntro: 'Preguntaste a {shop} sobre {product}:',
  answeredAction: 'Ver la respuesta',
  answeredFooter: 'Recibes este correo porque hiciste una pregunta a {shop}.',
  answerPageTitle: 'Responder una pregunta sobre {product}',
  yourAnswer: 'Tu respuesta',
  yourName: 'Tu nombre',
  sendAnswer: 'Enviar respuesta',
  answerThanks: '¡Gracias! Tu respuesta ayudará a otros clientes.',
  answerPending: '¡Gracias! La tienda revisará tu respuesta antes de publicarla.',
  linkSpent: 'Este enlace ya se usó o la pregunta ya no está abierta.',
};

const it: QuestionMailMessages = {
  inviteSubject: 'Puoi aiutare? Una domanda su {product}',
  inviteIntro: 'Hai acquistato {product} da {shop}. Un altro cliente chiede:',
  inviteAction: 'Rispondi alla domanda',
  inviteFooter: 'Ricevi questa e-mail perché hai ordinato {product} da {shop}. Ogni acquirente viene interpellato al massimo una volta a settimana.',
  answeredSubject: 'La tua domanda su {product} ha una risposta',
  answeredIntro: 'Hai chiesto a {shop} di {product}:',
  answeredAction: 'Vedi la risposta',
  answeredFooter: 'Ricevi questa e-mail perché hai fatto una domanda a {shop}.',
  answerPageTitle: 'Rispondi a una domanda su {product}',
  yourAnswer: 'La tua risposta',
  yourName: 'Il tuo nome',
  sendAnswer: 'Invia risposta',
  answerThanks: 'Grazie! La tua risposta aiuterà altri clienti.',
  answerPending: 'Grazie! Il negozio controllerà la tua risposta prima di pubblicarla.',
  linkSpent: 'Questo link è già stato usato, oppure la domanda non è più aperta.',
};

const nl: QuestionMailMessages = {
  inviteSubject: 'Kun je helpen? Een vraag over {product}',
  inviteIntro: 'Je kocht {product} bij {shop}. Een andere klant vraagt:',
  inviteAction: 'Vraag beantwoorden',
  inviteFooter: 'Je ontvangt deze e-mail omdat je {product} bij {shop} bestelde. We vragen elke koper hooguit één keer per week.',
  answeredSubject: 'Je vraag over {product} is beantwoord',
  answeredIntro: 'Je vroeg {shop} over {product}:',
  answeredAction: 'Bekijk het antwoord',
  answeredFooter: 'Je ontvangt deze e-mail omdat je {shop} een vraag stelde.',
  answerPageTitle: 'Een vraag over {product} beantwoorden',
  yourAnswer: 'Je antwoord',
  yourName: 'Je naam',
  sendAnswer: 'Antwoord versturen',
  answerThanks: 'Bedankt! Je antwoord helpt andere klanten.',
  answerPending: 'Bedankt! De winkel controleert je antwoord voordat het verschijnt.',
  linkSpent: 'Deze link is al gebruikt, of de vraag is niet meer open.',
};

const pt: QuestionMailMessages = {
  inviteSubject: 'Pode ajudar? Uma pergunta sobre {product}',
  inviteIntro: 'Você comprou {product} na {shop}. Outro cliente pergunta:',
  inviteAction: 'Responder à pergunta',
  inviteFooter: 'Você recebeu este e-mail porque encomendou {product} na {shop}. Cada comprador é contactado no máximo uma vez por semana.',
  answeredSubject: 'A sua pergunta sobre {product} tem uma resposta',
  answeredIntro: 'Você perguntou à {shop} sobre {product}:',
  answeredAction: 'Ver a resposta',
  answeredFooter: 'Você recebeu este e-mail porque fez uma pergunta à {shop}.',
  answerPageTitle: 'Responder a uma pergunta sobre {product}',
  yourAnswer: 'A sua resposta',
  yourName: 'O seu nome',
  sendAnswer: 'Enviar resposta',
  answerThanks: 'Obrigado! A sua resposta vai ajudar outros clientes.',
  answerPending: 'Obrigado! A loja vai verificar a sua resposta antes de a publicar.',
  linkSpent: 'Este link já foi usado, ou a pergunta já não está aberta.',
};

const pl: QuestionMailMessages = {
  inviteSubject: 'Możesz pomóc? Pytanie o {product}',
  inviteIntro: 'Kupiłeś(-aś) {product} w {shop}. Inny klient pyta:',
  inviteAction: 'Odpowiedz na pytanie',
  inviteFooter: 'Otrzymujesz tę wiadomość, ponieważ zamówiłeś(-aś) {product} w {shop}. Każdego kupującego pytamy najwyżej raz w tygodniu.',
  answeredSubject: 'Twoje pytanie o {product} ma odpowiedź',
  answeredIntro: 'Zapytałeś(-aś) {shop} o {product}:',
  answeredAction: 'Zobacz odpowiedź',
  answeredFooter: 'Otrzymujesz tę wiadomość, ponieważ zadałeś(-aś) pytanie sklepowi {shop}.',
  answerPageTitle: 'Odpowiedz na pytanie o {product}',
  yourAnswer: 'Twoja odpowiedź',
  yourName: 'Twoje imię',
  sendAnswer: 'Wyślij odpowiedź',
  answerThanks: 'Dziękujemy! Twoja odpowiedź pomoże innym klientom.',
  answerPending: 'Dziękujemy! Sklep sprawdzi odpowiedź przed jej publikacją.',
  linkSpent: 'Ten link został już użyty lub pytanie nie jest już otwarte.',
};

const sv: QuestionMailMessages = {
  inviteSubject: 'Kan du hjälpa till? En fråga om {product}',
  inviteIntro: 'Du köpte {product} från {shop}. En annan kund undrar:',
  inviteAction: 'Svara på frågan',
  inviteFooter: 'Du får det här mejlet för att du beställde {product} från {shop}. Varje köpare tillfrågas högst en gång i veckan.',
  answeredSubject: 'Din fråga om {product} har fått ett svar',
  answeredIntro: 'Du frågade {shop} om {product}:',
  answeredAction: 'Se svaret',
  answeredFooter: 'Du får det här mejlet för att du ställde en fråga till {shop}.',
  answerPageTitle: 'Svara på en fråga om {product}',
  yourAnswer: 'Ditt svar',
  yourName: 'Ditt namn',
  sendAnswer: 'Skicka svar',
  answerThanks: 'Tack! Ditt svar hjälper andra kunder.',
  answerPending: 'Tack! Butiken granskar ditt svar innan det visas.',
  linkSpent: 'Den här länken har redan använts, eller så är frågan inte längre öppen.',
};

const da: QuestionMailMessages = {
  inviteSubject: 'Kan du hjælpe? Et spørgsmål om {product}',
  inviteIntro: 'Du købte {product} hos {shop}. En anden kunde spørger:',
  inviteAction: 'Besvar spørgsmålet',
  inviteFooter: 'Du modtager denne e-mail, fordi du bestilte {product} hos {shop}. Hver køber bliver spurgt højst én gang om ugen.',
  answeredSubject: 'Dit spørgsmål om {product} er besvaret',
  answeredIntro: 'Du spurgte {shop} om {product}:',
  answeredAction: 'Se svaret',
  answeredFooter: 'Du modtager denne e-mail, fordi du stillede {shop} et spørgsmål.',
  answerPageTitle: 'Besvar et spørgsmål om {product}',
  yourAnswer: 'Dit svar',
  yourName: 'Dit navn',
  sendAnswer: 'Send svar',
  answerThanks: 'Tak! Dit svar hjælper andre kunder.',
  answerPending: 'Tak! Butikken tjekker dit svar, før det vises.',
  linkSpent: 'Dette link er allerede brugt, eller spørgsmålet er ikke længere åbent.',
};

const tr: QuestionMailMessages = {
  inviteSubject: 'Yardım edebilir misiniz? {product} hakkında bir soru',
  inviteIntro: '{shop} mağazasından {product} satın aldınız. Başka bir müşteri soruyor:',
  inviteAction: 'Soruyu yanıtla',
  inviteFooter: 'Bu e-postayı {shop} mağazasından {product} sipariş ettiğiniz için aldınız. Her alıcıya haftada en fazla bir kez sorulur.',
  answeredSubject: '{product} hakkındaki sorunuz yanıtlandı',
  answeredIntro: '{shop} mağazasına {product} hakkında sordunuz:',
  answeredAction: 'Yanıtı gör',
  answeredFooter: 'Bu e-postayı {shop} mağazasına bir soru sorduğunuz için aldınız.',
  answerPageTitle: '{product} hakkındaki bir soruyu yanıtlayın',
  yourAnswer: 'Yanıtınız',
  yourName: 'Adınız',
  sendAnswer: 'Yanıtı gönder',
  answerThanks: 'Teşekkürler! Yanıtınız diğer müşterilere yardımcı olacak.',
  answerPending: 'Teşekkürler! Mağaza, yanıtınızı yayımlamadan önce kontrol edecek.',
  linkSpent: 'Bu bağlantı zaten kullanıldı veya soru artık açık değil.',
};

const ja: QuestionMailMessages = {
  inviteSubject: 'ご協力いただけますか？{product}についての質問',
  inviteIntro: '{shop}で{product}をご購入いただきました。ほかのお客様からの質問です：',
  inviteAction: '質問に回答する',
  inviteFooter: '{shop}で{product}をご注文いただいたため、このメールをお送りしています。ご依頼は1週間に1回までです。',
  answeredSubject: '{product}についてのご質問に回答がありました',
  answeredIntro: '{shop}に{product}について質問されました：',
  answeredAction: '回答を見る',
  answeredFooter: '{shop}にご質問いただいたため、このメールをお送りしています。',
  answerPageTitle: '{product}についての質問に回答する',
  yourAnswer: '回答',
  yourName: 'お名前',
  sendAnswer: '回答を送信',
  answerThanks: 'ありがとうございます。あなたの回答はほかのお客様の役に立ちます。',
  answerPending: 'ありがとうございます。ショップが確認したうえで掲載します。',
  linkSpent: 'このリンクはすでに使用されたか、質問の受付が終了しています。',
};

const ko: QuestionMailMessages = {
  inviteSubject: '도와주시겠어요? {product}에 대한 질문',
  inviteIntro: '{shop}에서 {product}을(를) 구매하셨습니다. 다른 고객이 묻습니다:',
  inviteAction: '질문에 답변하기',
  inviteFooter: '{shop}에서 {product}을(를) 주문하셔서 이 이메일을 받으셨습니다. 구매자에게는 일주일에 최대 한 번만 요청합니다.',
  answeredSubject: '{product}에 대한 질문에 답변이 달렸습니다',
  answeredIntro: '{shop}에 {product}에 대해 질문하셨습니다:',
  answeredAction: '답변 보기',
  answeredFooter: '{shop}에 질문하셔서 이 이메일을 받으셨습니다.',
  answerPageTitle: '{product}에 대한 질문에 답변하기',
  yourAnswer: '답변',
  yourName: '이름',
  sendAnswer: '답변 보내기',
  answerThanks: '감사합니다! 답변이 다른 고객에게 도움이 됩니다.',
  answerPending: '감사합니다! 상점에서 확인한 후 답변이 게시됩니다.',
  linkSpent: '이미 사용된 링크이거나 더 이상 답변을 받지 않는 질문입니다.',
};

const zhCN: QuestionMailMessages = {
  inviteSubject: '能帮个忙吗？关于{product}的一个问题',
  inviteIntro: '您在{shop}购买了{product}。另一位顾客问：',
  inviteAction: '回答问题',
  inviteFooter: '您收到这封邮件，是因为您在{shop}订购了{product}。每位买家每周最多收到一次邀请。',
  answeredSubject: '您关于{product}的问题有了回答',
  answeredIntro: '您向{shop}询问了{product}：',
  answeredAction: '查看回答',
  answeredFooter: '您收到这封邮件，是因为您向{shop}提出了问题。',
  answerPageTitle: '回答关于{product}的问题',
  yourAnswer: '您的回答',
  yourName: '您的姓名',
  sendAnswer: '发送回答',
  answerThanks: '谢谢！您的回答将帮助其他顾客。',
  answerPending: '谢谢！商店审核后将显示您的回答。',
  linkSpent: '此链接已被使用，或该问题已不再开放。',
};

const ar: QuestionMailMessages = {
  inviteSubject: 'هل يمكنك المساعدة؟ سؤال عن {product}',
  inviteIntro: 'اشتريت {product} من {shop}. يسأل متسوق آخر:',
  inviteAction: 'أجب عن السؤال',
  inviteFooter: 'تلقيت هذه الرسالة لأنك طلبت {product} من {shop}. نسأل كل مشترٍ مرة واحدة في الأسبوع على الأكثر.',
  answeredSubject: 'تمت الإجابة عن سؤالك حول {product}',
  answeredIntro: 'سألت {shop} عن {product}:',
  answeredAction: 'اطّلع على الإجابة',
  answeredFooter: 'تلقيت هذه الرسالة لأنك طرحت سؤالًا على {shop}.',
  answerPageTitle: 'أجب عن سؤال حول {product}',
  yourAnswer: 'إجابتك',
  yourName: 'اسمك',
  sendAnswer: 'أرسل الإجابة',
  answerThanks: 'شكرًا لك! ستساعد إجابتك متسوقين آخرين.',
  answerPending: 'شكرًا لك! سيراجع المتجر إجابتك قبل نشرها.',
  linkSpent: 'تم استخدام هذا الرابط من قبل، أو لم يعد السؤال مفتوحًا.',
};

export const QUESTION_MAIL_MESSAGES: Readonly<Record<Language, QuestionMailMessages>> = { en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, 'zh-CN': zhCN, ar };
