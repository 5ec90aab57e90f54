import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { recordCustomerEvents } from '../../src/events/customer-events.js';
import { openApiOperations } from '../../src/open-api/open-api-operations.js';
import type { ShopCredentials } from '../../src/shops/shop-service.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { registeredRoutes } from '../support/registered-routes.js';
import { deliveryFor, testResolver, WEBHOOK_ENV } from '../support/webhooks.js';

/** The product, order, handle and e-mail both shops use: overlapping data, as real shops have. */
const PRODUCT = '1001';
const HANDLE = 'shared-mug';
const SHARED_EMAIL = 'shared@example.com';

interface Tenant {
  shop: ShopCredentials;
  /** Appears in every text this shop's data puts into an answer. */
  marker: 'tenant-alpha' | 'tenant-bravo';
  /** The widget star colour this shop sets: its storefront config must show it. */
  starColor: string;
  /** What the shop's own statistics must say: its product reviews, its store review, both. */
  expected: Record<'product' | 'store' | 'all', { review_count: number; rating_value: string }>;
}

/** Gives a shop reviews (product, store), an order, an unsubscribe, an exclusion, events, a webhook and a delivery. */
async function seed(h: Harness, tenant: Tenant, ratings: number[]): Promise<void> {
  const { shop, marker } = tenant;
  const ok = async (response: Promise<LightMyRequestResponse>) => {
    const answer = await response;
    expect(envelope(answer).code, answer.body).toBe(0);
  };
  for (const rating of ratings) {
    await ok(h.call('POST', 'create_review', { body: { product_id: PRODUCT, product_handle: HANDLE, product_title: `${marker} mug`, rating, author: `Ann ${marker}`, title: `${marker} title`, content: `${marker} content`, is_published: 1 } }, shop));
  }
  await ok(h.call('POST', 'create_review', { body: { product_id: 0, rating: ratings[0], author: `Store ${marker}`, content: `${marker} store review`, is_published: 1 } }, shop));
  const question = await h.call('POST', 'create_question', { body: { product_id: PRODUCT, content: `${marker} question`, asker_name: `Asker ${marker}`, asker_email: SHARED_EMAIL } }, shop);
  await ok(h.call('POST', 'create_answer', { body: { question_id: envelope<{ id: number }>(question).data!.id, content: `${marker} answer` } }, shop));
  await ok(h.call('POST', 'create_order', { body: { order_id: 'ORD-1', order_name: '#1', email: `${marker}@example.com`, first_name: marker, products: [{ product_id: PRODUCT, title: `${marker} mug` }] } }, shop));
  for (const email of [SHARED_EMAIL, `${marker}@example.com`]) {
    await ok(h.call('POST', 'email_unsubscribe', { body: { email, email_type: 'all' } }, shop));
    await ok(h.call('POST', 'create_customer_exclude', { body: { email } }, shop));
  }
  await recordCustomerEvents(h.deps.db.kysely, shop.shop_id, [{ eventType: 'VIEW_WIDGET', eventSource: 'STOREFRONT', osType: 'WINDOWS', sessionId: 's_shared', productId: PRODUCT, extra: { marker } }], h.clock.now());
  const hook = envelope<{ id: string }>(await h.call('POST', 'create_shop_webhook', { body: { topic: 'review/created', url: `https://hooks.example.com/${marker}` } }, shop)).data!.id;
  await deliveryFor(h, shop.shop_id, hook, { eventId: `evt_${marker}`, url: `https://hooks.example.com/${marker}` });
  await ok(h.call('POST', 'update_shop_settings', { body: { sender_name: `${marker} team`, widget_star_color: tenant.starColor } }, shop));
}

type Read = (h: Harness, own: Tenant) => Promise<LightMyRequestResponse[]>;

/** What a read answers to its own shop, beyond "200, its marker, never the other's marker". */
type Check = (own: Tenant, answers: LightMyRequestResponse[]) => void;

interface ReadCase {
  read: Read;
  /** For answers without text (statistics, settings): what must be in them instead of the marker. */
  check?: Check;
}

const data = <T>(response: LightMyRequestResponse) => envelope<T>(response).data!;

const openApiRead = (operation: string, query: string): Read => async (h, own) => [await h.call('GET', operation, { query }, own.shop)];
const publicRead = (url: (shopId: string) => string): Read => async (h, own) => [await h.app.inject({ method: 'GET', url: url(own.shop.shop_id), remoteAddress: '192.0.2.77' })];

