import type { FastifyReply } from 'fastify';

/**
 * What every connector endpoint answers: a status and one word or sentence, never cached. Store
 * platforms read only the status; a sender without the secret learns nothing from the words.
 */
export function sendPlain(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(text);
}
