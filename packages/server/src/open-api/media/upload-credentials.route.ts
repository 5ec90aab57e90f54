import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { imageCredentialsFor } from '../../media/upload-credentials.js';

export const ImageUploadCredentialsSchema = Type.Object(
  {
    access_id: Type.String({ description: 'the upload key, sent back as OSSAccessKeyId' }),
    host: Type.String({ description: 'the upload URL: POST the multipart form here' }),
    expire: Type.String({ description: 'Unix seconds after which the credentials are refused' }),
    signature: Type.String({ description: 'base64 HMAC-SHA1 of policy, sent back as Signature' }),
    policy: Type.String({ description: 'base64 post policy, sent back unchanged' }),
    dir: Type.String({ description: 'the key prefix every upload must use: <shop_id>/<yyyy>/<m>/<d>/' }),
    callback: Type.String({ description: 'base64 OSS-style callback description (no request is ever made)' }),
  },
  { title: 'ImageUploadCredentials' },
);

export const getImageUploadPolicyTokenOperation = defineOperation({
  operation: 'get_image_upload_policy_token',
  method: 'GET',
  scope: 'write_reviews',
  summary: 'Get Image Upload Credentials',
  description:
    'Fresh OSS-style post-policy credentials, valid 30 minutes for any number of images under `dir`. Upload with a multipart POST to `host` (fields key, policy, OSSAccessKeyId, Signature, optional Content-Type, then file); the answer gives `url`, `thumbnail_url`, `width` and `height`.',
  tags: ['Media'],
  querystring: Type.Object({}),
  data: ImageUploadCredentialsSchema,
  async handler({ actor, db, deps, now }) {
    return imageCredentialsFor(db, deps, actor.shopId, 'merchant', now);
  },
});
