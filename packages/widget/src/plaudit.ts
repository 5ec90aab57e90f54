import { AllReviewsElement, ReviewsElement } from './reviews-element.js';
import { CarouselElement, GalleryElement } from './showcase-elements.js';
import { StarsElement } from './stars-element.js';
import { QuestionsElement } from './questions-element.js';

/** The loader of §12.1: defines the custom elements once, whatever the number of script tags. */
const elements: Array<[string, CustomElementConstructor]> = [
  ['plaudit-stars', StarsElement],
  ['plaudit-reviews', ReviewsElement],
  ['plaudit-all-reviews', AllReviewsElement],
  ['plaudit-carousel', CarouselElement],
  ['plaudit-gallery', GalleryElement],
  ['plaudit-questions', QuestionsElement],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
