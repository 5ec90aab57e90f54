/** Where the consent page answers: the Trustoo path, and the short one partners may link to. */
export const CONSENT_PATHS = ['/api/v1/openapi/oauth/authorize', '/oauth/authorize'] as const;

/** The token endpoint: both grants, both wire styles. */
export const TOKEN_PATH = '/api/v1/openapi/oauth/token';
