import { describe, expect, it } from 'vitest';
import { redactUrl, resolvedLogFormat } from '../../src/http/logger.js';

describe('log format', () => {
  it('writes readable lines to a terminal and JSON lines anywhere else, unless the operator chose', () => {
    expect(resolvedLogFormat('auto', true)).toBe('pretty');
    expect(resolvedLogFormat('auto', false)).toBe('json');
    expect(resolvedLogFormat('json', true)).toBe('json');
    expect(resolvedLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('logged URLs', () => {
  it('replaces the value of every secret query parameter, whatever its case', () => {
    expect(redactUrl('/oauth/token?code=abc&state=xyz')).toBe('/oauth/token?code=%5Bredacted%5D&state=xyz');
    expect(redactUrl('/x?client_secret=s&Access_Token=t&refresh_token=r&token=k&SIGN=h')).toBe(
      '/x?client_secret=%5Bredacted%5D&Access_Token=%5Bredacted%5D&refresh_token=%5Bredacted%5D&token=%5Bredacted%5D&SIGN=%5Bredacted%5D',
    );
  });

  it('keeps a person\'s address out of the log (a data export names them in its query)', () => {
    expect(redactUrl('/api/v1/openapi/export_customer_data?email=bea%40example.com')).toBe('/api/v1/openapi/export_customer_data?email=%5Bredacted%5D');
  });

  it('replaces the token of a password-reset or invitation link', () => {
    expect(redactUrl('/console/reset/eyJtZXJjaGFudCI6MX0.c2ln')).toBe('/console/reset/[redacted]');
    expect(redactUrl('/console/invite/eyJzaG9wIjoiMSJ9.c2ln?x=1')).toBe('/console/invite/[redacted]?x=1');
  });

  it('leaves a URL without secrets as it was', () => {
    expect(redactUrl('/api/v1/storefront/reviews?shop_id=1&page=2')).toBe('/api/v1/storefront/reviews?shop_id=1&page=2');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
