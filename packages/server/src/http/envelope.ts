import { Type, type TSchema } from '@sinclair/typebox';
import type { Code, FieldError } from './errors.js';

/** `success`, or `OK` where Trustoo's documentation answers that (email_unsubscribe). */
export type SuccessMessage = 'success' | 'OK';

export interface SuccessEnvelope<T> {
  code: 0;
  message: SuccessMessage;
  time: number;
  request_id: string;
  data: T;
}

export interface ErrorEnvelope {
  code: Exclude<Code, 0>;
  message: string;
  time: number;
  request_id: string;
  data?: { errors: FieldError[] };
}

export function successEnvelope<T>(data: T, requestId: string, time: number, message: SuccessMessage = 'success'): SuccessEnvelope<T> {
  return { code: 0, message, time, request_id: requestId, data };
}

/**
 * What comes before `data` in the success envelope, for `data` already serialised (an answer from
 * the answer cache): the field order JSON.stringify gives successEnvelope; a closing brace follows
 * the data. The request id is 32 hex characters.
 */
export function successEnvelopeHead(requestId: string, time: number, message: SuccessMessage = 'success'): string {
  return `{"code":0,"message":"${message}","time":${time},"request_id":"${requestId}","data":`;
}

export function errorEnvelope(code: Exclude<Code, 0>, message: string, requestId: string, time: number, errors?: FieldError[]): ErrorEnvelope {
  const body: ErrorEnvelope = { code, message, time, request_id: requestId };
  // Only code 3 carries data, and then always the full list of problems.
  if (code === 3 && errors !== undefined && errors.length > 0) body.data = { errors };
  return body;
}

const envelopeFields = {
  time: Type.Integer({ description: 'Unix seconds at which the response was produced' }),
  request_id: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'also sent as the X-Request-Id header' }),
};

/** Response schema of a successful call: the envelope around `data`. Doubles as the output allow-list. */
export function SuccessSchema<T extends TSchema>(data: T, message: SuccessMessage = 'success') {
  return Type.Object({
    code: Type.Literal(0),
    message: Type.Literal(message),
    ...envelopeFields,
    data,
  });
}

export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'parameter, body field (dots and zero-based indexes) or header at fault' }),
  reason: Type.String(),
});

export const ErrorSchema = Type.Object(
  {
    code: Type.Integer({ description: 'non-zero business code', examples: [3, 5, 16] }),
    message: Type.String(),
    ...envelopeFields,
    data: Type.Optional(Type.Object({ errors: Type.Array(FieldErrorSchema) })),
  },
  { title: 'Error envelope' },
);
