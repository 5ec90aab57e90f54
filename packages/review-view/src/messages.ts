import type { Language } from './languages.js';
import type { Messages } from './messages/messages-type.js';
import { ar } from './messages/ar.js';
import { da } from './messages/da.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { it } from './messages/it.js';
import { ja } from './messages/ja.js';
import { ko } from './messages/ko.js';
import { nl } from './messages/nl.js';
import { pl } from './messages/pl.js';
import { pt } from './messages/pt.js';
import { sv } from './messages/sv.js';
import { tr } from './messages/tr.js';
import { zhCN } from './messages/zh-CN.js';

export { format, isRightToLeft, LANGUAGES, type Language, pickLanguage } from './languages.js';
export type { Messages, ViewMessages } from './messages/messages-type.js';

/**
 * Every language's table, for the server's fragment, hosted pages and e-mails. The widget does not
 * import this file: it bundles English and fetches other tables (docs/reference/storefront.md §12.8).
 */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, de, fr, es, it, nl, pt, pl, sv, da, tr, ja, ko, 'zh-CN': zhCN, ar };
