import { type FieldError, PlauditError } from './errors.js';

interface Envelope {
  code: number;
  message: string;
  request_id?: string;
  data?: unknown;
}

/** The `data` of a `{code, message, time, request_id, data}` answer, or a PlauditError carrying its code and request id. */
export async function readEnvelope(response: Response): Promise<unknown> {
  const retryAfter = response.headers.get('retry-after');
  const retryAfterSeconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  let envelope: Envelope;
  try {
    envelope = (await response.json()) as Envelope;
  } catch {
    throw new PlauditError(`unexpected non-JSON answer with HTTP ${response.status}`, -1, response.status, response.headers.get('x-request-id') ?? undefined, [], retryAfterSeconds);
  }
  if (envelope.code !== 0) {
    const errors = (envelope.data as { errors?: FieldError[] } | undefined)?.errors ?? [];
    throw new PlauditError(envelope.message, envelope.code, response.status, envelope.request_id, errors, retryAfterSeconds);
  }
  return envelope.data;
}
