import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';

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
async function uploadPng(c: Client, name: string): Promise<string> {
  const res = await c.post(`/api/files?filename=${encodeURIComponent(name)}`, PNG, {
    headers: { 'content-type': 'image/png' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

let serial = 0;
async function keyProject(c: Client) {
  const res = await c.post('/api/projects/key', {
    code: `KP-PH-${++serial}`,
    name: `光伏组件项目${serial}`,
    level: 'city',
    plannedStart: '2025-03-01',
    plannedCompletion: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('key-project progress photos (DOMAIN.md §5: milestones, photos)', () => {
  it('§5 rule: photos are files of the zone, dated no later than today, each attached once; newest first', async () => {
    const c = await tenant.as('dept_staff');
    const kp = await keyProject(c);
    const a = await uploadPng(c, '主体封顶.png');
    const b = await uploadPng(c, '基础施工.png');
    const foreign = await uploadPng(await other.as('dept_staff'), '外区照片.png');

    const stolen = await c.post(`/api/projects/key/${kp.id}/photos`, { fileIds: [a, foreign], takenOn: '2025-05-01' });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().fields.fileIds).toBeTruthy();
    const future = await c.post(`/api/projects/key/${kp.id}/photos`, { fileIds: [a], takenOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields.takenOn).toBeTruthy();
    // Nothing of the refused requests was written.
    expect((await c.get(`/api/projects/key/${kp.id}/photos`)).json()).toEqual([]);

    expect(
      (await c.post(`/api/projects/key/${kp.id}/photos`, { fileIds: [b], takenOn: '2025-04-01' })).statusCode,
    ).toBe(201);
    const added = await c.post(`/api/projects/key/${kp.id}/photos`, {
      fileIds: [a],
      takenOn: '2025-09-15',
      caption: '主体结构封顶',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().map((p: { fileName: string }) => p.fileName)).toEqual(['主体封顶.png', '基础施工.png']);
    const again = await c.post(`/api/projects/key/${kp.id}/photos`, { fileIds: [a], takenOn: '2025-09-16' });
    expect(again.statusCode).toBe(409);

    const theirs = await other.as('dept_staff');
    expect((await theirs.get(`/api/projects/key/${kp.id}/photos`)).statusCode).toBe(404);
    const photoId = added.json()[0].id;
    expect((await theirs.delete(`/api/projects/photos/${photoId}`)).statusCode).toBe(404);
    expect((await c.delete(`/api/projects/photos/${photoId}`)).statusCode).toBe(204);
    expect((await c.get(`/api/projects/key/${kp.id}/photos`)).json()).toHaveLength(1);
  });
});
