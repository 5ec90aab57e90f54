/** One problem with a request, as the server lists them for code 3. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * A non-zero `code` from the Open API, or a transport failure (code -1). `code` is the contract's
 * business code (3 invalid, 5 not found, 7 scope, 8 rate limited, 16 unauthenticated…);
 * `requestId` is what Plaudit's operators need to find the request in their logs.
 */
export class PlauditError extends Error {
  override readonly name = 'PlauditError';
  constructor(
    message: string,
    readonly code: number,
    readonly httpStatus: number,
    readonly requestId: string | undefined,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(message);
  }

  get isRetryable(): boolean {
    return this.code === -1 || this.code === 8 || this.code === 13 || this.code === 4 || this.httpStatus >= 500;
  }
}
