import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { importFile, upload, xlsxOf } from '../../test/imports';
import { EARTH_RADIUS_M, geodesicArea } from './land.geo';
import { idleQueue } from './land.idle';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let staff: Client;
let ownEnterprise: Client;
let enterpriseId: string;
let otherEnterpriseId: string;

let serial = 0;
async function enterprise(name: string): Promise<string> {
  serial++;
  const first17 = `91430900${String(800000 + serial)}MC3`;
  const res = await leader.post('/api/enterprises', {
    creditCode: first17 + creditCodeCheckChar(first17),
    name,
    industryCode: '382',
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

/** A lat/lng rectangle (closed ring). */
const rect = (lng: number, lat: number, dLng: number, dLat: number) => ({
  type: 'Polygon' as const,
  coordinates: <[number, number][][]>[
    [
      [lng, lat],
      [lng + dLng, lat],
      [lng + dLng, lat + dLat],
      [lng, lat + dLat],
      [lng, lat],
    ],
  ],
});

const parcel = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `地块${code}`,
  use: 'industrial',
  status: 'reserve',
  geometry: rect(112.35, 28.57, 0.003, 0.002),
  ...over,
});

const contract = (parcelId: string, over: Record<string, unknown> = {}) => ({
  parcelId,
  enterpriseId,
  contractNo: `BZD-${parcelId.slice(0, 8)}`,
  signedOn: '2023-01-15',
  landPrice: 1_155_000,
  investment: 20_000,
  plotRatio: 1.2,
  taxPerMu: 20,
  rdShare: 3,
  agreedStartOn: '2023-03-01',
  ...over,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  staff = await tenant.as('dept_staff');
  enterpriseId = await enterprise('益阳标准地电气有限公司');
  otherEnterpriseId = await enterprise('益阳闲置地新材料有限公司');
  const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId });
  ownEnterprise = await login(ctx.app, user.username, PASSWORD, tenant.zoneId);
});
afterAll(() => ctx.close());

