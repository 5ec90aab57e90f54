import type { AnyOperation } from '../../http/operation.js';
import { createCustomerExcludeOperation } from './create-customer-exclude.route.js';
import { deleteCustomerExcludeOperation } from './delete-customer-exclude.route.js';
import { emailUnsubscribeOperation } from './email-unsubscribe.route.js';
import { eraseCustomerDataOperation } from './erase-customer-data.route.js';
import { exportCustomerDataOperation } from './export-customer-data.route.js';
import { getCustomerExcludesOperation } from './get-customer-excludes.route.js';
import { getUnsubscribesOperation } from './get-unsubscribes.route.js';

export const customerOperations: AnyOperation[] = [
  emailUnsubscribeOperation,
  getUnsubscribesOperation,
  createCustomerExcludeOperation,
  deleteCustomerExcludeOperation,
  getCustomerExcludesOperation,
  exportCustomerDataOperation,
  eraseCustomerDataOperation,
];
