import type { CallOptions, PlauditClient } from './client.js';
import { everyItem } from './paging.js';
import type { CreateAnswerBody, CreateQuestionBody, DeleteQuestionData, GetQuestionsData, GetQuestionsQuery, Question, UpdateAnswerBody, UpdateQuestionBody } from './generated/api-types.js';

/** Questions and answers of docs/reference/questions.md §3–5 (scopes read_questions, write_questions). */
export class QuestionsApi {
  constructor(private readonly client: PlauditClient) {}

  /** One question with all its answers; a missing, deleted or foreign id throws code 5. */
  get(id: number): Promise<Question> {
    return this.client.call('get_question', { id });
  }

  /** One page of questions with filters (product, status, answered, keyword, updated_since). */
  list(query: GetQuestionsQuery = {}): Promise<GetQuestionsData> {
    return this.client.call('get_questions', query);
  }

  /**
   * Every question matching the filters, page after page:
   * `for await (const question of client.questions.iterate({ answered: 0 })) …`
   */
  iterate(query: Omit<GetQuestionsQuery, 'page'> = {}): AsyncGenerator<Question, void, undefined> {
    return everyItem((page) => this.list(page), query);
  }

  /** A shopper's question relayed by a partner; without `status` the shop's moderation rules decide. */
  ask(question: CreateQuestionBody, options?: CallOptions): Promise<Question> {
    return this.client.call('create_question', question, options);
  }

  /** Publishes, hides or pins a question. */
  update(changes: UpdateQuestionBody, options?: CallOptions): Promise<Question> {
    return this.client.call('update_question', changes, options);
  }

  delete(id: number, options?: CallOptions): Promise<DeleteQuestionData> {
    return this.client.call('delete_question', { id }, options);
  }

  /** Answers a question, by default as the store; answers the question with all its answers. */
  answer(answer: CreateAnswerBody, options?: CallOptions): Promise<Question> {
    return this.client.call('create_answer', answer, options);
  }

  /** Publishes or hides an answer, or rewords one of the store's own. */
  updateAnswer(changes: UpdateAnswerBody, options?: CallOptions): Promise<Question> {
    return this.client.call('update_answer', changes, options);
  }

  deleteAnswer(id: number, options?: CallOptions): Promise<Question> {
    return this.client.call('delete_answer', { id }, options);
  }
}
