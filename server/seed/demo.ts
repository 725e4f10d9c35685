import { count, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles';
import { todayInChina } from '../domains/approval/approval.repository';
import { seedApproval } from '../domains/approval/approval.seed';
import { users } from '../domains/auth/auth.tables';
import { departments, posts, staff } from '../domains/org/org.tables';
import { provinces, subParks, zones } from '../domains/tenancy/tenancy.tables';
import { recordAudit } from '../platform/audit';
import { hashPassword } from '../platform/auth/password';
import type { Db, Tx } from '../platform/db';
import { seedEconomy } from './economy';
import { seedEfficiency } from './efficiency';
import { type GeneratedEnterprise, generateZoneEnterprises, insertEnterprises } from './enterprises';
import { seedInspectionsAndPolicies } from './inspections';
import { seedInvestment } from './investment';
import { seedLand } from './land';
// performance
import { seedPerformance } from './performance';
import { chineseName, mobile, Random } from './random';
// reform
import { seedReform } from './reform';
import { seedReformYuetang } from './reform-lists';
import { seedServices } from './services';

export const DEMO_PASSWORD = 'ZoneOS-2026';

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
  scope: string;
}

/** Post ladder of a reformed committee (岗位系数 used by pay). */
const POST_LADDER = [
  { name: '部长', grade: '部门正职', coefficient: 1.65, headcount: 1 },
  { name: '副部长', grade: '部门副职', coefficient: 1.4, headcount: 2 },
  { name: '主管', grade: '中层', coefficient: 1.2, headcount: 3 },
  { name: '专员', grade: '一般', coefficient: 1.0, headcount: 4 },
  { name: '办事员', grade: '一般', coefficient: 0.9, headcount: 3 },
] as const;

/** 大部制 after the reform: few departments, class A (investment & services) vs B (coordination). */
const DEPARTMENTS = [
  {
    code: 'ZHB',
    name: '党政综合办公室',
    nameEn: 'General Office',
    kind: 'internal',
    class: 'B',
    coefficient: 1.0,
    establishment: 8,
  },
  {
    code: 'DQB',
    name: '党群工作部',
    nameEn: 'Party & HR Department',
    kind: 'internal',
    class: 'B',
    coefficient: 1.0,
    establishment: 7,
  },
  {
    code: 'CZJ',
    name: '财政金融局',
    nameEn: 'Finance Bureau',
    kind: 'internal',
    class: 'B',
    coefficient: 1.0,
    establishment: 8,
  },
  {
    code: 'TZCJ',
    name: '投资促进局',
    nameEn: 'Investment Promotion Bureau',
    kind: 'internal',
    class: 'A',
    coefficient: 1.2,
    establishment: 12,
  },
  {
    code: 'JFJ',
    name: '经济发展局',
    nameEn: 'Economic Development Bureau',
    kind: 'internal',
    class: 'A',
    coefficient: 1.1,
    establishment: 10,
  },
  {
    code: 'QFJ',
    name: '企业服务局',
    nameEn: 'Enterprise Service Bureau',
    kind: 'internal',
    class: 'A',
    coefficient: 1.1,
    establishment: 10,
  },
  {
    code: 'GJJ',
    name: '规划建设局',
    nameEn: 'Planning & Construction Bureau',
    kind: 'internal',
    class: 'A',
    coefficient: 1.1,
    establishment: 10,
  },
  {
    code: 'KCJ',
    name: '科技创新局',
    nameEn: 'Science & Innovation Bureau',
    kind: 'internal',
    class: 'A',
    coefficient: 1.1,
    establishment: 8,
  },
  {
    code: 'ZWZX',
    name: '政务服务中心',
    nameEn: 'Government Service Centre',
    kind: 'institution',
    class: 'A',
    coefficient: 1.0,
    establishment: 12,
  },
  {
    code: 'CFJT',
    name: '高新产业发展集团',
    nameEn: 'Hi-tech Industry Development Group',
    kind: 'company',
    class: 'A',
    coefficient: 1.0,
    establishment: 0,
  },
] as const;

