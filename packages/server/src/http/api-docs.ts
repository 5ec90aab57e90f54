import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { FAVICON_PATH, registerFavicon } from './favicon.js';

/** The operating system's own fonts: nothing to download. */
const SYSTEM_FONTS_CSS = `.scalar-app, .scalar-api-reference { --scalar-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }`;

export const API_VERSION = '1.0.0';

/** The OpenAPI document is generated from the route schemas; /docs renders it with Scalar. */
export async function installApiDocs(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plaudit Open API',
        version: API_VERSION,
        description:
          'Reviews Data API, wire-compatible with the Trustoo / TrustWILL Open API. Every answer is the envelope ' +
          '`{code, message, time, request_id, data}`; `code` 0 is success. Sign requests with the shop\'s private token ' +
          '(headers Public-Token, Timestamp, Sign) or send an OAuth2 bearer token.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          PublicToken: { type: 'apiKey', in: 'header', name: 'Public-Token', description: "The shop's public token (console → API access). Sent with Timestamp and Sign." },
          Timestamp: { type: 'apiKey', in: 'header', name: 'Timestamp', description: 'Unix seconds when you signed the request; within 15 minutes of the server clock.' },
          Sign: {
            type: 'apiKey',
            in: 'header',
            name: 'Sign',
            description:
              'Lowercase hex HMAC-SHA256, keyed by the shop\'s private token, of the string to sign: version 1 (Trustoo\'s) signs the sorted query pairs plus timestamp, then `|` and the body; version 2 (header Sign-Version: 2) signs method, path, query, timestamp and body hash. `plaudit sign` prints a signed curl command.',
          },
          BearerAuth: { type: 'http', scheme: 'bearer', description: 'A partner platform\'s OAuth2 access token for one shop (Authorization: Bearer <token>), with the scopes the merchant granted.' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerFavicon(app);
  // A self-hosted product must not call home: Scalar's bundle is served by the plugin itself, and
  // every feature that reaches Scalar's servers (fonts, telemetry, the AI agent, the hosted client
  // and its request proxy) is off. The page is checked in Chromium for outside requests. Held on
  // 1.46: every later release needs Node 22, and Node 20 is the runtime we support.
  await app.register(scalar, {
    routePrefix: '/docs',
    configuration: {
      url: '/openapi.json',
      title: 'Plaudit API reference',
      pageTitle: 'Plaudit API reference',
      favicon: FAVICON_PATH,
      withDefaultFonts: false,
      customCss: SYSTEM_FONTS_CSS,
      telemetry: false,
      agent: { disabled: true },
      hideClientButton: true,
      showDeveloperTools: 'never',
      proxyUrl: '',
      // What the request examples show in each header, instead of a generic placeholder.
      authentication: {
        preferredSecurityScheme: [['PublicToken', 'Timestamp', 'Sign']],
        securitySchemes: {
          PublicToken: { value: '<your shop public token>' },
          Timestamp: { value: '<unix seconds now>' },
          Sign: { value: '<hex HMAC-SHA256 of the string to sign, keyed by your private token>' },
          BearerAuth: { token: '<OAuth access token>' },
        },
      },
    },
  });
}
