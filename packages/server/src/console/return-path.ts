const HOME = '/console';

/**
 * Where to go after sign-in: only a place on this server. The value is judged the way a browser
 * will read it, by the WHATWG URL parser against our own origin, because hand-written prefix rules
 * miss what the parser forgives: it drops tabs and newlines (`/<TAB>/evil.example` becomes
 * `//evil.example`), reads `\` as `/`, and resolves dot segments (`/.//evil.example`).
 *
 * The answer is the parser's own serialisation, never the raw input, and it is checked once more as
 * written: a normalised path that begins with `//` would be protocol-relative on the way back out.
 */
export function safeReturnPath(value: unknown, ownOrigin: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return HOME;
  const origin = new URL(ownOrigin).origin;
  const resolved = parseAgainst(value, origin);
  if (resolved === undefined || resolved.origin !== origin) return HOME;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  const reread = parseAgainst(path, origin);
  if (path.startsWith('//') || reread === undefined || reread.href !== resolved.href) return HOME;
  return path;
}

function parseAgainst(value: string, origin: string): URL | undefined {
  try {
    return new URL(value, origin);
  } catch {
    return undefined;
  }
}
