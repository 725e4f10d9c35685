import { asc, eq } from 'drizzle-orm';
import type { DemandTag } from '../../shared/services';
import { DEFAULT_SERVICE_RULES } from '../../shared/services';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { staff } from '../domains/org/org.tables';
import { demandDeadlines } from '../domains/services/services.rules';
import { demandRoutingRules, demands, visitRatings, visits } from '../domains/services/services.tables';
import { recordAudit } from '../platform/audit';
import { loadCalendar } from '../platform/calendar';
import type { Tx } from '../platform/db';
import { chineseName, mobile, type Random } from './random';

/** 分类派单 of the demo zone: tag → department code. Energy, safety and "other" wait for a dispatcher. */
const ROUTING: [DemandTag, string][] = [
  ['land', 'GJJ'],
  ['infrastructure', 'GJJ'],
  ['approval', 'ZWZX'],
  ['finance', 'CZJ'],
  ['labour', 'QFJ'],
  ['policy', 'JFJ'],
  ['ip_tech', 'KCJ'],
  ['logistics', 'TZCJ'],
];

/** Realistic demands, by tag (titles as enterprises write them on 问题卡). */
const SAMPLES: { tags: DemandTag[]; title: string; content: string }[] = [
  {
    tags: ['land'],
    title: '二期扩建用地指标申请',
    content: '公司二期扩建需新增工业用地约30亩，请协调用地指标及供地时序。',
  },
  {
    tags: ['infrastructure'],
    title: '厂区门前道路积水',
    content: '雨季厂区门前道路积水严重，货车无法进出，请协调疏通排水管网。',
  },
  {
    tags: ['approval'],
    title: '施工许可办理咨询',
    content: '新建厂房已取得规划许可，施工许可需补充哪些材料，能否并联办理？',
  },
  {
    tags: ['finance'],
    title: '流动资金贷款贴息',
    content: '受原材料涨价影响流动资金紧张，希望对接银行并了解贷款贴息政策。',
  },
  {
    tags: ['labour'],
    title: '技术工人招聘困难',
    content: '新产线投产急需焊工、数控操作工约40名，请协助对接职业院校和人力资源市场。',
  },
  { tags: ['policy'], title: '专精特新申报辅导', content: '公司拟申报省级专精特新中小企业，请给予申报材料辅导。' },
  { tags: ['ip_tech'], title: '研发费用加计扣除咨询', content: '请指导研发费用归集口径及加计扣除申报流程。' },
  {
    tags: ['logistics'],
    title: '物流园区配套仓储需求',
    content: '需要在园区内租用约2000平方米的配套仓储，请协助对接。',
  },
  {
    tags: ['energy'],
    title: '双回路供电改造',
    content: '生产线对供电稳定性要求高，申请双回路供电改造，需协调供电公司。',
  },
  { tags: ['safety_env'], title: '环评批复进度', content: '技改项目环评已报送两个月，请协调加快批复进度。' },
  {
    tags: ['infrastructure', 'logistics'],
    title: '园区公交线路延伸',
    content: '员工通勤不便，希望园区公交线路延伸至厂区门口并增加早晚班次。',
  },
  { tags: ['other'], title: '员工子女入学协调', content: '新引进的技术骨干子女入学需要协调，请帮助对接教育部门。' },
];

const EXTERNAL = ['国网益阳供电公司', '市生态环境局', '市教育局'];

/**
 * The demo zone's demands: ~95 over 2025–2026 (the article's "95 received"), several received just before the
 * 2025 National Day and 2026 Spring Festival holidays so their limits cross them. Old ones are closed (a few after
 * an unsatisfied callback and a second cycle); recent ones are at every step, some late and escalated.
 */
