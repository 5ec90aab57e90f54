/**
 * The lengths a shopper's review may have (docs/reference/storefront.md §4). Here, without dependencies, so the
 * server's checks, the hosted page's `maxlength` attributes and the widget's form share them.
 */
export const SUBMIT_LIMITS = { author: 120, title: 300, content: 10_000, itemType: 120, email: 254, media: 10 } as const;
