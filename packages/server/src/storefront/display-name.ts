import type { ShopSettings } from '../shops/shop-settings.js';

/**
 * How a reviewer's name is shown to shoppers (docs/reference/storefront.md §2 `name_format`): `Ann Lee` →
 * full `Ann Lee`, first_initial `Ann L.`, initials `A. L.`, first_name `Ann`, anonymous `""`.
 */
export function displayName(author: string, format: ShopSettings['name_format']): string {
  const words = author.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined || format === 'anonymous') return '';
  const last = words.length > 1 ? words[words.length - 1]! : undefined;
  const initial = (word: string) => `${[...word][0]!.toUpperCase()}.`;
  switch (format) {
    case 'full':
      return words.join(' ');
    case 'first_name':
      return first;
    case 'initials':
      return last === undefined ? initial(first) : `${initial(first)} ${initial(last)}`;
    case 'first_initial':
      return last === undefined ? first : `${first} ${initial(last)}`;
  }
}
