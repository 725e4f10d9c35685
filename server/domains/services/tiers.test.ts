import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let serial = 0;

async function enterprise(name: string, scale: 'above' | 'below', tags: string[]): Promise<string> {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MD6`;
  const res = await leader.post('/api/enterprises', {
    creditCode: first17 + creditCodeCheckChar(first17),
    name,
    industryCode: '382',
    scale,
    tags,
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

const ids = (list: { enterpriseId: string }[]) => list.map((r) => r.enterpriseId).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
});
afterAll(() => ctx.close());

describe('§6 四库三台阶: candidates from criteria, movements tracked', () => {
  it('worked example: 4 enterprises, default criteria, two steps up and one out', async () => {
    const small = await enterprise('益阳小微制造有限公司', 'below', []);
    const smallTech = await enterprise('益阳科小电子有限公司', 'below', ['科技型中小企业']);
    const hitech = await enterprise('益阳高新装备有限公司', 'above', ['高新技术企业']);
    const specialized = await enterprise('益阳专精电机有限公司', 'above', ['高新技术企业', '专精特新']);
    const cand = async (tier: string) => ids((await leader.get(`/api/services/tiers/candidates?tier=${tier}`)).json());
    // 升规培育: the 规下 ones; 省级专精特新: 高新 but not 专精特新; 国家级: 专精特新 not 小巨人; 大企业: none.
    expect(await cand('upscale')).toEqual([small, smallTech].sort());
    expect(await cand('provincial')).toEqual([hitech]);
    expect(await cand('national')).toEqual([specialized]);
    expect(await cand('group')).toEqual([]);

    const move = (enterpriseId: string, tier: string | null, note = '') =>
      leader.post('/api/services/tiers/moves', { enterpriseId, tier, note });
    expect((await move(small, 'upscale', '纳入升规培育库')).json()).toMatchObject({ fromTier: null, direction: 'up' });
    expect(await cand('upscale')).toEqual([smallTech]);
    // Same pool again is refused.
    expect((await move(small, 'upscale')).json().fields).toEqual({ tier: '已存在相同的值' });
    // Step up: upscale → provincial; a provincial member is no longer an upscale candidate either.
    expect((await move(small, 'provincial')).json()).toMatchObject({ fromTier: 'upscale', direction: 'up' });
    expect((await move(specialized, 'national')).json().direction).toBe('up');
    expect(await cand('national')).toEqual([]);
    expect((await move(small, null, '企业迁出')).json()).toMatchObject({ fromTier: 'provincial', direction: 'out' });
    expect(await cand('upscale')).toEqual([small, smallTech].sort());

    const members = (await leader.get('/api/services/tiers/members?tier=national')).json();
    expect(ids(members)).toEqual([specialized]);
    const history = (await leader.get(`/api/services/tiers/moves?enterpriseId=${small}`)).json();
    expect(history.map((m: { toTier: string | null }) => m.toTier)).toEqual([null, 'provincial', 'upscale']);

    // The zone narrows 升规培育 to 科技型中小企业: the candidate list follows the criteria.
    const set = await leader.put('/api/services/tiers/criteria', {
      tier: 'upscale',
      rules: {
        all: [
          { field: 'scale', op: 'eq', value: 'below' },
          { field: 'tag', op: 'has', value: '科技型中小企业' },
        ],
      },
    });
    expect(set.statusCode).toBe(200);
    expect(await cand('upscale')).toEqual([smallTech]);
    // Another zone sees none of this, and cannot move this zone's enterprise.
    const other = await (await makeTenant(ctx.app)).as('zone_leader');
    expect((await other.get('/api/services/tiers/candidates?tier=upscale')).json()).toEqual([]);
    expect((await other.post('/api/services/tiers/moves', { enterpriseId: small, tier: 'upscale' })).statusCode).toBe(
      400,
    );
  });
});
