/**
 * Web addresses in a review: a scheme, a `www.` host, or a bare host under a top-level domain that
 * spam uses. A bare host needs one of these endings so that "e.g." or "v2.5" never count.
 */
const SCHEME_OR_WWW = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S/iu;
const BARE_HOST = /(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+(?:com|net|org|info|biz|io|co|shop|store|online|site|xyz|app|dev|me|ly|link|click|top|live|pro|ru|cn|uk|de)(?![\p{L}\p{N}-])/iu;

export function hasLink(text: string): boolean {
  return SCHEME_OR_WWW.test(text) || BARE_HOST.test(text);
}
