import type { AnyOperation } from '../../http/operation.js';
import { createAnswerOperation } from './create-answer.route.js';
import { createQuestionOperation } from './create-question.route.js';
import { deleteAnswerOperation } from './delete-answer.route.js';
import { deleteQuestionOperation } from './delete-question.route.js';
import { getQuestionOperation } from './get-question.route.js';
import { getQuestionsOperation } from './get-questions.route.js';
import { updateAnswerOperation } from './update-answer.route.js';
import { updateQuestionOperation } from './update-question.route.js';

/** The Questions and Answers operations of docs/reference/questions.md, in the order the reference lists them. */
export const questionOperations: readonly AnyOperation[] = [
  getQuestionsOperation,
  getQuestionOperation,
  createQuestionOperation,
  updateQuestionOperation,
  deleteQuestionOperation,
  createAnswerOperation,
  updateAnswerOperation,
  deleteAnswerOperation,
];
