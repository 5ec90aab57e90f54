import type { Db } from '../db/connect.js';
import { createAnswer } from '../questions/answer.service.js';
import { createQuestion } from '../questions/question.service.js';
import { findShopById } from '../shops/shop-repository.js';
import { readShopSettings } from '../shops/shop-settings.js';
import type { Clock } from '../time/clock.js';

interface Sample {
  content: string;
  asker: string;
  daysAgo: number;
  answers: Array<{ content: string; author?: string }>;
}

// Between them they show what the questions element shows: the store's answers, a shopper's, and
// a question answered twice. Demo data is history: it is seeded as imported, so nobody is e-mailed.
const SAMPLES: Sample[] = [
  { content: 'Is it dishwasher safe?', asker: 'Gil Ortega', daysAgo: 30, answers: [{ content: 'Yes, and microwave safe too. The glaze keeps its shine after hundreds of washes.' }, { content: 'Mine has been through the dishwasher daily for a year and looks new.', author: 'Hana Ito' }] },
  { content: 'How much coffee does it hold?', asker: 'Ivy Brooks', daysAgo: 12, answers: [{ content: '350 ml filled to the brim, about 300 ml as you would usually pour it.' }] },
  { content: 'Is the blue the same as in the photos?', asker: 'Jon Weber', daysAgo: 4, answers: [{ content: 'It is a little deeper in daylight than on most screens; each mug varies slightly, as the glaze is dipped by hand.' }] },
];

/** A few answered questions about the demo mug, so the demo page and the console's inbox have something to show. */
export async function seedDemoQuestions(db: Db, clock: Clock, shopId: string, productId: string): Promise<void> {
  const shop = (await findShopById(db.kysely, shopId))!;
  const settings = readShopSettings(shop.settings);
  await db.kysely.transaction().execute(async (trx) => {
    for (const sample of SAMPLES) {
      const askedAt = clock.now() - sample.daysAgo * 86_400_000;
      const question = await createQuestion(trx, shopId, settings, { productId, content: sample.content, askerName: sample.asker, askerEmail: '', source: 'import', status: 'published' }, askedAt);
      for (const [index, answer] of sample.answers.entries()) {
        const kind = answer.author === undefined ? 'merchant' : 'shopper';
        await createAnswer(trx, shopId, settings, { questionId: question.id, content: answer.content, authorName: answer.author ?? (settings.sender_name || shop.name), authorEmail: '', authorKind: kind, status: 'published' }, askedAt + (index + 1) * 3_600_000);
      }
    }
  });
}
