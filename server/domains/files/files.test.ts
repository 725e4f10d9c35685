import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { diskStore } from '../../platform/storage';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function upload(c: Client, name: string, bytes: Buffer, type: string, query = '') {
  return c.post(`/api/files?filename=${encodeURIComponent(name)}${query}`, bytes, {
    headers: { 'content-type': type },
  });
}

let serial = 0;
async function enterpriseUser(t: Tenant): Promise<{ client: Client; enterpriseId: string }> {
  serial++;
  const first17 = `91430900${String(700000 + serial).padStart(6, '0')}MA3`;
  const res = await (await t.as('zone_leader')).post('/api/enterprises', {
    creditCode: first17 + creditCodeCheckChar(first17),
    name: `附件测试企业${serial}有限公司`,
    industryCode: '382',
    scale: 'below',
    tags: [],
  });
  expect(res.statusCode).toBe(200);
  const id = res.json().id as string;
  const user = await makeUser(ctx.app.ctx.database.db, 'enterprise', { zoneId: t.zoneId, enterpriseId: id });
  return { client: await login(ctx.app, user.username, PASSWORD), enterpriseId: id };
}

describe('attachments', () => {
  it('stores a photo, answers its metadata and serves the same bytes inline', async () => {
    const c = await tenant.as('service_officer');
    const res = await upload(c, '走访照片.png', PNG, 'image/png');
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({ name: '走访照片.png', mime: 'image/png', size: PNG.length, enterpriseId: null });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta).not.toHaveProperty('storageKey');

    const got = await c.get(`/api/files/${meta.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toMatch(/^inline;/);
    expect(got.rawPayload.equals(PNG)).toBe(true);

    const audit = await (await tenant.as('auditor')).get('/api/audit/events?entity=file');
    expect(audit.json().data.some((e: { entityId: string }) => e.entityId === meta.id)).toBe(true);
  });

  it('refuses empty files, unknown types and content that does not match the extension', async () => {
    const c = await tenant.as('dept_staff');
    const empty = await upload(c, 'a.pdf', Buffer.alloc(0), 'application/pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('FILE_EMPTY');
    const exe = await upload(c, 'setup.exe', Buffer.from('MZ....'), 'application/octet-stream');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('FILE_TYPE');
    const fake = await upload(c, 'photo.jpg', PDF, 'image/jpeg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('FILE_MISMATCH');
    expect(fake.json().message).toBe('文件内容与扩展名不符');
  });

  it('refuses a file over the size limit with 413 before storing anything', async () => {
    const c = await tenant.as('dept_staff');
    const big = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]);
    const res = await upload(c, 'big.pdf', big, 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('FILE_TOO_LARGE');
  });

  it('the disk store never reads or writes outside its folder (path traversal in a key)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zoneos-store-'));
    try {
      const store = diskStore(dir);
      for (const key of ['../escape.txt', 'zone/../../escape.txt', '/etc/passwd']) {
        await expect(async () => store.put(key, Buffer.from('x'))).rejects.toThrow(/escapes the store/);
        await expect(async () => store.get(key)).rejects.toThrow(/escapes the store/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps files inside their zone and an enterprise inside its own files', async () => {
    const staff = await tenant.as('dept_staff');
    const staffFile = (await upload(staff, '内部.pdf', PDF, 'application/pdf')).json();
    const a = await enterpriseUser(tenant);
    const b = await enterpriseUser(tenant);
    const own = await upload(a.client, '营业执照.pdf', PDF, 'application/pdf');
    expect(own.statusCode).toBe(201);
    expect(own.json().enterpriseId).toBe(a.enterpriseId);
    // Staff attaching on an enterprise's behalf makes the file visible to that enterprise.
    const forA = (await upload(staff, '回执.pdf', PDF, 'application/pdf', `&enterpriseId=${a.enterpriseId}`)).json();

    expect((await a.client.get(`/api/files/${own.json().id}`)).statusCode).toBe(200);
    expect((await a.client.get(`/api/files/${forA.id}`)).statusCode).toBe(200);
    expect((await a.client.get(`/api/files/${staffFile.id}`)).statusCode).toBe(404);
    expect((await b.client.get(`/api/files/${own.json().id}/meta`)).statusCode).toBe(404);
    const spoof = await upload(b.client, 'x.pdf', PDF, 'application/pdf', `&enterpriseId=${a.enterpriseId}`);
    expect(spoof.statusCode).toBe(403);

    const elsewhere = await other.as('zone_leader');
    expect((await elsewhere.get(`/api/files/${staffFile.id}`)).statusCode).toBe(404);
    const foreignEnterprise = await upload(
      elsewhere,
      'x.pdf',
      PDF,
      'application/pdf',
      `&enterpriseId=${a.enterpriseId}`,
    );
    expect(foreignEnterprise.statusCode).toBe(404);
    expect((await (await tenant.as('auditor')).get(`/api/files/${staffFile.id}`)).statusCode).toBe(200);
    expect((await upload(await tenant.as('auditor'), 'x.pdf', PDF, 'application/pdf')).statusCode).toBe(403);
  });
});
