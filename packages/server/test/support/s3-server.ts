import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { freePort } from './free-port.js';

/** s3rver's fixed account, which it checks signatures against like S3 does. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const TEST_BUCKET = 'plaudit-media';

export interface S3Peer {
  endpoint: string;
  storage: S3Storage;
  /** STORAGE_URL and AWS variables for a `plaudit` process using this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on a free loopback port with one bucket in a temporary folder. */
export async function startS3Peer(): Promise<S3Peer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'plaudit-s3-'));
  const port = await freePort();
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: TEST_BUCKET, configs: [] }] });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const target = { kind: 's3' as const, bucket: TEST_BUCKET, endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS };
  const client = new S3Client({ region: target.region, endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  return {
    endpoint,
    storage: new S3Storage(target, client),
    env: { STORAGE_URL: `s3://${TEST_BUCKET}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`, AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey },
    close: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Starts an S3 peer for the enclosing describe block. */
export function useS3Peer(): () => S3Peer {
  let peer: S3Peer | undefined;
  beforeAll(async () => {
    peer = await startS3Peer();
  });
  afterAll(async () => {
    await peer?.close();
  });
  return () => {
    if (!peer) throw new Error('S3 peer not started');
    return peer;
  };
}
