/**
 * Every label shoppers read, in the widget's five languages (docs/reference/storefront.md §12.8). The server's
 * fragment and hosted pages and the widget bundle (which imports this file) share it, so the two
 * never disagree. `{n}`, `{rating}` and `{name}` are placeholders.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Messages {
  customerReviews: string;
  outOfFive: string;
  reviewsCount: string;
  reviewCountOne: string;
  starsRow: string;
  starRowOne: string;
  verifiedBuyer: string;
  anonymous: string;
  photoFrom: string;
  reply: string;
  noReviews: string;
  writeReview: string;
  allStars: string;
  withPhotos: string;
  sortBy: string;
  sortComprehensive: string;
  sortNewest: string;
  sortHighest: string;
  sortLowest: string;
  sortPhotos: string;
  previous: string;
  next: string;
  pageOf: string;
  helpful: string;
  rating: string;
  title: string;
  content: string;
  name: string;
  email: string;
  photos: string;
  submit: string;
  thanks: string;
  thanksPending: string;
  close: string;
  required: string;
  daysAgo: string;
  today: string;
  howWas: string;
  reviewFor: string;
  optional: string;
  addPhotos: string;
  uploading: string;
  removePhoto: string;
  tooManyRequests: string;
  alreadyReviewed: string;
  errorRating: string;
  errorTooLong: string;
  errorEmail: string;
  errorPhotos: string;
}

const en: Messages = {
  customerReviews: 'Customer reviews',
  outOfFive: '{rating} out of 5 stars',
  reviewsCount: '{n} reviews',
  reviewCountOne: '1 review',
  starsRow: '{n} stars',
  starRowOne: '1 star',
  verifiedBuyer: 'Verified buyer',
  anonymous: 'Anonymous',
  photoFrom: 'Photo from {name}',
  reply: 'Reply from the shop',
  noReviews: 'No reviews yet',
  writeReview: 'Write a review',
  allStars: 'All ratings',
  withPhotos: 'With photos',
  sortBy: 'Sort by',
  sortComprehensive: 'Most relevant',
  sortNewest: 'Newest',
  sortHighest: 'Highest rating',
  sortLowest: 'Lowest rating',
  sortPhotos: 'With photos first',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {n} of {total}',
  helpful: 'Helpful ({n})',
  rating: 'Rating',
  title: 'Title',
  content: 'Review',
  name: 'Name',
  email: 'E-mail',
  photos: 'Photos',
  submit: 'Submit review',
  thanks: 'Thank you! Your review is published.',
  thanksPending: 'Thank you! Your review will appear once the shop has checked it.',
  close: 'Close',
  required: 'This field is required.',
  daysAgo: '{n} days ago',
  today: 'today',
  howWas: 'How was {product}?',
  reviewFor: 'A review for {shop}',
  optional: '(optional)',
  addPhotos: 'Add photos (up to 10)',
  uploading: 'Uploading…',
  removePhoto: 'Remove photo',
  tooManyRequests: 'Too many reviews from here right now. Please try again later.',
  alreadyReviewed: 'You have already reviewed this product. Thank you!',
  errorRating: 'Choose a rating from 1 to 5 stars.',
  errorTooLong: 'Please shorten this to {max} characters at most.',
  errorEmail: 'Enter a valid e-mail address.',
  errorPhotos: 'A photo could not be attached. Please add it again.',
};

const de: Messages = {
  customerReviews: 'Kundenbewertungen',
  outOfFive: '{rating} von 5 Sternen',
  reviewsCount: '{n} Bewertungen',
  reviewCountOne: '1 Bewertung',
  starsRow: '{n} Sterne',
  starRowOne: '1 Stern',
  verifiedBuyer: 'Verifizierter Kauf',
  anonymous: 'Anonym',
  photoFrom: 'Foto von {name}',
  reply: 'Antwort des Shops',
  noReviews: 'Noch keine Bewertungen',
  writeReview: 'Bewertung schreiben',
  allStars: 'Alle Bewertungen',
  withPhotos: 'Mit Fotos',
  sortBy: 'Sortieren nach',
  sortComprehensive: 'Relevanteste',
  sortNewest: 'Neueste',
  sortHighest: 'Beste Bewertung',
  sortLowest: 'Schlechteste Bewertung',
  sortPhotos: 'Mit Fotos zuerst',
  previous: 'Zurück',
  next: 'Weiter',
  pageOf: 'Seite {n} von {total}',
  helpful: 'Hilfreich ({n})',
  rating: 'Bewertung',
  title: 'Titel',
  content: 'Ihre Bewertung',
  name: 'Name',
  email: 'E-Mail',
  photos: 'Fotos',
  submit: 'Bewertung senden',
  thanks: 'Danke! Ihre Bewertung ist veröffentlicht.',
  thanksPending: 'Danke! Ihre Bewertung erscheint, sobald der Shop sie geprüft hat.',
  close: 'Schließen',
  required: 'Dieses Feld ist erforderlich.',
  daysAgo: 'vor {n} Tagen',
  today: 'heute',
  howWas: 'Wie war {product}?',
  reviewFor: 'Eine Bewertung für {shop}',
  optional: '(optional)',
  addPhotos: 'Fotos hinzufügen (bis zu 10)',
  uploading: 'Wird hochgeladen…',
  removePhoto: 'Foto entfernen',
  tooManyRequests: 'Zu viele Bewertungen von hier. Bitte versuchen Sie es später erneut.',
  alreadyReviewed: 'Sie haben dieses Produkt bereits bewertet. Danke!',
  errorRating: 'Bitte wählen Sie eine Bewertung von 1 bis 5 Sternen.',
  errorTooLong: 'Bitte kürzen Sie den Text auf höchstens {max} Zeichen.',
  errorEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  errorPhotos: 'Ein Foto konnte nicht angehängt werden. Bitte fügen Sie es erneut hinzu.',
};

const fr: Messages = {
  customerReviews: 'Avis clients',
  outOfFive: '{rating} sur 5 étoiles',
  reviewsCount: '{n} avis',
  reviewCountOne: '1 avis',
  starsRow: '{n} étoiles',
  starRowOne: '1 étoile',
  verifiedBuyer: 'Achat vérifié',
  anonymous: 'Anonyme',
  photoFrom: 'Photo de {name}',
  reply: 'Réponse de la boutique',
  noReviews: 'Aucun avis pour le moment',
  writeReview: 'Écrire un avis',
  allStars: 'Toutes les notes',
  withPhotos: 'Avec photos',
  sortBy: 'Trier par',
  sortComprehensive: 'Les plus pertinents',
  sortNewest: 'Les plus récents',
  sortHighest: 'Meilleure note',
  sortLowest: 'Note la plus basse',
  sortPhotos: 'Avec photos d’abord',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: 'Page {n} sur {total}',
  helpful: 'Utile ({n})',
  rating: 'Note',
  title: 'Titre',
  content: 'Votre avis',
  name: 'Nom',
  email: 'E-mail',
  photos: 'Photos',
  submit: 'Publier l’avis',
  thanks: 'Merci ! Votre avis est publié.',
  thanksPending: 'Merci ! Votre avis apparaîtra après vérification par la boutique.',
  close: 'Fermer',
  required: 'Ce champ est obligatoire.',
  daysAgo: 'il y a {n} jours',
  today: 'aujourd’hui',
  howWas: 'Comment trouvez-vous {product} ?',
  reviewFor: 'Un avis pour {shop}',
  optional: '(facultatif)',
  addPhotos: 'Ajouter des photos (jusqu’à 10)',
  uploading: 'Envoi…',
  removePhoto: 'Retirer la photo',
  tooManyRequests: 'Trop d’avis envoyés d’ici. Réessayez plus tard.',
  alreadyReviewed: 'Vous avez déjà donné votre avis sur ce produit. Merci !',
  errorRating: 'Choisissez une note de 1 à 5 étoiles.',
  errorTooLong: 'Raccourcissez ce texte à {max} caractères au plus.',
  errorEmail: 'Saisissez une adresse e-mail valide.',
  errorPhotos: 'Une photo n’a pas pu être jointe. Ajoutez-la à nouveau.',
};

const es: Messages = {
  customerReviews: 'Opiniones de clientes',
  outOfFive: '{rating} de 5 estrellas',
  reviewsCount: '{n} opiniones',
  reviewCountOne: '1 opinión',
  starsRow: '{n} estrellas',
  starRowOne: '1 estrella',
  verifiedBuyer: 'Compra verificada',
  anonymous: 'Anónimo',
  photoFrom: 'Foto de {name}',
  reply: 'Respuesta de la tienda',
  noReviews: 'Todavía no hay opiniones',
  writeReview: 'Escribir una opinión',
  allStars: 'Todas las valoraciones',
  withPhotos: 'Con fotos',
  sortBy: 'Ordenar por',
  sortComprehensive: 'Más relevantes',
  sortNewest: 'Más recientes',
  sortHighest: 'Mejor valoración',
  sortLowest: 'Peor valoración',
  sortPhotos: 'Con fotos primero',
  previous: 'Anterior',
  next: 'Siguiente',
  pageOf: 'Página {n} de {total}',
  helpful: 'Útil ({n})',
  rating: 'Valoración',
  title: 'Título',
  content: 'Tu opinión',
  name: 'Nombre',
  email: 'Correo electrónico',
  photos: 'Fotos',
  submit: 'Enviar opinión',
  thanks: '¡Gracias! Tu opinión está publicada.',
  thanksPending: '¡Gracias! Tu opinión aparecerá cuando la tienda la revise.',
  close: 'Cerrar',
  required: 'Este campo es obligatorio.',
  daysAgo: 'hace {n} días',
  today: 'hoy',
  howWas: '¿Qué tal {product}?',
  reviewFor: 'Una opinión para {shop}',
  optional: '(opcional)',
  addPhotos: 'Añadir fotos (hasta 10)',
  uploading: 'Subiendo…',
  removePhoto: 'Quitar foto',
  tooManyRequests: 'Demasiadas opiniones desde aquí. Inténtalo más tarde.',
  alreadyReviewed: 'Ya has opinado sobre este producto. ¡Gracias!',
  errorRating: 'Elige una valoración de 1 a 5 estrellas.',
  errorTooLong: 'Acorta este texto a {max} caracteres como máximo.',
  errorEmail: 'Introduce una dirección de correo electrónico válida.',
  errorPhotos: 'No se pudo adjuntar una foto. Vuelve a añadirla.',
};

const zhCN: Messages = {
  customerReviews: '顾客评价',
  outOfFive: '{rating} 星（满分 5 星）',
  reviewsCount: '{n} 条评价',
  reviewCountOne: '1 条评价',
  starsRow: '{n} 星',
  starRowOne: '1 星',
  verifiedBuyer: '已验证购买',
  anonymous: '匿名',
  photoFrom: '{name} 的照片',
  reply: '店铺回复',
  noReviews: '暂无评价',
  writeReview: '写评价',
  allStars: '全部评分',
  withPhotos: '有图',
  sortBy: '排序',
  sortComprehensive: '综合',
  sortNewest: '最新',
  sortHighest: '评分最高',
  sortLowest: '评分最低',
  sortPhotos: '有图优先',
  previous: '上一页',
  next: '下一页',
  pageOf: '第 {n} 页，共 {total} 页',
  helpful: '有用 ({n})',
  rating: '评分',
  title: '标题',
  content: '评价内容',
  name: '姓名',
  email: '电子邮箱',
  photos: '照片',
  submit: '提交评价',
  thanks: '谢谢！您的评价已发布。',
  thanksPending: '谢谢！店铺审核后将显示您的评价。',
  close: '关闭',
  required: '此项为必填项。',
  daysAgo: '{n} 天前',
  today: '今天',
  howWas: '{product} 怎么样？',
  reviewFor: '为 {shop} 写评价',
  optional: '（选填）',
  addPhotos: '添加照片（最多 10 张）',
  uploading: '正在上传…',
  removePhoto: '删除照片',
  tooManyRequests: '提交过于频繁，请稍后再试。',
  alreadyReviewed: '您已评价过此商品，谢谢！',
  errorRating: '请选择 1 到 5 星的评分。',
  errorTooLong: '请将内容缩短至 {max} 个字符以内。',
  errorEmail: '请输入有效的电子邮件地址。',
  errorPhotos: '有一张照片未能添加，请重新添加。',
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, de, fr, es, 'zh-CN': zhCN };

/** §12.8: an exact tag, else its base language (`fr-CA` → `fr`), else the next candidate, else `en`. */
export function pickLanguage(...candidates: Array<string | null | undefined>): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const exact = LANGUAGES.find((language) => language.toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
    const base = LANGUAGES.find((language) => language === candidate.split('-')[0]!.toLowerCase());
    if (base) return base;
    if (/^zh\b/i.test(candidate)) return 'zh-CN';
  }
  return 'en';
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
