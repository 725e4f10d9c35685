import { eq } from 'drizzle-orm';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { investmentProjects } from '../domains/investment/investment.tables';
import {
  investmentActivities,
  investmentChainLinks,
  investmentChains,
  investmentGreenCards,
  investmentLinkEnterprises,
  investmentTargetCompanies,
} from '../domains/investment/investment-library.tables';
import { todayInShanghai } from '../domains/projects/projects.repository';
import type { Tx } from '../platform/db';
import { chineseName, mobile, type Random } from './random';

/** 招商图谱: three chains of an electrical-equipment zone, links per segment, some with a 补链/延链 action. */
const CHAINS: {
  name: string;
  links: [
    segment: 'upstream' | 'midstream' | 'downstream',
    name: string,
    gap?: 'fill' | 'extend' | 'strengthen',
    parent?: string,
  ][];
}[] = [
  {
    name: '电气装备',
    links: [
      ['upstream', '硅钢与铜材', 'fill'],
      ['upstream', '绝缘材料'],
      ['midstream', '变压器'],
      ['midstream', '干式变压器', undefined, '变压器'],
      ['midstream', '开关柜'],
      ['midstream', '电机与控制器', 'strengthen'],
      ['downstream', '智能电网', 'extend'],
      ['downstream', '轨道交通供电'],
    ],
  },
  {
    name: '电子信息',
    links: [
      ['upstream', '覆铜板'],
      ['upstream', '电子化学品', 'fill'],
      ['midstream', '印制电路板'],
      ['midstream', '电子元器件'],
      ['midstream', '片式电容', undefined, '电子元器件'],
      ['downstream', '智能终端', 'extend'],
      ['downstream', '汽车电子', 'fill'],
    ],
  },
  {
    name: '新能源',
    links: [
      ['upstream', '锂电正极材料', 'fill'],
      ['midstream', '储能电池', 'strengthen'],
      ['midstream', '光伏组件'],
      ['downstream', '储能电站', 'extend'],
      ['downstream', '充换电设施'],
    ],
  },
];
const TARGET_NAMES = ['科技', '新能源', '电气', '材料', '智能', '电子', '装备', '动力'];
const TARGET_CITIES = ['深圳', '苏州', '杭州', '上海', '东莞', '合肥', '宁波', '武汉', '成都', '长沙'];

