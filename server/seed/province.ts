import { count, eq, sql } from 'drizzle-orm';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { departments, staff } from '../domains/org/org.tables';
import { todayInShanghai } from '../domains/projects/projects.repository';
import { provinces, subParks, zones } from '../domains/tenancy/tenancy.tables';
import { recordAudit } from '../platform/audit';
import { type Db, rows } from '../platform/db';
import { hasData, SUB_PARKS, seedDemo } from './demo';
import { seedEconomy } from './economy';
import { type GeneratedEnterprise, generateZoneEnterprises, INSERT_BATCH, insertEnterprises } from './enterprises';
import { seedProvinceWork, type WorkZone } from './province-work';
import { chineseName, mobile, Random } from './random';

/**
 * `zoneos seed --scale province`: Hunan with 135 zones (the provincial ranking's count) and ≥ 200,000 enterprises.
 * Starts from the demo (益阳高新区, 岳塘经开区, logins) when the database is empty, then adds the missing zones,
 * each with sub-parks, a 企业服务局 with service officers and ~1,500 enterprises, bulk-inserted in batches of
 * 5,000 rows (INSERT … SELECT FROM unnest), then each added zone's 招商 pipeline, key projects and approval cases
 * (province-work.ts). Deterministic for a seed; one transaction, so all or nothing.
 */

/** County-level places of Hunan by city division code; the first of each list is the city itself. */
const PLACES: [division: string, places: string[]][] = [
  ['430100', ['长沙', '浏阳', '宁乡', '望城', '星沙', '雨花', '岳麓', '天心', '开福']],
  ['430200', ['株洲', '醴陵', '攸县', '茶陵', '炎陵', '渌口', '荷塘', '石峰', '天元']],
  ['430300', ['湘潭', '湘乡', '韶山', '易俗河', '雨湖', '岳塘']],
  ['430400', ['衡阳', '耒阳', '常宁', '衡南', '衡东', '衡山', '西渡', '祁东', '松木', '白沙洲']],
  ['430500', ['邵阳', '武冈', '邵东', '新邵', '隆回', '洞口', '绥宁', '新宁', '城步', '塘渡口']],
  ['430600', ['岳阳', '汨罗', '临湘', '华容', '湘阴', '平江', '荣家湾', '云溪', '君山', '城陵矶']],
  ['430700', ['常德', '津市', '澧县', '临澧', '桃源', '汉寿', '安乡', '石门', '鼎城']],
  ['430800', ['张家界', '慈利', '桑植', '永定']],
  ['430900', ['益阳', '沅江', '桃江', '安化', '南县', '赫山', '资阳', '大通湖']],
  ['431000', ['郴州', '资兴', '桂阳', '宜章', '永兴', '嘉禾', '临武', '汝城', '桂东', '安仁']],
  ['431100', ['永州', '祁阳', '东安', '双牌', '道县', '江永', '宁远', '蓝山', '新田', '江华', '冷水滩']],
  ['431200', ['怀化', '洪江', '沅陵', '辰溪', '溆浦', '中方', '会同', '麻阳', '新晃', '芷江', '靖州', '通道']],
  ['431300', ['娄底', '冷水江', '涟源', '双峰', '新化']],
  ['433100', ['吉首', '泸溪', '凤凰', '花垣', '保靖', '古丈', '永顺', '龙山']],
];

export const PROVINCE_ZONES = 135;
export const PROVINCE_MIN_ENTERPRISES = 200_000;

interface ZonePlan {
  code: string;
  name: string;
  level: 'national' | 'provincial';
  division: string;
  places: string[];
}

/** Candidate zones in a fixed order: each city gets 高新区 and 经开区, each county one of them. */
function zonePlans(): ZonePlan[] {
  const plans: ZonePlan[] = [];
  let n = 0;
  for (const [division, places] of PLACES) {
    const city = places[0]!;
    places.forEach((place, i) => {
      const nearby = [place, city, ...places.filter((p) => p !== place).slice(0, 3)];
      const kinds: ('高新区' | '经开区')[] = i === 0 ? ['高新区', '经开区'] : [n % 3 === 0 ? '高新区' : '经开区'];
      for (const kind of kinds) {
        n++;
        plans.push({
          code: `hn-${String(n).padStart(3, '0')}`,
          name: `${place}${kind}`,
          level: i === 0 && kind === '高新区' ? 'national' : 'provincial',
          division,
          places: nearby,
        });
      }
    });
  }
  return plans;
}

export interface ProvinceSeedResult {
  zonesAdded: number;
  zonesTotal: number;
  enterprisesAdded: number;
  enterprisesTotal: number;
  ms: number;
}

