import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { S3Error, s3Store, signV4 } from './storage-s3';

const KEY_ID = 'ZONEOSTESTKEY';
const SECRET = 'zoneos/test+secret';
const BUCKET = 'zoneos-files';

/**
 * A tiny S3 on 127.0.0.1: PUT / GET / HEAD / DELETE of objects in one bucket, every request's SigV4 signature and
 * payload hash checked the way S3 does (recomputed from the request as received), errors as S3's XML bodies.
 */
function fakeS3(): Promise<{ server: Server; endpoint: string; objects: Map<string, Buffer>; requests: string[] }> {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const error = (res: import('node:http').ServerResponse, status: number, code: string) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
    requests.push(`${req.method} ${rawPath}`);
    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ''),
      );
    if (!auth) return error(res, 403, 'AccessDenied');
    const [, keyId, , region, signedHeaders, signature] = auth;
    if (keyId !== KEY_ID) return error(res, 403, 'InvalidAccessKeyId');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== createHash('sha256').update(body).digest('hex')) {
      return error(res, 400, 'XAmzContentSHA256Mismatch');
    }
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const at = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    if (Number.isNaN(at.getTime()) || Math.abs(Date.now() - at.getTime()) > 15 * 60_000) {
      return error(res, 403, 'RequestTimeTooSkewed');
    }
    const headers: Record<string, string> = {};
    for (const name of signedHeaders!.split(';')) {
      if (name !== 'x-amz-date' && name !== 'x-amz-content-sha256') headers[name] = String(req.headers[name] ?? '');
    }
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    const expected = signV4({
      method: req.method!,
      path: rawPath,
      query,
      headers,
      payloadHash,
      region: region!,
      accessKeyId: KEY_ID,
      secretAccessKey: SECRET,
      at,
    });
    if (!expected.authorization.endsWith(`Signature=${signature}`)) return error(res, 403, 'SignatureDoesNotMatch');
    const prefix = `/${BUCKET}/`;
    if (!rawPath.startsWith(prefix)) return error(res, 404, 'NoSuchBucket');
    const key = decodeURIComponent(rawPath.slice(prefix.length));
    switch (req.method) {
      case 'PUT':
        objects.set(key, body);
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      case 'GET':
      case 'HEAD': {
        const obj = objects.get(key);
        if (!obj && req.method === 'HEAD') {
          res.writeHead(404);
          return res.end();
        }
        if (!obj) return error(res, 404, 'NoSuchKey');
        res.writeHead(200, { 'content-length': obj.length, 'content-type': 'application/octet-stream' });
        return res.end(req.method === 'GET' ? obj : undefined);
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      default:
        return error(res, 405, 'MethodNotAllowed');
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ server, endpoint: `http://127.0.0.1:${port}`, objects, requests });
    }),
  );
}

let s3: Awaited<ReturnType<typeof fakeS3>>;
beforeAll(async () => {
  s3 = await fakeS3();
});
afterAll(() => new Promise<void>((done) => s3.server.close(() => done())));

const config = () => ({
  endpoint: s3.endpoint,
  bucket: BUCKET,
  region: 'cn-central-1',
  accessKeyId: KEY_ID,
  secretAccessKey: SECRET,
  prefix: 'zoneos/',
});

describe('S3-compatible file store (FILES_STORAGE=s3), SigV4 over fetch', () => {
  it('signs like AWS: the documented GET Object example gives the documented signature', () => {
    const { authorization } = signV4({
      method: 'GET',
      path: '/test.txt',
      headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      at: new Date('2013-05-24T00:00:00Z'),
    });
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('puts, heads, gets and deletes an object (key encoded, prefix applied); delete is idempotent', async () => {
    const store = s3Store(config());
    const key = 'zone-1/2026-11/材料 清单(1).pdf';
    const bytes = Buffer.from('%PDF-1.4 审批材料');
    expect(await store.exists(key)).toBe(false);
    await store.put(key, bytes);
    expect(s3.objects.get(`zoneos/${key}`)).toEqual(bytes);
    expect(await store.exists(key)).toBe(true);
    expect(await store.get(key)).toEqual(bytes);
    await store.remove(key);
    await store.remove(key);
    expect(await store.exists(key)).toBe(false);
    expect(s3.requests.at(-1)).toMatch(/^HEAD \/zoneos-files\/zoneos\/zone-1\/2026-11\/%E6%9D%90/);
  });

  it('fails loudly: a missing object, a wrong secret, an unknown key id, a key escaping the store', async () => {
    const store = s3Store(config());
    await expect(store.get('zone-1/none')).rejects.toMatchObject({ status: 404, code: 'NoSuchKey' });
    const wrong = s3Store({ ...config(), secretAccessKey: 'not-the-secret' });
    await expect(wrong.put('zone-1/x', Buffer.from('x'))).rejects.toThrow(S3Error);
    await expect(wrong.put('zone-1/x', Buffer.from('x'))).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
    const unknown = s3Store({ ...config(), accessKeyId: 'SOMEONEELSE' });
    await expect(unknown.get('zone-1/x')).rejects.toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    await expect(store.put('../other-bucket/x', Buffer.from('x'))).rejects.toThrow(/escapes/);
    expect(s3.objects.has('zoneos/zone-1/x')).toBe(false);
  });

  it('a request signed 20 minutes ago is refused (the clock is part of the signature)', async () => {
    const stale = s3Store({ ...config(), now: () => new Date(Date.now() - 20 * 60_000) });
    await expect(stale.get('zone-1/x')).rejects.toMatchObject({ code: 'RequestTimeTooSkewed' });
  });

  it('FILES_STORAGE=s3 needs endpoint, bucket and keys (the server refuses to boot naming what is missing)', () => {
    expect(() => loadEnv({ FILES_STORAGE: 's3', S3_BUCKET: BUCKET })).toThrow(/S3_ENDPOINT.*\n.*S3_ACCESS_KEY_ID/s);
    const env = loadEnv({
      FILES_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET,
    });
    expect(env).toMatchObject({ FILES_STORAGE: 's3', S3_REGION: 'us-east-1', S3_PATH_STYLE: true });
  });
});