/**
 * How to read each shop-scoped GET route as one shop. Every registered GET route is either here or
 * in NOT_SHOP_DATA, so a new read cannot be added without deciding how its tenancy is tested.
 */
/** The Open API reads, at the path `at` gives each operation (its own, or the legacy prefix's). */
function openApiReads(at: (operation: string) => string): Record<string, Read | ReadCase> {
  return {
    [at('get_reviews')]: openApiRead(at('get_reviews'), `product_ids=${PRODUCT}&page_size=50`),
    [at('get_rating')]: {
      read: async (h, own) => [
        await h.call('GET', at('get_rating'), { query: `product_id=${PRODUCT}` }, own.shop),
        await h.call('GET', at('get_rating'), { query: `product_handle=${HANDLE}` }, own.shop),
        await h.call('GET', at('get_rating'), { query: 'is_store_rating=1' }, own.shop),
        await h.call('GET', at('get_rating'), { query: 'is_all_rating=1' }, own.shop),
      ],
      check: (own, [byId, byHandle, store, all]) => {
        for (const [answer, scope] of [[byId, 'product'], [byHandle, 'product'], [store, 'store'], [all, 'all']] as const) expect(data(answer!)).toMatchObject(own.expected[scope]);
      },
    },
    [at('get_ratings')]: {
      read: openApiRead(at('get_ratings'), `product_ids=${PRODUCT},0`),
      check: (own, [answer]) => expect(data<{ list: unknown[] }>(answer!).list).toMatchObject([{ product_id: PRODUCT, ...own.expected.product }, { product_id: '0', ...own.expected.store }]),
    },
    [at('get_questions')]: openApiRead(at('get_questions'), `product_id=${PRODUCT}`),
    [at('get_shop_webhooks')]: openApiRead(at('get_shop_webhooks'), ''),
    [at('get_shop_settings')]: openApiRead(at('get_shop_settings'), ''),
    [at('get_webhook_deliveries')]: openApiRead(at('get_webhook_deliveries'), ''),
    [at('get_orders')]: openApiRead(at('get_orders'), 'page_size=50'),
    [at('get_unsubscribes')]: openApiRead(at('get_unsubscribes'), ''),
    [at('get_customer_excludes')]: openApiRead(at('get_customer_excludes'), ''),
    [at('export_customer_data')]: {
      read: async (h, own) => [
        await h.call('GET', at('export_customer_data'), { query: `email=${own.marker}@example.com` }, own.shop),
        // Both shops know this address: each export holds its own shop's records of it only.
        await h.call('GET', at('export_customer_data'), { query: `email=${SHARED_EMAIL}` }, own.shop),
      ],
      check: (own, [mine, shared]) => {
        expect(mine!.body).toContain(own.marker);
        expect(data<{ orders: unknown[] }>(mine!).orders).toHaveLength(1);
        expect(data(shared!)).toMatchObject({ emails: [SHARED_EMAIL], customers: [{ email: SHARED_EMAIL }], unsubscribes: [{ email: SHARED_EMAIL, email_type: 'all' }], exclusions: [{}], orders: [], reviews: [] });
      },
    },
    [at('get_customer_events')]: openApiRead(at('get_customer_events'), 'event_source=STOREFRONT'),
  };
}

/**
 * How to read each shop-scoped GET route as one shop. Every registered GET route is either here or
 * in NOT_SHOP_DATA, so a new read cannot be added without deciding how its tenancy is tested.
 */
