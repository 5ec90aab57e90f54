/**
 * Every label shoppers read in the widget, the server fragment and the hosted pages. `{n}`,
 * `{rating}`, `{name}`, `{shop}`, `{product}`, `{stars}`, `{count}`, `{percent}`, `{total}` and `{max}`
 * are placeholders, and `{n, plural, one {# review} other {# reviews}}` picks a form by the language's
 * plural rules (ICU syntax, `#` is the number); a test holds every language to English's placeholders.
 */
export interface Messages extends ReportDialogMessages, PolicyMessages, QuestionMessages {
  /** The BCP 47 tag for Intl: plural rules, relative dates, percentages. */
  locale: string;
  customerReviews: string;
  outOfFive: string;
  reviewsCount: string;
  starsRow: string;
  /** A histogram bar's accessible name: `{stars}` is starsRow, `{count}` reviewsCount, `{percent}` formatted. */
  histogramRow: string;
  verifiedBuyer: string;
  /** What the verified badge means, shown on hover and focus. */
  verifiedMeaning: string;
  /** The badge's meaning when the review was matched to an order (verification_method `order`). */
  verifiedByOrder: string;
  /** …when another review app marked it verified before it was imported (`import`). */
  verifiedByImport: string;
  /** The disclosure on a review whose author received an incentive (FTC 16 CFR 465). */
  incentivized: string;
  /** What it means, with the shop's description of the incentive as `{incentive}`. */
  incentiveMeaning: string;
  /** …when the shop did not describe it. */
  incentiveMeaningGeneric: string;
  anonymous: string;
  photoFrom: string;
  videoFrom: string;
  reply: string;
  replyFrom: string;
  noReviews: string;
  firstReview: string;
  writeReview: string;
  allStars: string;
  withPhotos: string;
  sortBy: string;
  sortComprehensive: string;
  sortNewest: string;
  sortHighest: string;
  sortLowest: string;
  sortPhotos: string;
  previous: string;
  next: string;
  pageOf: string;
  readMore: string;
  showLess: string;
  wasHelpful: string;
  helpful: string;
  loading: string;
  customerPhotos: string;
  noPhotos: string;
  rating: string;
  title: string;
  content: string;
  name: string;
  email: string;
  photos: string;
  submit: string;
  thanksHeading: string;
  /** After thanksHeading: the review is live. */
  reviewPublished: string;
  /** After thanksHeading: the review waits for the shop. */
  reviewPending: string;
  backToShop: string;
  close: string;
  required: string;
  howWas: string;
  reviewFor: string;
  optional: string;
  addPhotos: string;
  uploading: string;
  removePhoto: string;
  tooManyRequests: string;
  alreadyReviewed: string;
  errorRating: string;
  errorTooLong: string;
  errorEmail: string;
  errorPhotos: string;
  /** The widget's link to the shop's review policy page, and that page (docs/reference/storefront.md §10.1). */
  policyLink: string;
  /** `{n}` days after fulfilment. */
  /** `{rating}`: the shop's auto-publish minimum. */
  /** The "Report" action on a review (docs/reference/storefront.md §6.1); its dialog's sentences are ReportDialogMessages. */
  report: string;
  reportReview: string;
}

/** The report dialog's sentences, apart so the widget's loader can leave the English ones out. */
export interface ReportDialogMessages {
  reportTitle: string;
  reportWhy: string;
  reportSpam: string;
  reportOffensive: string;
  reportNotBuyer: string;
  reportPersonal: string;
  reportOther: string;
  reportDetails: string;
  reportSend: string;
  reportThanks: string;
}

/**
 * The "How reviews work" page (docs/reference/storefront.md §10.1), written by the server only.
 * `policyHeldFor` lists the rules that hold, joined with the language's "or".
 */
export interface PolicyMessages {
  policyTitle: string;
  policyCollectedHeading: string;
  policyRequest: string;
  policyReminder: string;
  policyOpenForm: string;
  policyVerifiedHeading: string;
  policyVerified: string;
  policyNotVerified: string;
  policyPublishedHeading: string;
  policyAllPublished: string;
  policyHeldBelow: string;
  policyAllHeld: string;
  policyIncentiveHeading: string;
  policyIncentive: string;
  policyModeratedHeading: string;
  policyHeldFor: string;
  policyItemProfanity: string;
  policyItemLinks: string;
  policyItemPersonal: string;
  policyItemCopies: string;
  policyNoOrder: string;
  policyMasked: string;
  policyReports: string;
  policyNoContentRules: string;
}

/** The questions element (docs/reference/questions.md §8), apart so the widget's loader can leave the English ones out. */
export interface QuestionMessages {
  questionsTitle: string;
  /** `{n}` questions, a plural choice. */
  questionsCount: string;
  searchQuestions: string;
  /** The search button's label. */
  search: string;
  searchPlaceholder: string;
  noQuestions: string;
  noMatches: string;
  askQuestion: string;
  /** `{name}`: the asker as the shop's name format shows it. */
  askedBy: string;
  /** The badge of the store's own answers. */
  storeBadge: string;
  questionLabel: string;
  answerLabel: string;
  yourQuestion: string;
  askHint: string;
  sendQuestion: string;
  questionThanks: string;
  questionHeld: string;
}

/** What the views and the widget's loader need: every message but the report dialog's, the policy page's and the questions element's. */
export type ViewMessages = Omit<Messages, keyof ReportDialogMessages | keyof PolicyMessages | keyof QuestionMessages>;
