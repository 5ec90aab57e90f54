/** docs/reference/collection.md §13: what happened, where, and on which operating system. */
export const EVENT_TYPES = [
  'VIEW_WIDGET',
  'VIEW_REVIEW',
  'EXPAND_CONTENT',
  'SUBMIT_REVIEW',
  'CLICK_REVIEW',
  'PAGINATION',
  'FILTER_REVIEW',
  'SORT_REVIEW',
  'CLICK_MEDIA',
  'CLOSE_VIDEO_POPUP',
  'HELPFUL_VOTE',
  'OPEN_EMAIL',
  'CLICK_EMAIL',
  'UNSUBSCRIBE',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_SOURCES = ['STOREFRONT', 'EMAIL', 'ADMIN'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const OS_TYPES = ['IOS', 'ANDROID', 'WINDOWS', 'MACOS', 'LINUX', 'OTHER'] as const;
export type OsType = (typeof OS_TYPES)[number];

/** The operating system from a User-Agent, checked in the contract's order (iPad before Mac). */
export function osTypeFromUserAgent(userAgent: string | undefined): OsType {
  const ua = userAgent ?? '';
  if (/iPhone|iPad|iPod/.test(ua)) return 'IOS';
  if (/Android/.test(ua)) return 'ANDROID';
  if (/Windows/.test(ua)) return 'WINDOWS';
  if (/Macintosh|Mac OS X/.test(ua)) return 'MACOS';
  if (/Linux|CrOS/.test(ua)) return 'LINUX';
  return 'OTHER';
}
