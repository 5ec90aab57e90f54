/** How the console names the rules' reasons and the shoppers' report reasons, on every page that shows them. */
export const RULE_REASON_LABELS: Readonly<Record<string, string>> = {
  profanity: 'Swear words',
  link: 'Web address',
  personal_data: 'Contact details',
  personal_data_masked: 'Contact details hidden',
  near_duplicate: 'Copy of an earlier review',
  no_order: 'No order',
  below_min_rating: 'Below your minimum rating',
  manual_review: 'You approve every review',
};

export const REPORT_REASON_LABELS: Readonly<Record<string, string>> = {
  spam: 'Spam',
  offensive: 'Offensive',
  not_a_buyer: 'Not a buyer',
  personal_data: 'Personal data',
  other: 'Other',
};
