/** §12.9: random ids kept in the shop origin's storage; a fresh one per page view when storage is closed. No cookies. */
function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return prefix + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function stored(storage: () => Storage, key: string, prefix: string): string {
  try {
    const existing = storage().getItem(key);
    if (existing) return existing;
    const id = randomId(prefix);
    storage().setItem(key, id);
    return id;
  } catch {
    return randomId(prefix);
  }
}

export const sessionId = (): string => stored(() => sessionStorage, 'plaudit:session', 's_');
export const deviceId = (): string => stored(() => localStorage, 'plaudit:device', 'd_');
