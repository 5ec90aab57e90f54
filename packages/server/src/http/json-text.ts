import { type ApiError, invalidField } from './errors.js';

/**
 * How deep a request's JSON may nest. Nothing in the contract nests deeper than 4; 32 leaves room
 * for `extra` objects and keeps every recursive walk after parsing (text normalisation, schema
 * validation) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a request body as JSON text, refusing what would otherwise be silently mangled or would
 * crash a later step: a charset other than UTF-8, bytes that are not valid UTF-8 (they would be
 * stored as U+FFFD), nesting deeper than MAX_JSON_DEPTH, and `\uD800`-style escapes that leave a
 * lone surrogate. Answers the exact text and the parsed value, or the error to send (code 3).
 */
export function readJsonText(bytes: Buffer, contentType: string | undefined): { text: string; value: unknown } | ApiError {
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return invalidField('Content-Type', `charset must be utf-8, not ${charset.slice(0, 40)}`, 415);
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return invalidField('body', 'is not valid UTF-8');
  }
  if (text.trim() === '') return { text, value: {} };
  if (nestingExceeds(text, MAX_JSON_DEPTH)) return invalidField('body', `nests deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalidField('body', 'is not valid JSON');
  }
  if (hasLoneSurrogate(value)) return invalidField('body', 'contains an unpaired surrogate escape (\\uD800-\\uDFFF); text must be valid Unicode');
  return { text, value };
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Whether the JSON text nests deeper than `limit`, counted in one pass over the characters, before
 * anything parses it: brackets inside strings do not count, and escapes inside strings are skipped.
 */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth -= 1;
  }
  return false;
}

/** With the `u` flag a surrogate pair reads as one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Whether any key or string in a parsed JSON value holds a lone surrogate. Iterative, no recursion. */
function hasLoneSurrogate(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return true;
    } else if (Array.isArray(value)) pending.push(...value);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}
