import type { QuestionMessages } from './messages-type.js';

/** The questions element in English (docs/reference/questions.md §8), carried by its chunk, not by the widget's loader. */
export const enQuestions: QuestionMessages = {
  questionsTitle: "Questions & answers",
  questionsCount: "{n, plural, one {# question} other {# questions}}",
  searchQuestions: "Search questions and answers",
  search: "Search",
  searchPlaceholder: "Have a question? Search for answers",
  noQuestions: "No questions yet. Ask the first one.",
  noMatches: "No answers match your search.",
  askQuestion: "Ask a question",
  askedBy: "Asked by {name}",
  storeBadge: "Store",
  questionLabel: "Question",
  answerLabel: "Answer",
  yourQuestion: "Your question",
  askHint: "We will e-mail you when it is answered. Your e-mail address is never shown.",
  sendQuestion: "Send question",
  questionThanks: "Thank you! We will e-mail you when your question is answered.",
  questionHeld: "Thank you! The shop will look at your question first.",
};
