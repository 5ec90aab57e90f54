import { describe, expect, it } from 'vitest';
import { getShopSettingsOperation, updateShopSettingsOperation } from '../../src/open-api/shops/shop-settings.routes.js';
import { defaultShopSettings } from '../../src/shops/shop-settings.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, type Harness, useHarness } from '../support/harness.js';
import { createTestMerchant, hiddenField, MerchantBrowser } from '../support/merchant-agent.js';
import { securitySuite } from '../support/security.js';

/** A complete console form for the given settings, spelled as the browser posts it. */
function consoleForm(csrf: string, settings: Record<string, unknown>): Record<string, string> {
  const form: Record<string, string> = { csrf_token: csrf };
  for (const [name, value] of Object.entries(settings)) {
    if (name === 'moderation') Object.assign(form, Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([rule, ruleValue]) => [`moderation_${rule}`, Array.isArray(ruleValue) ? ruleValue.join('\n') : String(ruleValue)])));
    else if (typeof value === 'boolean') {
      if (value) form[name] = '1';
    } else if (Array.isArray(value)) form[name] = value.join('\n');
    else form[name] = String(value);
  }
  return form;
}

/**
 * Values each setting must refuse, in the API's JSON and in the console's spelling of the same
 * value. Both must refuse them, and both must accept the valid neighbours.
 */
const REFUSED: Array<[string, unknown]> = [
  ['auto_publish_min_rating', 0], ['auto_publish_min_rating', 6], ['auto_publish_min_rating', 2.5],
  ['name_format', 'nickname'], ['date_format', 'dd.mm.yyyy'], ['language', 'xx'],
  ['request_delay_days', 61], ['request_delay_days', -1], ['reminder_delay_days', 0], ['reminder_delay_days', 61],
  ['sender_name', 'A\nBcc: x'], ['sender_name', 'Say "hi"'], ['sender_name', 'x'.repeat(101)],
  ['storefront_origins', ['javascript:alert(1)']], ['storefront_origins', ['https://shop.example.com/path']],
  ['widget_star_color', 'red'], ['widget_accent_color', '#12345'],
  ['moderation', { links: 'mask' }], ['moderation', { profanity: 'maybe' }], ['moderation', { personal_data: '' }], ['moderation', { blocked_words: ['x'.repeat(61)] }],
  ['moderation', { allowed_words: Array.from({ length: 201 }, (_, i) => `word${i}`) }],
];
const ACCEPTED: Array<[string, unknown]> = [
  ['auto_publish_min_rating', 1], ['auto_publish_min_rating', 5], ['request_delay_days', 0], ['request_delay_days', 60], ['reminder_delay_days', 1],
  ['sender_name', 'x'.repeat(100)], ['storefront_origins', ['https://a.example.com', 'http://localhost:3000']], ['widget_star_color', '#ABCDEF'], ['name_format', 'initials'], ['language', 'zh-CN'],
  ['moderation', { personal_data: 'hold' }], ['moderation', { no_order: 'hold', links: 'off' }], ['moderation', { blocked_words: ['rivalshop', 'cheap pills'] }],
];

