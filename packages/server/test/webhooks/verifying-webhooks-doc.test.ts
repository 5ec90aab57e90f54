import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { standardSignature } from '../../src/webhooks/signatures.js';

/** docs/verifying-webhooks.md: its code samples run, and agree with what Plaudit sends. */
const guide = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/verifying-webhooks.md'), 'utf8');
const sample = (language: string) => {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide);
  if (!match) throw new Error(`no ${language} sample in the guide`);
  return match[1]!;
};
const cell = (name: string) => new RegExp('\\| `?' + name + '`? \\| `([^`]+)` \\|').exec(guide)![1]!;

const vector = {
  secret: cell('secret'),
  id: cell('webhook-id'),
  timestamp: cell('webhook-timestamp'),
  body: cell('body'),
  signature: cell('webhook-signature'),
};
const headers = { 'webhook-id': vector.id, 'webhook-timestamp': vector.timestamp, 'webhook-signature': vector.signature };
const directory = mkdtempSync(path.join(tmpdir(), 'plaudit-webhook-guide-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the webhook verification guide', () => {
  it("gives the signature Plaudit's own signer makes for its vector", () => {
    expect(standardSignature(vector.secret, vector.id, Number(vector.timestamp), vector.body)).toBe(vector.signature);
  });

  it('has a Node.js sample that accepts the vector and refuses a changed body or an old timestamp', async () => {
    const file = path.join(directory, 'verify.mjs');
    writeFileSync(file, sample('js'));
    const { verifyPlauditWebhook } = (await import(pathToFileURL(file).href)) as { verifyPlauditWebhook: (...args: unknown[]) => boolean };
    const now = Number(vector.timestamp);
    expect(verifyPlauditWebhook(headers, vector.body, vector.secret, now)).toBe(true);
    expect(verifyPlauditWebhook(headers, vector.body.replace('42', '43'), vector.secret, now)).toBe(false);
    expect(verifyPlauditWebhook(headers, vector.body, vector.secret, now + 301)).toBe(false);
  });

  it('has a Python sample that does the same', () => {
    const script = `${sample('python')}
import json, sys
headers = json.loads(sys.argv[1])
print(verify_plaudit_webhook(headers, sys.argv[2].encode(), sys.argv[3], now=int(sys.argv[4])))
print(verify_plaudit_webhook(headers, sys.argv[2].replace("42", "43").encode(), sys.argv[3], now=int(sys.argv[4])))
print(verify_plaudit_webhook(headers, sys.argv[2].encode(), sys.argv[3], now=int(sys.argv[4]) + 301))
`;
    const output = execFileSync('python3', ['-c', script, JSON.stringify(headers), vector.body, vector.secret, vector.timestamp], { encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual(['True', 'False', 'False']);
  });
});