export const SUB_PARKS = [
  { code: 'DQZB', name: '电气装备产业园', nameEn: 'Electrical Equipment Park', focus: '电气装备、输配电设备' },
  { code: 'DZXX', name: '电子信息产业园', nameEn: 'Electronic Information Park', focus: '电子元器件、智能终端' },
  { code: 'XNY', name: '新能源新材料产业园', nameEn: 'New Energy & Materials Park', focus: '储能、锂电材料、光伏' },
  { code: 'SWYY', name: '生物医药产业园', nameEn: 'Biomedicine Park', focus: '医疗器械、中药现代化' },
  { code: 'KCC', name: '科创城', nameEn: 'Innovation City', focus: '研发平台、孵化器' },
  { code: 'XDFW', name: '现代服务业集聚区', nameEn: 'Modern Services Cluster', focus: '总部经济、物流、商贸' },
] as const;

const ARCHIVE_RANKS = [
  '正科',
  '副科',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '专业技术',
  '无',
] as const;

/** Fixed id for the demo enterprise account; the enterprise registry seeds the enterprise with this id. */
export const DEMO_ENTERPRISE_ID = '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b';
/** `--scale zone` (the default, and npm start's demo): 益阳高新区's registry size. */
export const DEMO_ZONE_ENTERPRISES = 800;

export async function hasData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(zones);
  return (row?.n ?? 0) > 0;
}