export async function seedServices(
  tx: Tx,
  r: Random,
  zone: { zoneId: string; deptByCode: Map<string, { id: string }>; demoEnterpriseId: string },
): Promise<void> {
  const { zoneId } = zone;
  const dept = (code: string) => zone.deptByCode.get(code)!.id;
  await tx.insert(demandRoutingRules).values(ROUTING.map(([tag, code]) => ({ zoneId, tag, departmentId: dept(code) })));
  const calendar = await loadCalendar(tx);
  const rules = DEFAULT_SERVICE_RULES;
  const pool = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .orderBy(asc(enterprises.creditCode));
  const routeOf = (tags: DemandTag[]) => ROUTING.find(([tag]) => tags.includes(tag))?.[1];

  const received: string[] = [];
  // Fixed holiday-crossing dates, then a spread over 2025-01 … 2026-11.
  received.push('2025-09-29', '2025-09-30', '2025-09-30', '2026-02-12', '2026-02-13', '2026-02-13');
  while (received.length < 95) {
    const month = r.int(0, 22); // Jan 2025 … Nov 2026
    const y = 2025 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const day = r.int(1, m === 11 && y === 2026 ? 20 : 28);
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    received.push(calendar.nextWorkday(iso, { inclusive: true }).date);
  }
  received.sort();
  const cutoff = '2026-11-20';
  const serials = new Map<number, number>();
  const rows: (typeof demands.$inferInsert)[] = [];
  for (const [i, on] of received.entries()) {
    const sample = r.pick(SAMPLES);
    const year = Number(on.slice(0, 4));
    const n = (serials.get(year) ?? 0) + 1;
    serials.set(year, n);
    const code = routeOf(sample.tags);
    const external = !code && r.next() < 0.6;
    const due = demandDeadlines(calendar, on, rules, false);
    const source = r.pick(['visit', 'visit', 'portal', 'hotline'] as const);
    const enterpriseId = i % 12 === 5 ? zone.demoEnterpriseId : r.pick(pool).id;
    const base: typeof demands.$inferInsert = {
      zoneId,
      serial: `SQ${year}${String(n).padStart(5, '0')}`,
      enterpriseId,
      title: sample.title,
      content: sample.content,
      source,
      tags: sample.tags,
      contactName: chineseName(r),
      contactPhone: mobile(r),
      status: 'pending_route',
      routeKind: code ? 'department' : external ? 'external' : null,
      departmentId: code ? dept(code) : null,
      externalBody: external ? r.pick(EXTERNAL) : null,
      receivedOn: on,
      cycleStartOn: on,
      ...due,
    };
    const age = calendar.workdaysBetween(on, cutoff).workdays;
    if (!base.routeKind) {
      // Unrouted: only recent ones still wait; older ones were dispatched to the enterprise service bureau.
      if (age < 3) {
        rows.push(base);
        continue;
      }
      base.routeKind = 'department';
      base.departmentId = dept('QFJ');
    }
    base.status = 'assigned';
    const signLag = r.next() < 0.94 ? 1 : 2;
    if (age < signLag) {
      rows.push(base);
      continue;
    }
    base.signedOn = calendar.addWorkdays(on, signLag).date;
    base.status = 'signed';
    const replyLag = r.next() < 0.92 ? 2 : 3;
    if (age >= replyLag) {
      base.repliedOn = calendar.addWorkdays(on, replyLag).date;
      base.reply = '已收悉，正在协调相关单位办理，将在时限内答复办理结果。';
      base.status = 'replied';
    }
    const complex = sample.tags.includes('land') && r.next() < 0.5;
    if (complex) {
      base.complex = true;
      base.complexReason = '涉及用地报批，需市级审批';
      base.resolveDue = demandDeadlines(calendar, on, rules, true).resolveDue;
    }
    const resolveLag = r.int(3, complex ? 26 : 11);
    if (age < resolveLag) {
      base.allOnTime = base.signedOn <= base.signDue && (!base.repliedOn || base.repliedOn <= base.replyDue);
      base.escalationLevel =
        base.resolveDue! < cutoff ? (calendar.workdaysBetween(base.resolveDue!, cutoff).workdays >= 5 ? 2 : 1) : 0;
      base.escalatedOn = base.escalationLevel ? cutoff : null;
      rows.push(base);
      continue;
    }
    base.resolvedOn = calendar.addWorkdays(on, resolveLag).date;
    base.repliedOn ??= base.resolvedOn;
    base.resolution = '已协调办结，并向企业反馈办理结果。';
    base.evidenceNote = r.pick(['现场照片及整改前后对比', '会议纪要及批复文件', '办结回执（企业签字）']);
    base.status = 'resolved';
    base.allOnTime =
      base.signedOn <= base.signDue && base.repliedOn <= base.replyDue && base.resolvedOn <= base.resolveDue!;
    if (age - resolveLag >= 2) {
      const roll = r.next();
      base.satisfaction = roll < 0.8 ? 'satisfied' : roll < 0.95 ? 'basically' : 'unsatisfied';
      base.callbackChannel = enterpriseId === zone.demoEnterpriseId ? 'portal' : r.pick(['phone', 'visit'] as const);
      if (base.satisfaction === 'unsatisfied') {
        // Second cycle, resolved and closed satisfied.
        base.reopenCount = 1;
        base.satisfaction = 'satisfied';
        base.satisfactionComment = '第一次回访不满意，重办后问题解决';
      }
      base.status = 'closed';
      base.closedOn = calendar.addWorkdays(base.resolvedOn, 2).date;
    }
    rows.push(base);
  }
  // 走访: every demand heard on a visit gets its visit; plus routine visits without demands (some by two departments
  // within a month, which the duplicate-visit warning is for) and the enterprises' anonymous ratings.
  const officers = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(eq(staff.departmentId, dept('QFJ')))
    .orderBy(asc(staff.employeeNo))
    .limit(8);
  const visitingDepts = ['QFJ', 'QFJ', 'QFJ', 'TZCJ', 'JFJ', 'KCJ', 'GJJ'];
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const topics = [
    '了解生产经营情况和扩产计划',
    '宣讲惠企政策，收集企业诉求',
    '回访诉求办理情况',
    '安全生产和环保检查前的服务对接',
  ];
  const newVisit = (enterpriseId: string, visitedOn: string, code: string) => {
    const id = r.uuid();
    visitRows.push({
      id,
      zoneId,
      enterpriseId,
      departmentId: dept(code),
      officerId: code === 'QFJ' ? r.pick(officers).id : null,
      visitedOn,
      people: `${chineseName(r)}、${chineseName(r)}；企业：${chineseName(r)}（总经理）`,
      topics: r.pick(topics),
    });
    return id;
  };
  for (const row of rows) {
    if (row.source === 'visit') row.visitId = newVisit(row.enterpriseId, row.receivedOn, 'QFJ');
  }
  for (let i = 0; i < 120; i++) {
    const e = r.pick(pool).id;
    const month = r.int(0, 22);
    const y = 2025 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const on = calendar.nextWorkday(
      `${y}-${String(m).padStart(2, '0')}-${String(r.int(1, m === 11 && y === 2026 ? 20 : 28)).padStart(2, '0')}`,
      { inclusive: true },
    ).date;
    newVisit(e, on, r.pick(visitingDepts));
    if (r.next() < 0.15) {
      // A second department a few days later: the duplicate the warning is meant to prevent.
      newVisit(e, calendar.addWorkdays(on, r.int(2, 12)).date, r.pick(['JFJ', 'KCJ', 'TZCJ']));
    }
  }
  await tx.insert(visits).values(visitRows);
  const ratings = visitRows
    .filter(() => r.next() < 0.6)
    .map((v) => ({
      zoneId,
      visitId: v.id!,
      score: r.pick([5, 5, 5, 4, 4, 3]),
      comment: r.pick(['', '', '服务热情，问题记录详细', '希望加快反馈']),
    }));
  await tx.insert(visitRatings).values(ratings);
  await tx.insert(demands).values(rows);
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'demands',
    entityId: zoneId,
    after: {
      demands: rows.length,
      routingRules: ROUTING.length,
      visits: visitRows.length,
      visitRatings: ratings.length,
    },
  });
}