export async function seedInvestmentLibrary(
  tx: Tx,
  r: Random,
  zoneId: string,
  teams: { id: string }[],
  actorName: string,
) {
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const ents = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .orderBy(enterprises.creditCode)
    .limit(200);
  let entAt = 0;
  let targetSerial = 0;
  const targets: (typeof investmentTargetCompanies.$inferInsert)[] = [];
  for (const c of CHAINS) {
    const [chain] = await tx
      .insert(investmentChains)
      .values({ zoneId, name: c.name, description: `${c.name}产业链招商图谱（补链延链强链）` })
      .returning();
    const ids = new Map<string, string>();
    for (const [k, [segment, name, gap, parent]] of c.links.entries()) {
      const [link] = await tx
        .insert(investmentChainLinks)
        .values({
          zoneId,
          chainId: chain!.id,
          segment,
          name,
          gapAction: gap ?? 'none',
          parentId: parent ? (ids.get(parent) ?? null) : null,
          sortOrder: k,
        })
        .returning();
      ids.set(name, link!.id);
      // A 补链 link has no local enterprise yet (the gap); the others have a few.
      const local = gap === 'fill' ? 0 : r.int(1, 4);
      const placed = new Set<string>();
      for (let i = 0; i < local && ents.length > 0; i++) placed.add(ents[entAt++ % ents.length]!.id);
      if (placed.size) {
        await tx.insert(investmentLinkEnterprises).values(
          [...placed].map((enterpriseId, i) => ({
            zoneId,
            linkId: link!.id,
            enterpriseId,
            chainLeader: i === 0 && r.next() < 0.3,
          })),
        );
      }
      for (let i = 0, n = gap ? r.int(3, 6) : r.int(0, 2); i < n; i++) {
        targetSerial++;
        const city = r.pick(TARGET_CITIES);
        targets.push({
          zoneId,
          chainId: chain!.id,
          linkId: link!.id,
          name: `${city}${r.pick(TARGET_NAMES)}${name.slice(0, 2)}股份有限公司${targetSerial}`,
          region: city,
          industry: name,
          contactName: chineseName(r),
          contactPhone: mobile(r),
          priority: r.pick(['A', 'B', 'B', 'C'] as const),
          status: r.pick(['new', 'new', 'contacting', 'negotiating', 'dropped'] as const),
          fortune500: r.next() < 0.08,
          listed: r.next() < 0.4,
          notes: '',
        });
      }
    }
  }
  if (targets.length) await tx.insert(investmentTargetCompanies).values(targets);

  const projects = await tx
    .select({
      id: investmentProjects.id,
      name: investmentProjects.name,
      signedOn: investmentProjects.signedOn,
      teamId: investmentProjects.teamId,
    })
    .from(investmentProjects)
    .where(eq(investmentProjects.zoneId, zoneId))
    .orderBy(investmentProjects.name);
  // Activities this year: e.g. 4 outbound trips + 2 inbound visits + an event, and calls / negotiations on leads.
  const kinds = ['outbound', 'outbound', 'outbound', 'outbound', 'inbound', 'inbound', 'event'] as const;
  const acts: (typeof investmentActivities.$inferInsert)[] = kinds.map((kind, i) => ({
    zoneId,
    kind,
    title:
      kind === 'outbound'
        ? `赴${TARGET_CITIES[i]}开展产业链精准招商`
        : kind === 'inbound'
          ? `${r.pick(TARGET_CITIES)}客商来园考察`
          : '电气装备产业链招商推介会',
    heldOn: `${year}-${String(Math.min(12, i + 1)).padStart(2, '0')}-${String(r.int(5, 25)).padStart(2, '0')}`,
    place: kind === 'outbound' ? TARGET_CITIES[i]! : '园区管委会',
    teamId: teams[i % teams.length]?.id ?? null,
    participants: [chineseName(r), chineseName(r), chineseName(r)],
    counterparts: `${r.pick(TARGET_CITIES)}${r.pick(TARGET_NAMES)}集团等 ${r.int(2, 8)} 家企业`,
    outcome: `对接企业 ${r.int(3, 12)} 家，形成有效线索 ${r.int(1, 4)} 条`,
    recordedByName: actorName,
  }));
  for (const p of projects.slice(0, 20)) {
    acts.push({
      zoneId,
      kind: r.pick(['call', 'negotiation', 'inbound'] as const),
      title: `${p.name.slice(0, 12)}跟进`,
      heldOn: `${year}-${String(r.int(1, Number(today.slice(5, 7)))).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      place: '',
      teamId: p.teamId,
      projectId: p.id,
      participants: [chineseName(r)],
      counterparts: '投资方项目负责人',
      outcome: r.pick(['就用地规模达成一致', '对方补充可研报告', '约定下月再次洽谈', '确认设备投资清单']),
      recordedByName: actorName,
    });
  }
  await tx.insert(investmentActivities).values(acts.filter((a) => a.heldOn <= today));

  // 服务绿卡 for the signed projects (one active card each, 专员 named).
  const signed = projects.filter((p) => p.signedOn);
  const cards = signed.slice(0, 12).map((p, i) => ({
    zoneId,
    projectId: p.id,
    cardNo: `LK${p.signedOn!.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
    holderName: chineseName(r),
    holderPhone: mobile(r),
    specialistName: chineseName(r),
    specialistPhone: mobile(r),
    privileges: ['审批绿色通道', '专员全程帮代办', '优先安排要素保障'],
    issuedOn: p.signedOn!,
    validUntil: `${Number(p.signedOn!.slice(0, 4)) + 2}${p.signedOn!.slice(4)}`,
    issuedByName: actorName,
  }));
  if (cards.length) await tx.insert(investmentGreenCards).values(cards);
}