const READS: Record<string, Read | ReadCase> = {
  ...openApiReads((operation) => `/api/v1/openapi/${operation}`),
  ...openApiReads((operation) => `/api/v1/open_api/${operation}`),
  '/api/v1/openapi/get_review_list': openApiRead('/api/v1/openapi/get_review_list', `product_id=${PRODUCT}&page_size=50`),
  '/api/v1/open_api/orders': openApiRead('/api/v1/open_api/orders', 'page_size=50'),
  '/api/v1/open_api/customer_events': openApiRead('/api/v1/open_api/customer_events', 'event_source=STOREFRONT'),
  '/api/v1/reviews/get_product_reviews': async (h, own) =>
    Promise.all(
      [`product_id=${PRODUCT}`, `product_handle=${HANDLE}`, 'is_store_review=1', 'is_show_all=1'].map((selector) =>
        h.app.inject({ method: 'GET', url: `/api/v1/reviews/get_product_reviews?shop_id=${own.shop.shop_id}&${selector}`, remoteAddress: '192.0.2.77' }),
      ),
    ),
  '/api/v1/reviews/get_products_rating': {
    read: async (h, own) =>
      Promise.all(
        [`product_id=${PRODUCT}`, `product_handle=${HANDLE}`].map((selector) =>
          h.app.inject({ method: 'GET', url: `/api/v1/reviews/get_products_rating?shop_id=${own.shop.shop_id}&${selector}`, remoteAddress: '192.0.2.77' }),
        ),
      ),
    check: (own, answers) => {
      for (const answer of answers) expect(data(answer)).toEqual([{ product_id: PRODUCT, product_handle: HANDLE, rating: Number(own.expected.product.rating_value), total_reviews: own.expected.product.review_count }]);
    },
  },
  '/api/v1/storefront/get_product_questions': async (h, own) => [await h.app.inject({ method: 'GET', url: `/api/v1/storefront/get_product_questions?shop_id=${own.shop.shop_id}&product_id=${PRODUCT}`, remoteAddress: '192.0.2.77' })],
  '/api/v1/storefront/questions.html': async (h, own) => [await h.app.inject({ method: 'GET', url: `/api/v1/storefront/questions.html?shop_id=${own.shop.shop_id}&product_id=${PRODUCT}`, remoteAddress: '192.0.2.77' })],
  '/api/v1/storefront/widget.html': async (h, own) =>
    Promise.all(
      [`product_id=${PRODUCT}`, 'is_store_review=1', 'is_show_all=1'].map((selector) =>
        h.app.inject({ method: 'GET', url: `/api/v1/storefront/widget.html?shop_id=${own.shop.shop_id}&${selector}`, remoteAddress: '192.0.2.77' }),
      ),
    ),
  '/api/v1/storefront/config': {
    read: publicRead((shopId) => `/api/v1/storefront/config?shop_id=${shopId}`),
    check: (own, [answer]) => expect(data(answer!)).toMatchObject({ shop_id: own.shop.shop_id, star_color: own.starColor }),
  },
  '/r/:shop/:product': publicRead((shopId) => `/r/${shopId}/${PRODUCT}`),
  '/feeds/:shopId/google-product-reviews.xml': publicRead((shopId) => `/feeds/${shopId}/google-product-reviews.xml`),
};

/** GET routes that read no shop's data by shop, and where their tenancy is tested instead. */
const NOT_SHOP_DATA: Record<string, string> = {
  '/healthz': 'process health',
  '/readyz': 'process readiness',
  '/metrics': 'process metrics, no shop data',
  '/favicon.svg': 'a fixed image',
  '/*': 'catch-all for unknown paths (Fastify prints it under the landing page, /)',
  '/media/upload*': "the OSS upload alias: redirects to a key's URL (media tests)",
  '/openapi.json': 'the API description',
  '/docs': 'the API reference page',
  '/docs/js/scalar.js': 'a static script',
  '/docs/openapi.json': 'the API description, as the reference page serves it',
  '/docs/openapi.yaml': 'the API description in YAML, as the reference page serves it',
  '/demo': "the operator's demo shop, chosen by configuration",
  '/': 'the landing page: fixed links, and whether the demo shop exists',
  '/oauth/authorize': 'the consent page: the merchant chooses the shop (oauth consent tests)',
  '/api/v1/openapi/oauth/authorize': 'the consent page (oauth consent tests)',
  '/.well-known/oauth-authorization-server': 'authorization server metadata',
  '/api/v1/openapi/get_review': 'one object by id: the security suite answers another shop\'s id as "not found"',
  '/api/v1/open_api/get_review': 'the legacy path of get_review, served by the same operation',
  '/api/v1/openapi/get_question': 'one object by id: the security suite answers another shop\'s id as "not found"',
  '/api/v1/open_api/get_question': 'the legacy path of get_question, served by the same operation',
  '/api/v1/openapi/get_review_history': 'one object by id: the security suite answers another shop\'s id as "not found"',
  '/api/v1/open_api/get_review_history': 'the legacy path of get_review_history, served by the same operation',
  '/api/v1/openapi/get_image_upload_policy_token': "upload credentials for the caller's own folder (media tests)",
  '/api/v1/openapi/get_video_upload_url': "an upload URL in the caller's own folder (media tests)",
  '/api/v1/open_api/get_image_upload_policy_token': 'the legacy path of get_image_upload_policy_token, served by the same operation',
  '/api/v1/open_api/get_video_upload_url': 'the legacy path of get_video_upload_url, served by the same operation',
  '/api/v1/openapi/get_shop_authorization_info': "a platform's own grant, authenticated by client credentials (oauth tests)",
  '/api/v1/openapi/get_shop_install_status': "a platform's own grant, authenticated by client credentials (oauth tests)",
  '/api/v1/openapi/get_oauth_authorize_url': 'builds a URL for the calling platform (oauth tests)',
  '/api/v1/reviews/upload_token': 'a short-lived upload token for the named shop, no data',
  '/r/:shop/policy': "the named shop's public review policy, written from its own settings (review-policy tests)",
  '/r/t/:token': "a signed review-request link naming its shop (collection tests)",
  '/connectors/shopify/install': 'starts a Shopify install: reads no shop data, redirects to the store named (connector-webhooks/shopify-install.test.ts)',
  '/connectors/shopify/callback': "Shopify's signed install callback: links the store it names, shows no shop data (connector-webhooks/shopify-install.test.ts)",
  '/q/t/:token': "a signed answer link naming its shop, question and buyer; another shop's or a forged one answers not found (storefront/questions.test.ts)",
  '/t/o/:file': 'a signed open-tracking pixel (collection tests)',
  '/t/c/:token': 'a signed click-tracking link (collection tests)',
  '/u/:token': 'a signed unsubscribe link (collection tests)',
  '/widget/v1/:file': 'static widget files',
};
const CONSOLE = /^\/console(\/|$)/;