describe('parcels (DOMAIN.md §7: polygon, geodesic area in mu and m²)', () => {
  it('computes the geodesic area: worked examples against the closed form R²·Δλ·(sin φ2 − sin φ1)', () => {
    // 1° × 1° at the equator: 6,378,137² × π/180 × sin 1° = 12,391,399,902 m².
    expect(geodesicArea(rect(0, 0, 1, 1)).areaM2).toBeCloseTo(12_391_399_902.07, 0);
    const R2 = EARTH_RADIUS_M ** 2;
    const rad = (d: number) => (d * Math.PI) / 180;
    // A Yiyang-sized parcel, 112.350–112.353°E × 28.570–28.572°N: 65,297.95 m² = 97.9469 mu (1 mu = 666.67 m²).
    const exact = R2 * rad(0.003) * (Math.sin(rad(28.572)) - Math.sin(rad(28.57)));
    expect(exact).toBeCloseTo(65_297.95, 1);
    const a = geodesicArea(rect(112.35, 28.57, 0.003, 0.002));
    expect(a.areaM2).toBeCloseTo(65_297.95, 1);
    expect(a.areaMu).toBeCloseTo(97.9469, 3);
    // A hole is subtracted.
    const holed = {
      type: 'Polygon' as const,
      coordinates: [rect(0, 0, 1, 1).coordinates[0]!, rect(0.25, 0.25, 0.5, 0.5).coordinates[0]!.slice().reverse()],
    };
    expect(geodesicArea(holed).areaM2).toBeLessThan(geodesicArea(rect(0, 0, 1, 1)).areaM2 * 0.76);
  });

  it('creates a parcel with the area computed server-side; refuses an open ring in zh-CN and en-US', async () => {
    const res = await staff.post('/api/land/parcels', parcel('T-01'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'T-01', areaMu: 97.9469, status: 'reserve', idle: false });
    expect(res.json().areaM2).toBeCloseTo(65_297.95, 1);
    const open = parcel('T-02', {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.35, 28.57],
            [112.36, 28.57],
            [112.36, 28.58],
            [112.35, 28.58],
          ],
        ],
      },
    });
    const zh = await staff.post('/api/land/parcels', open);
    expect(zh.statusCode).toBe(400);
    expect(Object.values(zh.json().fields)).toContain('地块边界须闭合（首尾坐标相同）');
    const en = await staff.post('/api/land/parcels', open, { headers: { 'accept-language': 'en-US' } });
    expect(Object.values(en.json().fields)).toContain('A parcel boundary must be closed (first and last points equal)');
    const huge = await staff.post('/api/land/parcels', parcel('T-04', { geometry: rect(100, 20, 5, 5) }));
    expect(huge.json().fields).toEqual({ geometry: '地块面积超过 100 平方公里，请检查坐标' });
    const dup = await staff.post('/api/land/parcels', parcel('T-01'));
    expect(dup.statusCode).toBe(409);
    // The auditor reads, cannot write.
    expect((await (await tenant.as('auditor')).post('/api/land/parcels', parcel('T-03'))).statusCode).toBe(403);
  });

  it('imports parcels from GeoJSON (matched by code) and from Excel; exports them', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'T-01', name: '改名地块' },
          geometry: rect(112.35, 28.57, 0.003, 0.002),
        },
        {
          type: 'Feature',
          properties: { 编号: 'G-01', status: 'supplied' },
          geometry: rect(112.36, 28.57, 0.002, 0.002),
        },
      ],
    };
    const res = await staff.post('/api/land/parcels/import-geojson', fc);
    expect(res.json()).toEqual({ created: 1, updated: 1 });
    const bad = await staff.post('/api/land/parcels/import-geojson', {
      ...fc,
      features: [...fc.features, { ...fc.features[1], properties: {} }],
    });
    expect(bad.statusCode).toBe(400);
    const header = ['地块编号', '地块名称', '用途', '状态', '边界坐标', '出让价款(元)'];
    const job = await importFile(
      staff,
      'land-parcels',
      await xlsxOf(header, [
        ['X-01', 'Excel地块', '工业', '储备', '112.37,28.57;112.372,28.57;112.372,28.572;112.37,28.572', 500000],
      ]),
    );
    expect(job.status).toBe('succeeded');
    const badJob = await importFile(
      staff,
      'land-parcels',
      await xlsxOf(header, [['X-02', '', '工业', '储备', '112.37', 1]]),
    );
    expect(badJob.status).toBe('failed_validation');
    const list = (await staff.get('/api/land/parcels?q=X-01')).json();
    expect(list.data[0]).toMatchObject({ code: 'X-01', landPrice: 500000 });
    expect(list.data[0].areaMu).toBeGreaterThan(60);
    const xlsx = await staff.get('/api/land/parcels/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('standard-land contracts and reviews (DOMAIN.md §7, GF-2008-2601)', () => {
  let parcelId: string;
  let contractId: string;

  it('derives the agreed dates from the build-period rules (50–200 mu or 1–5亿 → 1.5 + 1 years)', async () => {
    parcelId = (await staff.post('/api/land/parcels', parcel('C-01'))).json().id;
    const res = await staff.post('/api/land/contracts', contract(parcelId));
    expect(res.statusCode).toBe(200);
    contractId = res.json().id;
    // 97.95 mu and 2亿: 18 months to build, 12 more to full production.
    expect(res.json()).toMatchObject({
      buildMonths: 18,
      productionMonths: 12,
      agreedCompletionOn: '2024-09-01',
      agreedProductionOn: '2025-09-01',
      investmentIntensity: 204.19,
      latePenaltyPermille: 1,
    });
    // The parcel follows its contract: owner and "supplied".
    const p = (await staff.get(`/api/land/parcels/${parcelId}`)).json();
    expect(p).toMatchObject({ enterpriseId, status: 'supplied', contractId, landPrice: 1_155_000 });
    // One contract per parcel; one extension of ≤ 12 months.
    expect((await staff.post('/api/land/contracts', contract(parcelId, { contractNo: 'X' }))).statusCode).toBe(409);
    expect(
      (await staff.put(`/api/land/contracts/${contractId}`, contract(parcelId, { extensionMonths: 13 }))).statusCode,
    ).toBe(400);
    // Small parcel or ≤ 1亿: 1 + 0.5 years.
    const small = (
      await staff.post('/api/land/parcels', parcel('C-02', { geometry: rect(112.38, 28.57, 0.001, 0.001) }))
    ).json();
    const c2 = await staff.post(
      '/api/land/contracts',
      contract(small.id, { investment: 8000, contractNo: 'BZD-SMALL' }),
    );
    expect(c2.json()).toMatchObject({ buildMonths: 12, productionMonths: 6, agreedCompletionOn: '2024-03-01' });
  });

  it('completion acceptance: late completion 1,155,000 × 1‰ × 662 days = 764,610 元, plot-ratio shortfall line by line', async () => {
    const res = await staff.post(`/api/land/contracts/${contractId}/reviews`, {
      kind: 'completion',
      reviewedOn: '2026-07-01',
      startedOn: '2023-03-01',
      completedOn: '2026-06-25', // agreed 2024-09-01 + 662 days
      actualPlotRatio: 1.0,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.lines).toEqual([
      { label: 'late_start', formula: '1,155,000.00 × 1‰ × 0 = 0.00', amount: 0 },
      { label: 'late_completion', formula: '1,155,000.00 × 1‰ × 662 = 764,610.00', amount: 764_610 },
      { label: 'plot_ratio', formula: '1,155,000.00 × (1.2 − 1) / 1.2 = 192,500.00', amount: 192_500 },
    ]);
    expect(r.totalPenalty).toBe(957_110);
    expect(r.passed).toBe(false);
    // The dates became the contract's progress.
    expect((await staff.get(`/api/land/contracts/${contractId}`)).json()).toMatchObject({
      startedOn: '2023-03-01',
      completedOn: '2026-06-25',
    });
    // A completion acceptance needs both dates.
    const other = (
      await staff.post('/api/land/parcels', parcel('C-03', { geometry: rect(112.39, 28.57, 0.001, 0.001) }))
    ).json();
    const c3 = (await staff.post('/api/land/contracts', contract(other.id, { contractNo: 'BZD-C3' }))).json();
    const missing = await staff.post(`/api/land/contracts/${c3.id}/reviews`, {
      kind: 'completion',
      reviewedOn: '2026-01-01',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual({ startedOn: '竣工验收须填写开工和竣工日期' });
  });

  it('production review (达产复核): investment shortfall 1,155,000 × 4,000 / 20,000 = 231,000 元; tax and R&D checked', async () => {
    const res = await staff.post(`/api/land/contracts/${contractId}/reviews`, {
      kind: 'production',
      reviewedOn: '2027-07-01',
      actualInvestment: 16_000,
      actualTaxPerMu: 25,
      actualRdShare: 2.5,
    });
    const r = res.json();
    expect(r.lines).toEqual([
      {
        label: 'investment',
        formula: '1,155,000.00 × (200,000,000.00 − 160,000,000.00) / 200,000,000.00 = 231,000.00',
        amount: 231_000,
      },
    ]);
    expect(r.checks).toEqual([
      { indicator: 'investment', agreed: 20_000, actual: 16_000, met: false },
      { indicator: 'tax_per_mu', agreed: 20, actual: 25, met: true },
      { indicator: 'rd_share', agreed: 3, actual: 2.5, met: false },
    ]);
    expect(r.passed).toBe(false);
    const list = (await staff.get(`/api/land/contracts/${contractId}/reviews`)).json();
    expect(list.map((x: { kind: string }) => x.kind)).toEqual(['production', 'completion']);
    // A reviewed contract cannot be deleted.
    expect((await staff.delete(`/api/land/contracts/${contractId}`)).statusCode).toBe(409);
  });

  it('an enterprise sees only its own parcels and contracts; its timeline shows the contract and reviews', async () => {
    const own = (await ownEnterprise.get('/api/land/parcels')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.data.every((p: { enterpriseId: string }) => p.enterpriseId === enterpriseId)).toBe(true);
    const map = (await ownEnterprise.get('/api/land/parcels/map')).json();
    expect(map.features.length).toBe(own.total);
    expect((await ownEnterprise.post('/api/land/parcels', parcel('E-01'))).statusCode).toBe(403);
    const timeline = (await leader.get(`/api/enterprises/${enterpriseId}/timeline`)).json();
    const actions = timeline.map((t: { action: string }) => t.action);
    expect(actions).toEqual(
      expect.arrayContaining(['land_contract_signed', 'land_completion_review', 'land_production_review']),
    );
  });
});

describe('idle land (DOMAIN.md §7, 国土资源部令第53号) by the daily job', () => {
  it('flags a parcel not started a year after the agreed start: idle fee 20 %, reclaim after 2 years; a government-caused delay is excluded', async () => {
    const p1 = (
      await staff.post('/api/land/parcels', parcel('I-01', { geometry: rect(112.4, 28.57, 0.002, 0.002) }))
    ).json();
    const p2 = (
      await staff.post('/api/land/parcels', parcel('I-02', { geometry: rect(112.41, 28.57, 0.002, 0.002) }))
    ).json();
    const mk = (p: { id: string }, no: string, over: Record<string, unknown> = {}) =>
      staff.post(
        '/api/land/contracts',
        contract(p.id, {
          enterpriseId: otherEnterpriseId,
          contractNo: no,
          landPrice: 1_000_000,
          agreedStartOn: '2023-01-01',
          ...over,
        }),
      );
    const c1 = (await mk(p1, 'IDLE-1')).json();
    // Land delivered 200 days late (government cause): the clock starts on 2023-07-20.
    await mk(p2, 'IDLE-2', { governmentCauseDays: 200, governmentCause: '土地未按期交付' });
    const job = idleQueue(ctx.app.ctx.database.db, ctx.app.ctx.jobs);
    const get = async (id: string) => (await staff.get(`/api/land/parcels/${id}`)).json();

    await job.handler({ asOf: '2023-12-31' });
    expect(await get(p1.id)).toMatchObject({ idle: false, idleProposal: 'none' });

    await job.handler({ asOf: '2024-01-01' });
    expect(await get(p1.id)).toMatchObject({
      idle: true,
      idleReason: 'not_started',
      idleSince: '2024-01-01',
      idleProposal: 'idle_fee',
      idleFee: 200_000, // 20 % of 1,000,000
    });
    expect(await get(p2.id)).toMatchObject({ idle: false });

    await job.handler({ asOf: '2024-07-20' });
    expect(await get(p2.id)).toMatchObject({
      idle: true,
      idleSince: '2024-07-20',
      idleProposal: 'idle_fee',
      idleFee: 200_000,
    });

    await job.handler({ asOf: '2025-01-01' });
    expect(await get(p1.id)).toMatchObject({ idle: true, idleProposal: 'reclaim', idleFee: 0 });
    // Late start accrues per day: 1,000,000 × 1‰ × 731 days (2023-01-01 → 2025-01-01), plus late completion
    // (65.3 mu and 2亿 → 18 months: due 2024-07-01, 184 days) = 731,000 + 184,000.
    expect((await staff.get(`/api/land/contracts/${c1.id}`)).json().accruedPenalty).toBe(915_000);

    // Construction starts: no longer idle, revitalised (盘活) on the day of the evaluation.
    await staff.put(
      `/api/land/contracts/${c1.id}`,
      contract(p1.id, {
        enterpriseId: otherEnterpriseId,
        contractNo: 'IDLE-1',
        landPrice: 1_000_000,
        agreedStartOn: '2023-01-01',
        startedOn: '2025-02-01',
      }),
    );
    const run = await leader.post('/api/land/idle/run', { asOf: '2025-03-01' });
    expect(run.json()).toMatchObject({ asOf: '2025-03-01', evaluated: 5, revitalised: 1 });
    expect(await get(p1.id)).toMatchObject({ idle: false, revitalisedOn: '2025-03-01', status: 'construction' });

    // Suspended for a year with < 1/3 developed: idle again.
    await staff.put(
      `/api/land/contracts/${c1.id}`,
      contract(p1.id, {
        enterpriseId: otherEnterpriseId,
        contractNo: 'IDLE-1',
        landPrice: 1_000_000,
        agreedStartOn: '2023-01-01',
        startedOn: '2025-02-01',
        suspendedSince: '2025-04-01',
        developedPercent: 20,
        investedPercent: 40,
      }),
    );
    await leader.post('/api/land/idle/run', { asOf: '2026-04-01' });
    expect(await get(p1.id)).toMatchObject({ idle: true, idleReason: 'suspended', idleSince: '2026-04-01' });
  });

  it('patrols with photos count toward coverage; start and completion default rates', async () => {
    const parcels = (await staff.get('/api/land/parcels?pageSize=100')).json().data as { id: string; code: string }[];
    const target = parcels.find((p) => p.code === 'I-01')!;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const photo = await staff.post(`/api/files?filename=${encodeURIComponent('巡查.png')}`, png, {
      headers: { 'content-type': 'image/png' },
    });
    expect(photo.statusCode).toBe(201);
    const foreign = await staff.post('/api/land/patrols', {
      parcelId: target.id,
      patrolledOn: '2026-04-02',
      finding: 'suspended',
      photoFileIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toEqual({ photoFileIds: '附件不存在或无权使用' });
    const ok = await staff.post('/api/land/patrols', {
      parcelId: target.id,
      patrolledOn: '2026-04-02',
      finding: 'suspended',
      note: '工地停工，塔吊未作业',
      photoFileIds: [photo.json().id],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ parcelCode: 'I-01', photoFileIds: [photo.json().id] });
    const stats = (await leader.get('/api/land/stats?from=2026-01-01&to=2026-12-31')).json();
    expect(stats.patrolled).toBe(1);
    expect(stats.coverage).toBeCloseTo(1 / stats.toPatrol, 4);
    // Five contracts all due to start by 2026: C-01 started on time, I-01 late, the three others never → 4/5; as of
    // the last run (2026-04-01) I-01 (suspended), I-02, C-02 and C-03 (never started) are idle.
    expect(stats).toMatchObject({ contracts: 5, startDue: 5, startDefaults: 4, startDefaultRate: 0.8, idleParcels: 4 });
  });
});

describe('standard-land contracts from Excel (all-or-nothing, error report)', () => {
  const HEADER = [
    '合同编号',
    '地块编号',
    '用地企业信用代码',
    '签订日期',
    '出让价款(元)',
    '承诺总投资(万元)',
    '容积率',
    '亩均税收(万元/亩·年)',
    '约定开工日期',
  ];
  it('imports contracts on parcels without one; a bad row fails the whole file with a row-by-row report', async () => {
    const ids = [];
    for (const code of ['XC-01', 'XC-02', 'XC-03']) {
      const res = await staff.post('/api/land/parcels', parcel(code));
      expect(res.statusCode).toBe(200);
      ids.push(res.json().id as string);
    }
    const creditCode = (await leader.get(`/api/enterprises/${enterpriseId}`)).json().creditCode as string;
    const row = (no: string, parcelCode: string, over: unknown[] = []) => [
      no,
      parcelCode,
      creditCode,
      '2023-01-15',
      1_155_000,
      8000,
      1.2,
      20,
      '2023-03-01',
      ...over,
    ];

    // Unknown parcel, duplicate contract number and parcel in the file, unknown enterprise: nothing is written.
    const bad = await importFile(
      staff,
      'land-contracts',
      await xlsxOf(HEADER, [
        row('XHT-01', 'XC-01'),
        row('XHT-01', 'XC-01'),
        row('XHT-03', 'NO-SUCH'),
        ['XHT-04', 'XC-03', '91430900000000000X', '2023-01-15', 1, 1, 1, 1, '2023-03-01'],
      ]),
    );
    expect(bad.status).toBe('failed_validation');
    const codes = bad.errors.map((e) => `${e.row}:${e.column}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '3:合同编号:IMPORT_DUPLICATE_IN_FILE',
        '3:地块编号:IMPORT_DUPLICATE_IN_FILE',
        '4:地块编号:IMPORT_UNKNOWN_PARCEL',
        '5:用地企业信用代码:IMPORT_UNKNOWN_ENTERPRISE',
      ]),
    );
    expect((await staff.get(`/api/land/contracts?parcelId=${ids[0]}`)).json().total).toBe(0);
    const report = await staff.get(`/api/imports/jobs/${bad.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);

    const job = await importFile(
      staff,
      'land-contracts',
      await xlsxOf(HEADER, [row('XHT-01', 'XC-01'), row('XHT-02', 'XC-02')]),
    );
    expect(job.status).toBe('succeeded');
    expect(job.totalRows).toBe(2);
    // Same rules as the form: 8,000 万元 (≤ 1亿) → 1 year to build; the parcel follows its contract.
    const list = (await staff.get(`/api/land/contracts?parcelId=${ids[0]}`)).json();
    expect(list.data[0]).toMatchObject({
      contractNo: 'XHT-01',
      enterpriseId,
      buildMonths: 12,
      agreedCompletionOn: '2024-03-01',
      landPrice: 1_155_000,
    });
    expect((await staff.get(`/api/land/parcels/${ids[1]}`)).json()).toMatchObject({
      status: 'supplied',
      enterpriseId,
    });
    // Importing again: the contract numbers exist and the parcels are taken.
    const again = await importFile(staff, 'land-contracts', await xlsxOf(HEADER, [row('XHT-01', 'XC-01')]));
    expect(again.status).toBe('failed_validation');
    expect(again.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['IMPORT_ALREADY_EXISTS', 'LAND_HAS_CONTRACT']),
    );
    // The auditor may not import.
    const auditor = await tenant.as('auditor');
    expect((await upload(auditor, 'land-contracts', await xlsxOf(HEADER, [row('XHT-09', 'XC-03')]))).statusCode).toBe(
      403,
    );
  });
});