async function seedZone(
  tx: Tx,
  r: Random,
  provinceId: string,
  z: {
    code: string;
    name: string;
    nameEn: string;
    level: 'national' | 'provincial';
    staffPrefix: string;
    /** 企业库 size, place names for company names and the city division code for credit codes. */
    enterprises: { count: number; places: readonly string[]; division: string; fixed?: Partial<GeneratedEnterprise>[] };
  },
) {
  const [zone] = await tx
    .insert(zones)
    .values({ provinceId, code: z.code, name: z.name, nameEn: z.nameEn, level: z.level })
    .returning();
  const zoneId = zone!.id;
  const parks = await tx
    .insert(subParks)
    .values(SUB_PARKS.map((s) => ({ ...s, zoneId })))
    .returning({ id: subParks.id, code: subParks.code });
  const depts = await tx
    .insert(departments)
    .values(DEPARTMENTS.map((d) => ({ ...d, zoneId, description: '' })))
    .returning();
  const deptByCode = new Map(depts.map((d) => [d.code, d]));
  let employee = 1;
  const officerIds: string[] = [];
  for (const d of depts) {
    const ladder = d.kind === 'company' ? POST_LADDER.slice(0, 4) : POST_LADDER;
    const created = await tx
      .insert(posts)
      .values(ladder.map((p) => ({ ...p, zoneId, departmentId: d.id })))
      .returning();
    const people = [];
    for (const p of created) {
      const filled = Math.max(1, p.headcount - r.int(0, 1));
      for (let i = 0; i < filled; i++) {
        const est: 'administrative' | 'institution' | 'contract' | 'soe' =
          d.kind === 'company'
            ? 'soe'
            : d.kind === 'institution'
              ? r.pick(['institution', 'contract'] as const)
              : r.pick(['administrative', 'administrative', 'institution', 'contract'] as const);
        people.push({
          zoneId,
          departmentId: d.id,
          postId: p.id,
          employeeNo: `${z.staffPrefix}${String(employee++).padStart(4, '0')}`,
          name: chineseName(r),
          gender: r.pick(['M', 'F'] as const),
          establishmentType: est,
          archiveRank: est === 'contract' || est === 'soe' ? '无' : r.pick(ARCHIVE_RANKS),
          phone: mobile(r),
          hiredOn: `${r.int(2008, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        });
      }
    }
    const inserted = await tx.insert(staff).values(people).returning({ id: staff.id });
    if (d.code === 'QFJ') officerIds.push(...inserted.map((p) => p.id));
  }
  // 企业库: the chief service officers come from 企业服务局; the demo enterprise is put in the 电气装备 park.
  const fixed = (z.enterprises.fixed ?? []).map((f) => ({
    ...f,
    subParkId: f.subParkId === undefined ? undefined : (parks.find((p) => p.code === f.subParkId)?.id ?? null),
    serviceOfficerId: officerIds[0] ?? null,
  }));
  const registry = generateZoneEnterprises(r, {
    zoneId,
    count: z.enterprises.count,
    subParks: parks,
    officerIds,
    places: z.enterprises.places,
    division: z.enterprises.division,
    fixed,
  });
  await insertEnterprises(tx, registry);
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'zone',
    entityId: zoneId,
    after: { departments: depts.length, subParks: SUB_PARKS.length, staff: employee - 1, enterprises: registry.length },
  });
  return { zoneId, deptByCode, parks };
}

/**
 * The demo data `npm start` loads into an empty database: Hunan province, 益阳高新区 (the reform in seed 000)
 * with its sub-parks, departments, posts and staff, a second zone, and one account per role.
 */
export async function seedDemo(db: Db, seed = 20240601): Promise<DemoLogin[]> {
  const r = new Random(seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [province] = await tx.insert(provinces).values({ code: 'HN', name: '湖南省', nameEn: 'Hunan' }).returning();
    const yiyang = await seedZone(tx, r, province!.id, {
      code: 'yiyang-hitech',
      name: '益阳高新区',
      nameEn: 'Yiyang Hi-tech Zone',
      level: 'national',
      staffPrefix: 'YY',
      enterprises: {
        count: DEMO_ZONE_ENTERPRISES,
        places: ['益阳', '赫山', '资阳', '桃江', '安化', '沅江', '南县', '大通湖', '龙岭', '会龙山'],
        division: '430900',
        fixed: [
          {
            id: DEMO_ENTERPRISE_ID,
            name: '益阳电气装备有限公司',
            subParkId: 'DQZB', // sub-park code, resolved to its id in seedZone
            industryCode: '382',
            scale: 'above',
            tags: ['高新技术企业', '专精特新'],
            status: 'operating',
          },
        ],
      },
    });
    const yuetang = await seedZone(tx, r, province!.id, {
      code: 'yuetang-edz',
      name: '岳塘经开区',
      nameEn: 'Yuetang Economic Development Zone',
      level: 'provincial',
      staffPrefix: 'YT',
      enterprises: {
        count: 300,
        places: ['湘潭', '岳塘', '雨湖', '湘乡', '韶山', '昭山', '霞城', '荷塘'],
        division: '430300',
      },
    });
    // 经济运行: 2025 complete, 2026 reported up to October (today's data); 岳塘 grows slower, so the zones rank apart.
    await seedEconomy(tx, r, yiyang, { year: 2026, reportedMonths: 10 });
    await seedEconomy(tx, r, yuetang, { year: 2026, reportedMonths: 10, pace: -0.03 });
    // reform
    await seedReform(tx, new Random(seed + 4), yiyang.zoneId); // its own stream: the data above stays as it was
    await seedReformYuetang(tx, new Random(seed + 14), yuetang.zoneId); // seed 001: 岳塘经开区 before/after, 27 区直部门
    const dept = (code: string) => yiyang.deptByCode.get(code)!.id;
    // investment & projects
    await seedInvestment(
      tx,
      r,
      yiyang.zoneId,
      [...yiyang.deptByCode.values()].filter((d) => d.kind === 'internal').map((d) => d.id),
      '周建国',
    );
    const logins: (DemoLogin & {
      zoneId: string | null;
      provinceId: string | null;
      departmentId: string | null;
      enterpriseId: string | null;
    })[] = [
      {
        username: 'admin',
        role: 'admin',
        displayName: '平台管理员',
        scope: 'platform',
        zoneId: null,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
      },
      {
        username: 'leader',
        role: 'zone_leader',
        displayName: '周建国',
        scope: '益阳高新区',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
      },
      {
        username: 'invest.head',
        role: 'dept_head',
        displayName: '刘志强',
        scope: '益阳高新区 · 投资促进局',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: dept('TZCJ'),
        enterpriseId: null,
      },
      {
        username: 'invest.staff',
        role: 'dept_staff',
        displayName: '陈晓东',
        scope: '益阳高新区 · 投资促进局',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: dept('TZCJ'),
        enterpriseId: null,
      },
      {
        username: 'officer',
        role: 'service_officer',
        displayName: '李思雨',
        scope: '益阳高新区 · 企业服务局',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: dept('QFJ'),
        enterpriseId: null,
      },
      {
        username: 'enterprise',
        role: 'enterprise',
        displayName: '益阳电气装备有限公司',
        scope: '益阳高新区 · 企业',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: DEMO_ENTERPRISE_ID,
      },
      {
        username: 'company',
        role: 'platform_company',
        displayName: '高新产业发展集团',
        scope: '益阳高新区 · 平台公司',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
      },
      {
        username: 'auditor',
        role: 'auditor',
        displayName: '纪工委审计',
        scope: '益阳高新区',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
      },
      {
        username: 'province',
        role: 'province_viewer',
        displayName: '省商务厅',
        scope: '湖南省（全部园区）',
        zoneId: null,
        provinceId: province!.id,
        departmentId: null,
        enterpriseId: null,
      },
      {
        username: 'leader2',
        role: 'zone_leader',
        displayName: '谭文博',
        scope: '岳塘经开区',
        zoneId: yuetang.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
      },
      // approval (一站式审批): a case handler of the lead department of the construction items.
      {
        username: 'approval.staff',
        role: 'dept_staff',
        displayName: '黄思琪',
        scope: '益阳高新区 · 规划建设局',
        zoneId: yiyang.zoneId,
        provinceId: null,
        departmentId: dept('GJJ'),
        enterpriseId: null,
      },
    ];
    for (const l of logins) {
      const [u] = await tx
        .insert(users)
        .values({
          username: l.username,
          displayName: l.displayName,
          role: l.role,
          passwordHash,
          zoneId: l.zoneId,
          provinceId: l.provinceId,
          departmentId: l.departmentId,
          enterpriseId: l.enterpriseId,
        })
        .returning({ id: users.id });
      await recordAudit(tx, {
        actor: null,
        zoneId: l.zoneId,
        action: 'seed',
        entity: 'user',
        entityId: u!.id,
        after: { username: l.username, role: l.role },
      });
    }
    // approval (一站式审批): catalogue and case histories across the 2025 National Day and 2026 Spring Festival.
    await seedApproval(
      tx,
      r,
      yiyang.zoneId,
      new Map([...yiyang.deptByCode].map(([code, d]) => [code, d.id])),
      todayInChina(),
      DEMO_ENTERPRISE_ID,
    );
    // services (企业服务): demands with their own PRNG stream, so the data above stays as it was.
    await seedServices(tx, new Random(seed + 6), {
      zoneId: yiyang.zoneId,
      deptByCode: yiyang.deptByCode,
      demoEnterpriseId: DEMO_ENTERPRISE_ID,
    });
    // 一码护商 and 惠企: codes, inspections as of today, policies with applications and payouts, cultivation pools.
    await seedInspectionsAndPolicies(tx, new Random(seed + 7), {
      zoneId: yiyang.zoneId,
      deptByCode: yiyang.deptByCode,
      demoEnterpriseId: DEMO_ENTERPRISE_ID,
      today: todayInChina(),
    });
    // performance
    await seedPerformance(tx, r, yiyang.zoneId);
    // Land and per-mu efficiency (亩均论英雄): two years of data, last year's run computed, the year before final.
    await seedEfficiency(tx, yiyang.zoneId, 2025);
    // Land: parcels laid out on the map, standard-land contracts, reviews, patrols, idle land as of today.
    await seedLand(tx, yiyang.zoneId, todayInChina(), DEMO_ENTERPRISE_ID);
    return logins.map(({ username, role, displayName, scope }) => ({ username, role, displayName, scope }));
  });
}

export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const list = await db
    .select({ username: users.username, role: users.role, displayName: users.displayName })
    .from(users)
    .where(eq(users.disabled, false));
  return list.map((u) => ({ ...u, role: u.role as Role, scope: '' }));
}
