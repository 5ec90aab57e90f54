import type { FastifyInstance } from 'fastify';

/** Plaudit's mark: a five-pointed star on the accent colour, as SVG (a few hundred bytes, no file to ship). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2f6f4f"/><path fill="#fff" d="M16 5.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L16 21.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z"/></svg>`;

export const FAVICON_PATH = '/favicon.svg';

/** Serves the favicon the API reference and every page can point at. */
export function registerFavicon(app: FastifyInstance): void {
  app.get(FAVICON_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
  );
}
