import type { PolicyMessages } from './messages-type.js';

/** The "How reviews work" page in English (docs/reference/storefront.md §10.1); the server's only. */
export const enPolicy: PolicyMessages = {
  policyTitle: "How reviews work at {shop}",
  policyCollectedHeading: "How reviews are collected",
  policyRequest: "After an order is fulfilled, the buyer is invited by e-mail to review it, {n, plural, one {# day} other {# days}} later.",
  policyReminder: "Buyers who have not answered receive one reminder.",
  policyOpenForm: "Anyone can also write a review from the product page.",
  policyVerifiedHeading: "How reviews are verified",
  policyVerified: "A “Verified buyer” badge means the review was matched to an order of the product in this shop, or was marked as a verified purchase by the review service it was imported from.",
  policyNotVerified: "This shop does not mark reviews as verified.",
  policyPublishedHeading: "Which reviews are published",
  policyAllPublished: "Every review is published, whatever its rating. A review is removed only when it breaks the law or the content rules: spam, offensive language or personal data.",
  policyHeldBelow: "Reviews of {rating} stars or more are published at once. Reviews with fewer stars are read by the shop before they are published.",
  policyAllHeld: "Every review is read by the shop before it is published.",
  policyIncentiveHeading: "Incentives",
  policyIncentive: "Reviews whose authors received something in return, such as a discount, are marked “Received an incentive”.",
  policyModeratedHeading: "How reviews are moderated",
  policyHeldFor: "Reviews that contain {items} are read by the shop before they are published, whatever their rating.",
  policyItemProfanity: "swear words or slurs",
  policyItemLinks: "web addresses",
  policyItemPersonal: "e-mail addresses or phone numbers",
  policyItemCopies: "the same words as another recent review by the same person",
  policyNoOrder: "Reviews that no order confirms are read by the shop before they are published.",
  policyMasked: "E-mail addresses and phone numbers written in a review are hidden before it is published.",
  policyReports: "Anyone can report a review. The shop reads every report and decides.",
  policyNoContentRules: "No review is held back for what it says.",
};