describeEachDatabase('each shop reads only its own data', (dialect) => {
  const harness = useHarness(dialect, { env: { ...WEBHOOK_ENV, RATE_LIMIT_STOREFRONT_READ: 'off' }, resolveHost: testResolver });
  let alpha: Tenant;
  let bravo: Tenant;

  beforeAll(async () => {
    const h = harness();
    alpha = { shop: h.shop, marker: 'tenant-alpha', starColor: '#aa0001', expected: { product: { review_count: 1, rating_value: '5' }, store: { review_count: 1, rating_value: '5' }, all: { review_count: 2, rating_value: '5' } } };
    bravo = { shop: h.otherShop, marker: 'tenant-bravo', starColor: '#bb0002', expected: { product: { review_count: 2, rating_value: '1.5' }, store: { review_count: 1, rating_value: '1' }, all: { review_count: 3, rating_value: '1.33' } } };
    // Different counts and ratings, so statistics that mixed the shops would show it.
    await seed(h, alpha, [5]);
    await seed(h, bravo, [1, 2]);
  });

  it('has a tenancy case, or a reason why none is needed, for every GET route', () => {
    const reads = registeredRoutes(harness().app).filter((route) => route.methods[0] === 'GET').map((route) => route.path);
    // Console pages read the signed-in merchant's shop; console.test.ts switches shops and checks it,
    // dashboard.test.ts answers another shop's product as not found, and the reset and invitation
    // links are checked in account-recovery.test.ts.
    const undecided = reads.filter((path) => !(path in READS) && !(path in NOT_SHOP_DATA) && !CONSOLE.test(path));
    expect(undecided).toEqual([]);
    const gone = Object.keys(READS).filter((path) => !reads.includes(path));
    expect(gone).toEqual([]);
    // Every Open API read and its aliases are registered routes the walk saw.
    for (const op of openApiOperations.filter((candidate) => candidate.method === 'GET')) expect(reads).toContain(`/api/v1/openapi/${op.operation}`);
  });

  for (const [path, entry] of Object.entries(READS)) {
    const { read, check } = typeof entry === 'function' ? { read: entry, check: undefined } : entry;
    it(`${path}: each shop sees its own data and none of the other's`, async () => {
      const h = harness();
      for (const [own, other] of [[alpha, bravo], [bravo, alpha]] as const) {
        const answers = await read(h, own);
        for (const answer of answers) {
          expect([own.marker, answer.statusCode]).toEqual([own.marker, 200]);
          expect(answer.body).not.toContain(other.marker);
          expect(answer.body).not.toContain(other.starColor);
          if (!check) expect(answer.body).toContain(own.marker);
        }
        check?.(own, answers);
      }
    });
  }
});
