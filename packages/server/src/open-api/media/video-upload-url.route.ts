import { Type } from '@sinclair/typebox';
import { defineOperation } from '../../http/operation.js';
import { VIDEO_EXTENSIONS, type VideoType } from '../../media/file-signatures.js';
import { issueVideoUpload, MAX_VIDEO_BYTES } from '../../media/video-upload.service.js';

export const getVideoUploadUrlOperation = defineOperation({
  operation: 'get_video_upload_url',
  method: 'GET',
  scope: 'write_reviews',
  summary: 'Get Video Upload URL',
  description:
    'A URL that accepts one video by HTTP PUT for 30 minutes: an S3 presigned URL with S3 storage, else a Plaudit-signed one. PUT exactly `size` bytes with the `headers` given, then use `video_url` in create_review.',
  tags: ['Media'],
  querystring: Type.Object({
    file_name: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001F\\u007F]+$', description: 'the original file name (informative)', 'x-reason': 'must be 1 to 255 characters without / or \\' }),
    content_type: Type.Union(
      (Object.keys(VIDEO_EXTENSIONS) as VideoType[]).map((type) => Type.Literal(type)),
      { description: 'video/mp4, video/quicktime or video/webm', 'x-reason': 'must be video/mp4, video/quicktime or video/webm' },
    ),
    size: Type.Integer({ minimum: 1, maximum: MAX_VIDEO_BYTES, description: 'exact byte size of the file', 'x-reason': `must be an integer from 1 to ${MAX_VIDEO_BYTES}` }),
  }),
  data: Type.Object(
    {
      upload_url: Type.String(),
      method: Type.Literal('PUT'),
      headers: Type.Record(Type.String(), Type.String()),
      video_url: Type.String(),
      expire: Type.String(),
    },
    { title: 'VideoUploadTicket' },
  ),
  async handler({ actor, query, deps }) {
    return issueVideoUpload(deps, actor.shopId, { fileName: query.file_name, contentType: query.content_type, size: query.size });
  },
});
