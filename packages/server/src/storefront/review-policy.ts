import { format, type Messages } from '@plaudit/review-view/messages';
import type { ShopSettings } from '../shops/shop-settings.js';

export interface PolicySection {
  heading: string;
  paragraphs: string[];
}

/**
 * "How reviews work here" (docs/reference/storefront.md §10.1), written from the shop's own
 * settings, so it cannot promise what the shop does not do: the EU Omnibus directive and the UK
 * DMCC Act ask shops to say whether and how they check that reviews come from buyers, and the FTC
 * rule forbids hiding reviews for their rating without saying so. A shop that holds low ratings
 * back says so here, in those words, and its moderation rules are listed as they are set.
 */
/** The shop's moderation rules in its shoppers' words: what holds a review, what is hidden, and reports. */
function moderation(settings: ShopSettings, m: Messages): string[] {
  const rules = settings.moderation;
  const held = [
    rules.profanity === 'hold' && m.policyItemProfanity,
    rules.links === 'hold' && m.policyItemLinks,
    rules.personal_data === 'hold' && m.policyItemPersonal,
    rules.near_duplicates === 'hold' && m.policyItemCopies,
  ].filter((item): item is string => item !== false);
  const paragraphs = held.length > 0 ? [format(m.policyHeldFor, { items: new Intl.ListFormat(m.locale, { type: 'disjunction' }).format(held) }, m.locale)] : [];
  if (rules.no_order === 'hold') paragraphs.push(m.policyNoOrder);
  if (paragraphs.length === 0) paragraphs.push(m.policyNoContentRules);
  if (rules.personal_data === 'mask') paragraphs.push(m.policyMasked);
  paragraphs.push(m.policyReports);
  return paragraphs;
}

export function reviewPolicy(settings: ShopSettings, m: Messages): PolicySection[] {
  const collected = [format(m.policyRequest, { n: settings.request_delay_days }, m.locale)];
  if (settings.reminder_enabled) collected.push(m.policyReminder);
  if (settings.review_form_enabled) collected.push(m.policyOpenForm);
  const published = !settings.auto_publish
    ? m.policyAllHeld
    : settings.auto_publish_min_rating > 1
      ? format(m.policyHeldBelow, { rating: settings.auto_publish_min_rating }, m.locale)
      : m.policyAllPublished;
  return [
    { heading: m.policyCollectedHeading, paragraphs: collected },
    { heading: m.policyVerifiedHeading, paragraphs: [settings.show_verified_badge ? m.policyVerified : m.policyNotVerified] },
    { heading: m.policyPublishedHeading, paragraphs: [published] },
    { heading: m.policyModeratedHeading, paragraphs: moderation(settings, m) },
    { heading: m.policyIncentiveHeading, paragraphs: [m.policyIncentive] },
  ];
}