export async function seedProvince(
  db: Db,
  options: {
    seed?: number;
    log?: (line: string) => void;
    /** Zones the province should have (default 135); tests use a handful. */
    zones?: number;
    /** Enterprises per added zone (default: enough for ≥ 200,000 in total). */
    enterprisesPerZone?: number;
  } = {},
): Promise<ProvinceSeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  if (!(await hasData(db))) {
    log('empty database: seeding the demo zones first');
    await seedDemo(db);
  }
  const r = new Random(options.seed ?? 20240601 + 135);
  const econRandom = new Random((options.seed ?? 20240601) + 9);
  const result = await db.transaction(async (tx) => {
    let [province] = await tx.select().from(provinces).where(eq(provinces.code, 'HN'));
    if (!province) {
      [province] = await tx.insert(provinces).values({ code: 'HN', name: '湖南省', nameEn: 'Hunan' }).returning();
    }
    const existing = await tx
      .select({ name: zones.name, code: zones.code })
      .from(zones)
      .where(eq(zones.provinceId, province!.id));
    const [{ n: before } = { n: 0 }] = await tx.select({ n: count() }).from(enterprises);
    const names = new Set(existing.map((z) => z.name));
    const codes = new Set(existing.map((z) => z.code));
    const missing = Math.max(0, (options.zones ?? PROVINCE_ZONES) - existing.length);
    const plans = zonePlans()
      .filter((p) => !names.has(p.name) && !codes.has(p.code))
      .slice(0, missing);
    const perZone =
      options.enterprisesPerZone ??
      (plans.length ? Math.ceil(Math.max(0, PROVINCE_MIN_ENTERPRISES - before) / plans.length) : 0);
    let buffer: GeneratedEnterprise[] = [];
    let added = 0;
    const addedZones: WorkZone[] = [];
    const flush = async () => {
      await insertEnterprises(tx, buffer);
      added += buffer.length;
      buffer = [];
    };
    for (const [i, plan] of plans.entries()) {
      const [zone] = await tx
        .insert(zones)
        .values({
          provinceId: province!.id,
          code: plan.code,
          name: plan.name,
          nameEn: `${plan.code.toUpperCase()} Zone`,
          level: plan.level,
        })
        .returning({ id: zones.id });
      const zoneId = zone!.id;
      addedZones.push({ id: zoneId, code: plan.code });
      const parkCount = r.int(4, SUB_PARKS.length);
      const parks = await tx
        .insert(subParks)
        .values(SUB_PARKS.slice(0, parkCount).map((s) => ({ ...s, zoneId })))
        .returning({ id: subParks.id, code: subParks.code });
      const [dept] = await tx
        .insert(departments)
        .values({ zoneId, code: 'QFJ', name: '企业服务局', nameEn: 'Enterprise Service Bureau', class: 'A' })
        .returning({ id: departments.id });
      // 经济运行 of every zone (its own random stream and pace), so the province cockpit ranks 135 zones.
      await seedEconomy(
        tx,
        econRandom,
        { zoneId, deptByCode: new Map(), parks: [] },
        { year: 2026, reportedMonths: 10, pace: (econRandom.next() - 0.5) * 0.2 },
      );
      const officers = await tx
        .insert(staff)
        .values(
          Array.from({ length: r.int(4, 8) }, (_, k) => ({
            zoneId,
            departmentId: dept!.id,
            employeeNo: `Q${String(k + 1).padStart(3, '0')}`,
            name: chineseName(r),
            gender: r.pick(['M', 'F'] as const),
            establishmentType: 'administrative' as const,
            archiveRank: '四级主任科员',
            phone: mobile(r),
          })),
        )
        .returning({ id: staff.id });
      // The per-zone share plus up to 10% more, so zones differ in size and the total is never below the target.
      const target = Math.max(100, perZone + r.int(0, Math.floor(perZone / 10)));
      const rows = generateZoneEnterprises(r, {
        zoneId,
        count: target,
        subParks: parks,
        officerIds: officers.map((o) => o.id),
        places: plan.places,
        division: plan.division,
      });
      buffer.push(...rows);
      await recordAudit(tx, {
        actor: null,
        zoneId,
        action: 'seed',
        entity: 'zone',
        entityId: zoneId,
        after: { subParks: parks.length, staff: officers.length, enterprises: rows.length },
      });
      if (buffer.length >= INSERT_BATCH) await flush();
      if ((i + 1) % 20 === 0) log(`  ${i + 1}/${plans.length} zones, ${added + buffer.length} enterprises generated`);
    }
    await flush();
    // 招商, 重点项目 and 审批 of the added zones, the catalogue copied from the demo zone (or any zone that has one).
    const [source] = await rows<{ zone_id: string }>(
      tx,
      sql`select i.zone_id from approval_items i join zones z on z.id = i.zone_id
        group by i.zone_id, z.code order by (z.code = 'yiyang-hitech') desc, count(*) desc limit 1`,
    );
    const work = await seedProvinceWork(tx, {
      zones: addedZones,
      demoZoneId: source?.zone_id ?? null,
      seed: options.seed ?? 20240601,
      today: todayInShanghai(),
    });
    log(`  ${work.projects} pipeline projects, ${work.keyProjects} key projects, approval cases generated`);
    const [{ n: total } = { n: 0 }] = await tx.select({ n: count() }).from(enterprises);
    const [{ n: zonesTotal } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(zones)
      .where(eq(zones.provinceId, province!.id));
    return { zonesAdded: plans.length, zonesTotal, enterprisesAdded: added, enterprisesTotal: total };
  });
  // Fresh statistics for the planner after a bulk load (no-op cost on small databases).
  await db.execute(sql`analyze enterprises`);
  await db.execute(sql`analyze investment_projects`);
  await db.execute(sql`analyze key_projects`);
  await db.execute(sql`analyze approval_cases`);
  return { ...result, ms: Math.round(performance.now() - started) };
}
