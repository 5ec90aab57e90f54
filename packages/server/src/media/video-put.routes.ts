import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { successEnvelope } from '../http/envelope.js';
import { unixSeconds } from '../time/clock.js';
import { receiveVideoPut } from './video-upload.service.js';

/** The Plaudit-signed video upload URL of docs/reference/reviews.md §11.2 and its CORS preflight. */
export function registerVideoPutRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.put<{ Params: { token: string } }>('/media/put/:token', async (request, reply) => {
    const { token } = request.params;
    const length = request.headers['content-length'];
    const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const answer = await receiveVideoPut(deps, token, contentType, length === undefined ? undefined : Number(length), request.raw);
    return reply.type('application/json; charset=utf-8').send(successEnvelope(answer, request.id, unixSeconds(deps.clock)));
  });

  app.options('/media/put/:token', async (_request, reply) =>
    reply.code(204).header('access-control-allow-methods', 'PUT, OPTIONS').header('access-control-allow-headers', 'Content-Type').header('access-control-max-age', '86400').send(),
  );
}