describeEachDatabase('shop settings over the Open API', (dialect) => {
  const harness = useHarness(dialect);

  describe('get_shop_settings security', () => securitySuite(harness, { op: getShopSettingsOperation, valid: async () => ({}) }));
  describe('update_shop_settings security', () => securitySuite(harness, { op: updateShopSettingsOperation, valid: async () => ({ body: { sender_name: 'Security Suite' } }) }));

  it('reads every setting the console edits, defaults included', async () => {
    const h = harness();
    const shop = await h.newShop(`settings-read-${dialect}.example.com`);
    const response = await h.call('GET', 'get_shop_settings', {}, shop);
    expect(envelope(response).data).toEqual({ ...defaultShopSettings });
  });

  it('changes only the settings given, and answers the settings now in force', async () => {
    const h = harness();
    const shop = await h.newShop(`settings-change-${dialect}.example.com`);
    const changed = await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 4, storefront_origins: ['https://Shop.Example.com/', 'https://shop.example.com'], widget_star_color: '#FFAA00' } }, shop);
    const expected = { ...defaultShopSettings, auto_publish_min_rating: 4, storefront_origins: ['https://shop.example.com'], widget_star_color: '#ffaa00' };
    expect(envelope(changed).data).toEqual(expected);
    expect(envelope(await h.call('GET', 'get_shop_settings', {}, shop)).data).toEqual(expected);
  });

  it('reports every invalid setting at once and changes nothing', async () => {
    const h = harness();
    const shop = await h.newShop(`settings-invalid-${dialect}.example.com`);
    const before = await databaseChecksum(h);
    const response = await h.call('POST', 'update_shop_settings', { body: { auto_publish_min_rating: 9, widget_star_color: 'red', sender_name: 'fine' } }, shop);
    expect([response.statusCode, envelope(response).code]).toEqual([400, 3]);
    expect(envelope<{ errors: Array<{ field: string }> }>(response).data!.errors.map((e) => e.field).sort()).toEqual(['auto_publish_min_rating', 'widget_star_color']);
    for (const body of [{ unknown_setting: 1 }, { auto_publish: 'yes' }, { auto_publish_min_rating: '4' }, { storefront_origins: 'https://a.example.com' }, { moderation: { swearing: 'hold' } }, { moderation: 'strict' }]) {
      const refused = await h.call('POST', 'update_shop_settings', { body }, shop);
      expect([JSON.stringify(body), refused.statusCode, envelope(refused).code]).toEqual([JSON.stringify(body), 400, 3]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
  });

  it('accepts and refuses exactly what the console form accepts and refuses', async () => {
    const h = harness();
    const shop = await h.newShop(`settings-parity-${dialect}.example.com`);
    const browser = new MerchantBrowser(h);
    expect((await browser.signIn(await createTestMerchant(h, [shop.shop_id]))).statusCode).toBe(303);
    const csrf = hiddenField((await browser.get('/console/settings')).body, 'csrf_token')!;
    const verdicts = async (field: string, value: unknown, h: Harness) => {
      const api = await h.call('POST', 'update_shop_settings', { body: { [field]: value } }, shop);
      const current = envelope<Record<string, unknown>>(await h.call('GET', 'get_shop_settings', {}, shop)).data!;
      // The form always carries every rule; the API takes the ones that change.
      const formValue = field === 'moderation' ? { ...(current.moderation as object), ...(value as object) } : value;
      const form = await browser.post('/console/settings', consoleForm(csrf, { ...current, [field]: formValue }));
      return [envelope(api).code === 0 ? 'accepted' : 'refused', form.statusCode === 303 ? 'accepted' : 'refused'];
    };
    for (const [field, value] of REFUSED) expect([field, value, ...(await verdicts(field, value, h))]).toEqual([field, value, 'refused', 'refused']);
    for (const [field, value] of ACCEPTED) expect([field, value, ...(await verdicts(field, value, h))]).toEqual([field, value, 'accepted', 'accepted']);
  });

  it('shows the require_signature_v2 switch in the console and saves it', async () => {
    const h = harness();
    const shop = await h.newShop(`settings-switch-${dialect}.example.com`);
    const browser = new MerchantBrowser(h);
    expect((await browser.signIn(await createTestMerchant(h, [shop.shop_id]))).statusCode).toBe(303);
    const page = await browser.get('/console/settings');
    expect(page.body).toContain('name="require_signature_v2"');
    const current = envelope<Record<string, unknown>>(await h.call('GET', 'get_shop_settings', {}, shop)).data!;
    expect((await browser.post('/console/settings', consoleForm(hiddenField(page.body, 'csrf_token')!, { ...current, require_signature_v2: true }))).statusCode).toBe(303);
    const refused = await h.call('GET', 'get_rating', { query: 'is_all_rating=1' }, shop);
    expect([refused.statusCode, envelope(refused).message]).toEqual([401, expect.stringContaining('require_signature_v2')]);
  });
});
