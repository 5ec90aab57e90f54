import { Api, readEnv } from './env.js';
import { EventQueue } from './events.js';

/** One per page: the API client and the event queue every element shares. Captured while the script runs. */
const script = document.currentScript as HTMLScriptElement | null;
export const api = new Api(readEnv(script));
export const events = new EventQueue(api);

declare const __PLAUDIT_CHUNKS__: { writeForm: string; lightbox: string };

/** Lazily loaded chunks (§12.2): the write form and the lightbox, fetched on first use. */
export function loadChunk<T>(name: keyof typeof __PLAUDIT_CHUNKS__): Promise<T> {
  return import(/* @vite-ignore */ new URL(`/widget/v1/${__PLAUDIT_CHUNKS__[name]}`, api.env.base).href) as Promise<T>;
}
