import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Sends CSV as a file to save, never rendered or cached: it holds the shop's own data. */
export function sendCsvDownload(reply: FastifyReply, fileName: string, body: string | Readable): FastifyReply {
  return reply
    .headers({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .send(body);
}
