import type { AnyOperation } from '../../http/operation.js';
import { getImageUploadPolicyTokenOperation } from './upload-credentials.route.js';
import { getVideoUploadUrlOperation } from './video-upload-url.route.js';

/** The Media operations of docs/reference/reviews.md §10–11. */
export const mediaOperations: readonly AnyOperation[] = [getImageUploadPolicyTokenOperation, getVideoUploadUrlOperation];
