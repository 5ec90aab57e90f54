import type { CallOptions, PlauditClient } from './client.js';
import type { GetShopSettingsData, UpdateShopSettingsBody } from './generated/api-types.js';

/**
 * The shop's settings, as the merchant console edits them. Only the shop's own tokens may read or
 * change them; a platform's OAuth token is refused (code 7).
 */
export class SettingsApi {
  constructor(private readonly client: PlauditClient) {}

  get(): Promise<GetShopSettingsData> {
    return this.client.call('get_shop_settings', {});
  }

  /** Changes the settings given, keeps the others, and answers the settings now in force. */
  update(change: UpdateShopSettingsBody, options: CallOptions = {}): Promise<GetShopSettingsData> {
    return this.client.call('update_shop_settings', change, options);
  }
}
