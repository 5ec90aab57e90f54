import { signToken, verifyToken } from '../crypto/signed-token.js';

/** Which e-mail of an order a tracking token belongs to. */
export type MessageKind = 'request' | 'reminder';

/** The tracking pixel of one message (docs/reference/collection.md §6.3). */
export interface OpenToken {
  shop: string;
  order: number;
  message: MessageKind;
}

/** A tracked link: the target is fixed in the token, so the tracker is never an open redirect. */
export interface ClickToken extends OpenToken {
  target: string;
  link: 'review';
  product?: string;
  rating?: number;
}

/** The unsubscribe capability of one address at one shop (§6.4); it does not expire. */
export interface UnsubscribeToken {
  shop: string;
  email: string;
}

export const openToken = (key: Buffer, payload: OpenToken) => signToken(key, 'email-open', payload);
export const clickToken = (key: Buffer, payload: ClickToken) => signToken(key, 'email-click', payload);
export const unsubscribeToken = (key: Buffer, payload: UnsubscribeToken) => signToken(key, 'email-unsubscribe', payload);

export const readOpenToken = (key: Buffer, token: string) => verifyToken<OpenToken>(key, 'email-open', token);
export const readClickToken = (key: Buffer, token: string) => verifyToken<ClickToken>(key, 'email-click', token);
export const readUnsubscribeToken = (key: Buffer, token: string) => verifyToken<UnsubscribeToken>(key, 'email-unsubscribe', token);
