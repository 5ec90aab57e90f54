import { Type } from '@sinclair/typebox';
import { Page, PageInfo, PageSize } from '../../http/wire-schemas.js';
import { EMAIL_TYPES } from '../../customers/email-types.js';

export const EmailAddress = (description: string) =>
  Type.String({ format: 'email-address', minLength: 1, maxLength: 254, description, 'x-reason': 'must be a valid e-mail address' });

export const EmailTypeSchema = Type.Union(
  EMAIL_TYPES.map((type) => Type.Literal(type)),
  { description: 'the e-mail stream', 'x-reason': `must be one of ${EMAIL_TYPES.join(', ')}` },
);

export const EmailFilter = Type.String({ minLength: 1, maxLength: 254, description: 'case-insensitive substring of the address', 'x-reason': 'must be 1 to 254 characters' });

export const CreatedSort = Type.Union([Type.Literal('created-descending'), Type.Literal('created-ascending')], {
  description: 'by created_at, then record order (default created-descending)',
  'x-reason': 'must be created-descending or created-ascending',
});

export const pagingQuery = { sort_by: Type.Optional(CreatedSort), page: Type.Optional(Page()), page_size: Type.Optional(PageSize()) };

export const CustomerExclusionSchema = Type.Object(
  {
    customer_id: Type.String(),
    first_name: Type.String(),
    last_name: Type.String(),
    email: Type.String(),
    phone: Type.String(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { title: 'CustomerExclusion' },
);

/** A customer record as the data export shows it. */
export const CustomerRecordSchema = Type.Object({
  customer_id: Type.String(),
  email: Type.String(),
  first_name: Type.String(),
  last_name: Type.String(),
  phone: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const UnsubscribeSchema = Type.Object({
  email: Type.String({ description: 'the address, or `sha256:` and a hash once the person\'s data was erased' }),
  email_type: Type.String(),
  source: Type.String({ description: 'api, email_link, console, or erasure (kept from an excluded person\'s erased data)' }),
  created_at: Type.String({ format: 'date-time' }),
});

export const pagedData = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ page: PageInfo, list: Type.Array(item) });
