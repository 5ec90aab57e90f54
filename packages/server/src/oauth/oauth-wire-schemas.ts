import { type TSchema, Type } from '@sinclair/typebox';
import { ErrorSchema, SuccessSchema } from '../http/envelope.js';
import { SCOPES } from '../http/actor.js';

/** Documentation schemas of the OAuth and platform endpoints (docs/reference/auth.md §6–7). */

const text = (description: string) => Type.String({ description });
const optionalText = (description: string) => Type.Optional(text(description));

const clientCredentials = {
  client_id: text('the platform’s client id'),
  client_secret: text('the platform’s client secret (or send both with HTTP Basic)'),
};

const shopSelector = {
  shop_id: optionalText('the shop id; or myshopify_domain'),
  myshopify_domain: optionalText('the shop domain; or shop_id'),
};

export const TokenRequestSchema = Type.Object({
  grant_type: Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token')]),
  client_id: optionalText('required unless HTTP Basic is used'),
  client_secret: optionalText('required unless HTTP Basic is used'),
  code: optionalText('authorization_code grant: the code from the redirect'),
  redirect_uri: optionalText('authorization_code grant: the redirect_uri of the authorization request'),
  code_verifier: optionalText('authorization_code grant: the PKCE verifier, when a code_challenge was sent'),
  refresh_token: optionalText('refresh_token grant: the latest refresh token (each use rotates it)'),
});

const TrustooTokens = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.String({ description: 'seconds, as a string in this style', examples: ['3600'] }),
  refresh_token: Type.String(),
  scope: Type.String({ description: 'comma-separated', examples: ['read_reviews,write_reviews'] }),
});

export const RfcTokens = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    refresh_token: Type.String(),
    scope: Type.String({ description: 'space-separated' }),
  },
  { title: 'RFC 6749 token response (form-encoded requests)' },
);

export const RfcError = Type.Object({ error: Type.String(), error_description: Type.String() }, { title: 'RFC 6749 error (form-encoded requests)' });

export function envelopeOr(data: TSchema, rfc?: TSchema): Record<string, TSchema> {
  return {
    200: rfc ? Type.Union([SuccessSchema(data), rfc]) : SuccessSchema(data),
    '4xx': rfc ? Type.Union([ErrorSchema, RfcError]) : ErrorSchema,
  };
}

export const tokenResponses = envelopeOr(TrustooTokens, RfcTokens);

export const RevokeRequestSchema = Type.Object({
  ...clientCredentials,
  token: text('an access or refresh token of this client'),
  token_type_hint: Type.Optional(Type.Union([Type.Literal('access_token'), Type.Literal('refresh_token')])),
});

export const AuthorizeQuerySchema = Type.Object({
  client_id: text('the platform’s client id'),
  redirect_uri: optionalText('one of the registered redirect URIs, exactly; required when several are registered'),
  response_type: Type.Optional(Type.Literal('code')),
  scope: optionalText(`comma- or space-separated subset of: ${SCOPES.join(', ')}; default: all the platform may ask for`),
  state: optionalText('echoed back on the redirect'),
  code_challenge: optionalText('PKCE S256 challenge (base64url SHA-256 of the verifier)'),
  code_challenge_method: Type.Optional(Type.Literal('S256')),
  shop: optionalText('shop id or domain to preselect'),
});

export const AuthorizeUrlData = Type.Object({ authorize_url: Type.String() });

export const DisconnectRequestSchema = Type.Object({
  client_id: optionalText('with client_secret and shop_id, when no bearer token is sent'),
  client_secret: optionalText('see client_id'),
  shop_id: optionalText('see client_id'),
});

export const DisconnectData = Type.Object({ shop_id: Type.String(), status: Type.String({ examples: ['disconnected'] }) });

export const PlatformShopQuerySchema = Type.Object({ ...clientCredentials, ...shopSelector });

export const AuthorizationInfoData = Type.Object({
  is_authorized: Type.Boolean(),
  authorized_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  granted_scopes: Type.String({ description: 'comma-separated; empty unless authorized' }),
  shop_id: Type.String(),
  myshopify_domain: Type.String(),
  status: Type.String({ description: 'Plaudit extension: active, disconnected, cancelled or never_authorized' }),
  client_id: Type.String({ description: 'Plaudit extension' }),
});

export const InstallStatusData = Type.Object({
  is_installed: Type.Union([Type.Literal(0), Type.Literal(1)], { description: '1 while the shop has this platform authorized' }),
  installed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the shop authorized this platform; null when it has not, or no longer has' }),
  shop_id: Type.String(),
  myshopify_domain: Type.String(),
  plaudit_shop_active: Type.Union([Type.Literal(0), Type.Literal(1)], { description: 'Plaudit extension: 1 when the shop exists in Plaudit and is active, whatever its grants' }),
});

export const ConsentData = Type.Object({ code: Type.String(), redirect_url: Type.String(), state: Type.String() });
