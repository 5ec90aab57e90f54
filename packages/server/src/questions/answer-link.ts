import { createHash } from 'node:crypto';
import { signToken, verifyToken } from '../crypto/signed-token.js';

/** What an answer link names: the shop, the invitation, its question and a fingerprint of its buyer. */
export interface AnswerLink {
  shopId: string;
  invitationId: number;
  questionId: number;
  /** The first 16 hex digits of SHA-256 of the buyer's address: the link answers for that buyer only, and shows nobody the address. */
  buyer: string;
}

const PURPOSE = 'question-answer';

export const buyerFingerprint = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 16);

export function answerLinkToken(secretKey: Buffer, link: AnswerLink): string {
  return signToken(secretKey, PURPOSE, { s: link.shopId, i: link.invitationId, q: link.questionId, b: link.buyer });
}

/** The link a genuine token names, or undefined for anything forged, altered or of another purpose. */
export function readAnswerLinkToken(secretKey: Buffer, token: string): AnswerLink | undefined {
  const payload = verifyToken<{ s?: unknown; i?: unknown; q?: unknown; b?: unknown }>(secretKey, PURPOSE, token);
  if (!payload || typeof payload.s !== 'string' || !Number.isSafeInteger(payload.i) || !Number.isSafeInteger(payload.q) || typeof payload.b !== 'string') return undefined;
  return { shopId: payload.s, invitationId: payload.i as number, questionId: payload.q as number, buyer: payload.b };
}
