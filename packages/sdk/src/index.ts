export { PlauditClient, type CallOptions, type ClientOptions, type Credentials, type RetryOptions } from './client.js';
export { PlauditError, type FieldError } from './errors.js';
export { RatingsApi } from './ratings-api.js';
export { restartCursor, ReviewsApi, type SyncCursor } from './reviews-api.js';
export { signRequest, stringToSign } from './signing.js';
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, verifyStandardWebhook, verifyTrustooWebhook, type HeaderBag, type VerifyOptions } from './webhooks.js';
export { encodeQuery, type QueryValue } from './query-string.js';
export * from './generated/api-types.js';
