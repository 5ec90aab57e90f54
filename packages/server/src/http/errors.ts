/**
 * Business codes of the contract (docs/reference/conventions.md §4.3), with their HTTP status. Services throw ApiError;
 * one error handler turns it into the envelope. The numbers follow gRPC status codes.
 */
export const Code = {
  ok: 0,
  invalidArgument: 3,
  deadlineExceeded: 4,
  notFound: 5,
  alreadyExists: 6,
  permissionDenied: 7,
  rejected: 8,
  internal: 13,
  unauthenticated: 16,
} as const;
export type Code = (typeof Code)[keyof typeof Code];

export const defaultHttpStatus: Record<Code, number> = {
  [Code.ok]: 200,
  [Code.invalidArgument]: 400,
  [Code.deadlineExceeded]: 504,
  [Code.notFound]: 404,
  [Code.alreadyExists]: 409,
  [Code.permissionDenied]: 403,
  [Code.rejected]: 429,
  [Code.internal]: 500,
  [Code.unauthenticated]: 401,
};

/** One problem with the input: `field` uses dots and zero-based indexes (`media[2].url`). */
export interface FieldError {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly code: Exclude<Code, 0>,
    message: string,
    options: { httpStatus?: number; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.httpStatus = options.httpStatus ?? defaultHttpStatus[code];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
}

/** Code 3 listing every problem; the message repeats the first and counts the rest. */
export function invalidArgument(errors: FieldError[], httpStatus = 400): ApiError {
  const [first] = errors;
  if (first === undefined) throw new Error('invalidArgument needs at least one field error');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const subject = first.field === 'body' ? 'request body' : first.field;
  return new ApiError(Code.invalidArgument, `${subject} ${first.reason}${more}`, { httpStatus, errors });
}

export function invalidField(field: string, reason: string, httpStatus = 400): ApiError {
  return invalidArgument([{ field, reason }], httpStatus);
}

/** Code 5. Foreign and missing objects share this answer, so callers cannot probe other shops. */
export function notFound(what: string, id: string | number): ApiError {
  return new ApiError(Code.notFound, `${what} ${id} not found`);
}

export function unauthenticated(message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(Code.unauthenticated, message, headers ? { headers } : {});
}

export function permissionDenied(message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(Code.permissionDenied, message, headers ? { headers } : {});
}

export function conflict(message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(Code.alreadyExists, message, headers ? { headers } : {});
}

export function rateLimited(policy: string, retryAfterSeconds: number): ApiError {
  return new ApiError(Code.rejected, `rate limit "${policy}" exceeded; retry after ${retryAfterSeconds} seconds`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
