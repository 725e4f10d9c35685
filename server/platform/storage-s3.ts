import { createHash, createHmac } from 'node:crypto';
import type { FileStore } from './storage';

/**
 * S3-compatible object store (AWS S3, MinIO, Ceph RGW, Alibaba OSS / Tencent COS in S3 mode) over fetch, signed with
 * AWS Signature Version 4 (header auth, SHA-256 payload hash). No SDK: PUT / GET / HEAD / DELETE of whole objects is
 * all attachments need. Path-style addressing (endpoint/bucket/key) by default, which every S3-compatible server
 * accepts; virtual-hosted style (bucket.endpoint/key) on request.
 */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket (e.g. "zoneos/"). */
  prefix?: string;
  pathStyle?: boolean;
  /** For tests: a fixed clock. */
  now?: () => Date;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (every byte but unreserved; '/' kept in paths). */
export function uriEncode(s: string, keepSlash: boolean): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) return c;
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export interface SignInput {
  method: string;
  /** Already URI-encoded path, e.g. /bucket/a/b.pdf */
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
  at: Date;
}

/** SigV4 Authorization header value plus the headers that were signed (host, x-amz-date, x-amz-content-sha256…). */
export function signV4(input: SignInput): { authorization: string; amzDate: string; canonicalRequest: string } {
  const service = input.service ?? 's3';
  const amzDate = input.at.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) headers[k.toLowerCase()] = v.trim().replace(/\s+/g, ' ');
  headers['x-amz-date'] = amzDate;
  headers['x-amz-content-sha256'] = input.payloadHash;
  const names = Object.keys(headers).sort();
  const query = Object.entries(input.query ?? {})
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    input.method,
    input.path,
    query,
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${input.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, input.region), service), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(toSign).digest('hex');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    amzDate,
    canonicalRequest,
  };
}

export function s3Store(config: S3Config): FileStore & { exists(key: string): Promise<boolean> } {
  const base = new URL(config.endpoint);
  const pathStyle = config.pathStyle ?? true;
  const prefix = config.prefix ?? '';
  const now = config.now ?? (() => new Date());

  const target = (key: string) => {
    if (key.split('/').some((part) => part === '..' || part === '.')) {
      throw new Error(`storage key escapes the store: ${key}`);
    }
    const objectPath = uriEncode(`${prefix}${key}`, true);
    const basePath = base.pathname.replace(/\/$/, '');
    const host = pathStyle ? base.host : `${config.bucket}.${base.host}`;
    const path = pathStyle
      ? `${basePath}/${uriEncode(config.bucket, false)}/${objectPath}`
      : `${basePath}/${objectPath}`;
    return { host, path, url: `${base.protocol}//${host}${path}` };
  };

  async function send(method: string, key: string, body?: Buffer): Promise<Response> {
    const { host, path, url } = target(key);
    const payloadHash = sha256(body ?? '');
    const headers: Record<string, string> = { host };
    const signed = signV4({
      method,
      path,
      headers,
      payloadHash,
      region: config.region,
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      at: now(),
    });
    return fetch(url, {
      method,
      headers: {
        'x-amz-date': signed.amzDate,
        'x-amz-content-sha256': payloadHash,
        authorization: signed.authorization,
      },
      body: body ? new Uint8Array(body) : undefined,
    });
  }

  async function fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP_${res.status}`;
    throw new S3Error(res.status, code, `S3 ${what} failed: ${res.status} ${code}`);
  }

  return {
    kind: 's3',
    async put(key, bytes) {
      const res = await send('PUT', key, bytes);
      if (!res.ok) await fail(res, `PUT ${key}`);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await send('GET', key);
      if (!res.ok) await fail(res, `GET ${key}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async exists(key) {
      const res = await send('HEAD', key);
      if (res.status === 404) return false;
      if (!res.ok) await fail(res, `HEAD ${key}`);
      return true;
    },
    async remove(key) {
      // S3 answers 204 whether or not the object existed (idempotent, like the disk store's rm --force).
      const res = await send('DELETE', key);
      if (!res.ok && res.status !== 404) await fail(res, `DELETE ${key}`);
      await res.arrayBuffer();
    },
  };
}
