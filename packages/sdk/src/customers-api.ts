import type { CallOptions, PlauditClient } from './client.js';
import type { CustomerDataExport, CustomerErasure, EraseCustomerDataBody, ExportCustomerDataQuery } from './generated/api-types.js';

/** A shopper's data-subject rights (Plaudit's docs/privacy.md): a copy of their data, and its erasure. */
export class CustomersApi {
  constructor(private readonly client: PlauditClient) {}

  /** Everything the shop holds about one person, named by `{ email }` or `{ customer_id }`. */
  exportData(person: ExportCustomerDataQuery): Promise<CustomerDataExport> {
    return this.client.call('export_customer_data', person);
  }

  /**
   * Erases one person in one transaction: `anonymize` keeps their reviews without an author,
   * `delete` removes them. Pass an idempotency key so a retry after a lost answer is safe.
   */
  erase(request: EraseCustomerDataBody, options: CallOptions = {}): Promise<CustomerErasure> {
    return this.client.call('erase_customer_data', request, options);
  }
}
