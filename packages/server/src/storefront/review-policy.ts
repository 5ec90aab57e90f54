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
 * back says so here, in those words.
 */
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
    { heading: m.policyIncentiveHeading, paragraphs: [m.policyIncentive] },
  ];
}
