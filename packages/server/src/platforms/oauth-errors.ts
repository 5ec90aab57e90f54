import { ApiError, Code } from '../http/errors.js';

/** The RFC 6749 §5.2 / RFC 7009 error codes Plaudit answers. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type';

/**
 * One error of the token and revocation endpoints, mapped 1:1 to its RFC code. The same error is
 * answered in either wire style (docs/reference/auth.md §6): the envelope with a business code, or the RFC object.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    /** The request parameter at fault, for the envelope's field list (docs/reference/conventions.md §4.2). */
    readonly field = 'body',
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  /** Bad client credentials are an authentication failure; everything else is a bad request. */
  get httpStatus(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }

  /** The envelope form: code 16 for client authentication, code 3 for the rest. */
  toApiError(): ApiError {
    return this.error === 'invalid_client'
      ? new ApiError(Code.unauthenticated, this.description)
      : new ApiError(Code.invalidArgument, this.description, { errors: [{ field: this.field, reason: this.description }] });
  }

  toRfcBody(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidClient = () => new OAuthError('invalid_client', 'client authentication failed');
export const invalidGrant = (field: string, reason: string) => new OAuthError('invalid_grant', reason, field);
export const invalidRequest = (field: string, reason: string) => new OAuthError('invalid_request', reason, field);
