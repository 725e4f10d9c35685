import { eq } from 'drizzle-orm';
import {
  bundleMaterials,
  type CaseAction,
  DEFAULT_RULES,
  type Material,
  type SuspensionType,
} from '../../../shared/approval';
import { recordAudit } from '../../platform/audit';
import { loadCalendar, type WorkCalendar } from '../../platform/calendar';
import type { Tx } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { Random } from '../../seed/random';
import { enterprises } from '../enterprises/enterprises.tables';
import { publishedAuthorityItems } from '../reform/reform.authority.repository';
import { computeClock } from './approval.clock';
import { type ActionRequest, applyAction, type CaseState } from './approval.machine';
import { noticeContentOf } from './approval.notices';
import { approvalCaseEvents, approvalCases, approvalItems, approvalNotices } from './approval.tables';

const m = (code: string, name: string, flag: '必' | '选' | '容' = '必'): Material => ({
  code,
  name,
  required: flag !== '选',
  mayFollow: flag === '容',
});
const COMMON = [m('sqb', '申请表'), m('yyzz', '营业执照'), m('sqwts', '授权委托书', '选')];

type Seed = {
  code: string;
  name: string;
  type: 'license' | 'filing' | 'technical_review' | 'intermediary' | 'utility';
  stage: number | null;
  dept: string;
  statutory: number;
  committed: number;
  modes: ('commitment' | 'rongque')[];
  materials: Material[];
  online?: boolean;
  feeFen?: number;
  unit?: 'workday' | 'calendar';
};

/** A realistic engineering-construction catalogue (工程建设项目审批四个阶段) plus enterprise services. */
const CATALOGUE: Seed[] = [
  {
    code: 'LX-001',
    name: '企业投资项目备案',
    type: 'filing',
    stage: 1,
    dept: 'JFJ',
    statutory: 5,
    committed: 1,
    modes: ['commitment'],
    materials: [...COMMON, m('xmxx', '项目基本信息表')],
  },
  {
    code: 'LX-002',
    name: '建设项目用地预审与选址意见书核发',
    type: 'license',
    stage: 1,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: ['rongque'],
    materials: [...COMMON, m('xzt', '项目选址红线图'), m('ydps', '用地情况说明', '容')],
  },
  {
    code: 'LX-003',
    name: '建设用地规划许可证核发',
    type: 'license',
    stage: 1,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: ['rongque'],
    materials: [...COMMON, m('tdht', '国有土地使用权出让合同'), m('hxt', '宗地红线图', '容')],
  },
  {
    code: 'LX-004',
    name: '节能审查',
    type: 'technical_review',
    stage: 1,
    dept: 'JFJ',
    statutory: 20,
    committed: 7,
    modes: ['commitment'],
    materials: [...COMMON, m('jnbg', '节能报告')],
  },
  {
    code: 'GC-001',
    name: '建设工程规划许可证核发',
    type: 'license',
    stage: 2,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: ['rongque'],
    materials: [...COMMON, m('zpmt', '建设工程设计方案总平面图'), m('tdzm', '不动产权证书', '容')],
  },
  {
    code: 'GC-002',
    name: '建设工程设计方案审查',
    type: 'technical_review',
    stage: 2,
    dept: 'GJJ',
    statutory: 20,
    committed: 7,
    modes: [],
    materials: [...COMMON, m('sjfa', '设计方案文本'), m('zpmt', '建设工程设计方案总平面图')],
  },
  {
    code: 'GC-003',
    name: '人防工程设计审查',
    type: 'technical_review',
    stage: 2,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: ['commitment'],
    materials: [...COMMON, m('rfsj', '人防设计图纸')],
  },
  {
    code: 'GC-004',
    name: '环境影响评价报告表审批',
    type: 'license',
    stage: 2,
    dept: 'JFJ',
    statutory: 30,
    committed: 10,
    modes: ['commitment'],
    materials: [...COMMON, m('hpbg', '环境影响报告表')],
  },
  {
    code: 'SG-001',
    name: '建筑工程施工许可证核发',
    type: 'license',
    stage: 3,
    dept: 'GJJ',
    statutory: 15,
    committed: 3,
    modes: ['rongque', 'commitment'],
    materials: [
      ...COMMON,
      m('zpmt', '建设工程设计方案总平面图'),
      m('sgdw', '施工单位中标通知书'),
      m('zjls', '建设资金已落实承诺书', '容'),
    ],
  },
  {
    code: 'SG-002',
    name: '施工图设计文件审查',
    type: 'technical_review',
    stage: 3,
    dept: 'GJJ',
    statutory: 20,
    committed: 10,
    modes: [],
    materials: [...COMMON, m('sgt', '施工图设计文件')],
    feeFen: 0,
  },
  {
    code: 'SG-003',
    name: '消防设计审查',
    type: 'technical_review',
    stage: 3,
    dept: 'GJJ',
    statutory: 15,
    committed: 7,
    modes: ['rongque'],
    materials: [...COMMON, m('xfsj', '消防设计文件'), m('sgt', '施工图设计文件')],
  },
  {
    code: 'SG-004',
    name: '临时用水接入',
    type: 'utility',
    stage: 3,
    dept: 'CFJT',
    statutory: 10,
    committed: 3,
    modes: [],
    materials: [m('sqb', '申请表'), m('ysfa', '用水方案')],
    feeFen: 50000,
  },
  {
    code: 'SG-005',
    name: '临时用电接入',
    type: 'utility',
    stage: 3,
    dept: 'CFJT',
    statutory: 10,
    committed: 3,
    modes: [],
    materials: [m('sqb', '申请表'), m('ydfa', '用电方案')],
  },
  {
    code: 'JG-001',
    name: '建设工程竣工规划核实',
    type: 'license',
    stage: 4,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: ['rongque'],
    materials: [...COMMON, m('jgch', '竣工测绘报告'), m('zpmt', '建设工程设计方案总平面图')],
  },
  {
    code: 'JG-002',
    name: '消防验收',
    type: 'license',
    stage: 4,
    dept: 'GJJ',
    statutory: 15,
    committed: 5,
    modes: [],
    materials: [...COMMON, m('xfys', '消防验收申请资料')],
  },
  {
    code: 'JG-003',
    name: '竣工验收备案',
    type: 'filing',
    stage: 4,
    dept: 'GJJ',
    statutory: 15,
    committed: 3,
    modes: ['commitment'],
    materials: [...COMMON, m('jgbg', '竣工验收报告')],
  },
  {
    code: 'JG-004',
    name: '不动产首次登记',
    type: 'license',
    stage: 4,
    dept: 'ZWZX',
    statutory: 30,
    committed: 5,
    modes: [],
    materials: [...COMMON, m('tdzm', '不动产权证书'), m('jgch', '竣工测绘报告')],
    feeFen: 55000,
  },
  {
    code: 'FW-001',
    name: '食品经营许可',
    type: 'license',
    stage: null,
    dept: 'ZWZX',
    statutory: 20,
    committed: 5,
    modes: ['commitment'],
    materials: [...COMMON, m('cszm', '经营场所证明')],
  },
  {
    code: 'FW-002',
    name: '户外广告设置许可',
    type: 'license',
    stage: null,
    dept: 'GJJ',
    statutory: 20,
    committed: 5,
    modes: [],
    materials: [...COMMON, m('ggsj', '广告设计图')],
    online: false,
  },
  {
    code: 'FW-003',
    name: '城镇污水排入排水管网许可',
    type: 'license',
    stage: null,
    dept: 'CFJT',
    statutory: 15,
    committed: 5,
    modes: ['commitment'],
    materials: [...COMMON, m('psfa', '排水方案')],
  },
];

/** Stage bundles (一件事): several items filed once with deduplicated materials. */
const BUNDLES = [
  ['GC-001', 'GC-002', 'GC-003'],
  ['SG-001', 'SG-002', 'SG-003'],
  ['JG-001', 'JG-002', 'JG-003'],
];

/** Catalogue item → the power it derives from in 益阳高新区's published authority list (server/seed/reform.ts). */
const POWER_OF: Record<string, string> = {
  'LX-001': '企业投资项目备案',
  'LX-002': '建设项目用地预审',
  'LX-003': '建设用地规划许可证核发',
  'LX-004': '固定资产投资项目节能审查',
  'GC-001': '建设工程规划许可证核发',
};
const POWER_BY_NAME: Record<string, string> = {
  环境影响评价报告表审批: '建设项目环境影响报告表审批',
  建筑工程施工许可证核发: '建筑工程施工许可证核发',
  施工图设计文件审查: '建设工程施工图设计文件审查备案',
  消防设计审查: '特殊建设工程消防设计审查',
  建设工程竣工规划核实: '建设工程规划条件核实',
  消防验收: '特殊建设工程消防验收',
  竣工验收备案: '建设工程竣工验收备案',
  不动产首次登记: '不动产首次登记（工业用地）',
  食品经营许可: '食品经营许可',
  户外广告设置许可: '户外广告设施设置审批',
  城镇污水排入排水管网许可: '污水排入排水管网许可证核发',
};

const PROJECT_NAMES = [
  '智能输配电装备生产基地',
  '锂电正极材料扩产项目',
  '高端电子元器件产业园',
  '生物医药中试基地',
  '新能源汽车零部件工厂',
  '储能系统集成项目',
  '光伏组件智能工厂',
  '医疗器械产业园二期',
  '智能终端研发楼',
  '冷链物流中心',
  '半导体封装测试厂房',
  '特种电机生产线技改',
];

/**
 * Catalogue + case histories for one zone, driven through the real state machine over the real calendar, so every
 * case's clock and every stored deadline is what the service would have produced. Days span 2025–2026, across the
 * National Day and Spring Festival holidays; cases received lately are still open.
 */
export async function seedApproval(
  tx: Tx,
  r: Random,
  zoneId: string,
  deptIdByCode: Map<string, string>,
  today: string,
  demoEnterpriseId?: string,
): Promise<{ items: number; cases: number }> {
  const cal = await loadCalendar(tx);
  const rules = DEFAULT_RULES;
  // Link each item to its power when the zone has a published authority list (seeded before the catalogue).
  const powerCode = new Map((await publishedAuthorityItems(tx, zoneId)).map((p) => [p.name, p.code]));
  const authorityOf = (s: Seed) => powerCode.get(POWER_OF[s.code] ?? POWER_BY_NAME[s.name] ?? '') ?? null;
  const items = await tx
    .insert(approvalItems)
    .values(
      CATALOGUE.map((s) => ({
        zoneId,
        code: s.code,
        name: s.name,
        type: s.type,
        stage: s.stage,
        leadDepartmentId: deptIdByCode.get(s.dept)!,
        statutoryDays: s.statutory,
        committedDays: s.committed,
        limitUnit: s.unit ?? 'workday',
        modes: s.modes,
        materials: s.materials,
        fees: s.feeFen ? [{ name: '收费', amountFen: s.feeFen }] : [],
        online: s.online ?? true,
        authorityItemCode: authorityOf(s),
      })),
    )
    .returning();
  const byCode = new Map(items.map((i) => [i.code, i]));
  const firms = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .limit(400);

  const cases: (typeof approvalCases.$inferInsert)[] = [];
  const events: (typeof approvalCaseEvents.$inferInsert)[] = [];
  const notices: (typeof approvalNotices.$inferInsert)[] = [];
  let serial = 0;
  const fileCase = (
    codes: string[],
    enterpriseId: string,
    received: string,
    project: { code: string; name: string } | null,
  ) => {
    const list = codes.map((c) => byCode.get(c)!);
    const joint = list.length > 1 || new Set(list.map((i) => i.leadDepartmentId)).size > 1;
    const statutoryDays = joint ? rules.jointStatutoryDays : list[0]!.statutoryDays;
    const materials = bundleMaterials(list);
    const commitment = list.every((i) => i.modes.includes('commitment')) && r.next() < 0.4;
    const rongqueAllowed = list.every((i) => i.modes.includes('rongque'));
    const missingFollow = rongqueAllowed
      ? materials.filter((x) => x.mayFollow && r.next() < 0.5).map((x) => x.code)
      : [];
    const incomplete = r.next() < 0.15;
    const supplied = materials
      .filter((x) => x.required && !missingFollow.includes(x.code))
      .map((x) => x.code)
      .filter((_, i) => !(incomplete && i === 1));
    let s: CaseState = {
      status: 'DRAFT',
      outcome: null,
      mode: commitment ? 'commitment' : 'normal',
      joint,
      rongqueAllowed,
      limitUnit: 'workday',
      committedDays: Math.min(Math.max(...list.map((i) => i.committedDays)), statutoryDays),
      statutoryDays,
      extensionDays: 0,
      extensionApprover: null,
      materials,
      suppliedMaterials: supplied,
      correctionList: [],
      rongqueMaterials: [],
      rongqueDue: null,
      verificationDue: null,
      suspensions: [],
      submittedOn: null,
      acceptedOn: null,
      decidedOn: null,
      closedOn: null,
      lastOn: null,
    };
    const id = r.uuid();
    const steps: {
      on: string;
      action: string;
      from: string | null;
      to: string;
      reason: string | null;
      actor: string;
    }[] = [{ on: received, action: 'create', from: null, to: 'DRAFT', reason: null, actor: '申请人' }];
    // Notices the steps issue (暂停/恢复计时/延期告知书, 不予受理通知书), as the service would have recorded them that day;
    // the acceptance slip, missing-materials notice and decision are printed from the case itself.
    const issued: {
      kind: typeof approvalNotices.$inferInsert.kind;
      prefix: string;
      on: string;
      by: string;
      content: (typeof approvalNotices.$inferInsert)['content'];
    }[] = [];
    let day = received;
    const step = (action: CaseAction, extra: Partial<ActionRequest> = {}, gap = 0): boolean => {
      const on = gap > 0 ? cal.addWorkdays(day, gap).date : day;
      if (on > today) return false;
      try {
        const before = s;
        const actor = action === 'extend' ? '分管领导' : '窗口工作人员';
        s = applyAction(cal, s, { action, on, side: 'approver', actorName: actor, ...extra }, rules);
        day = on;
        const notice = noticeContentOf(
          cal,
          action,
          { ...before, statutoryDue: computeClock(cal, before, on, rules).statutoryDue },
          { ...s, ...computeClock(cal, s, on, rules) },
          extra,
          on,
          rules,
        );
        if (notice) issued.push({ kind: notice.kind, prefix: notice.prefix, on, by: actor, content: notice.content });
        steps.push({
          on,
          action,
          from: before.status,
          to: s.status,
          reason: extra.reason ?? extra.suspensionType ?? null,
          actor,
        });
        return true;
      } catch {
        return false;
      }
    };
    const status = (): string => s.status;
    step('submit');
    if (incomplete) {
      const missing = materials
        .filter((x) => x.required && !x.mayFollow && !s.suppliedMaterials.includes(x.code))
        .map((x) => x.code);
      if (missing.length > 0 && step('request_correction', { materials: missing }, r.int(0, 2))) {
        if (r.next() < 0.1) step('withdraw', { reason: '企业撤回' }, r.int(1, 5));
        else step('resubmit', { materials: missing }, r.int(1, 6));
      }
    }
    if (status() === 'SUBMITTED') {
      if (r.next() < 0.03) step('not_accept', { reason: '不属于本机关职权范围' }, 1);
      else step('accept', {}, r.int(0, 1));
    }
    if (status() === 'ACCEPTED' && s.mode === 'commitment') {
      if (step('approve_on_commitment')) {
        if (step('open_verification', {}, rules.verificationDays)) {
          if (r.next() < 0.06) step('revoke', { reason: '核查发现承诺内容不实' }, r.int(1, 5));
          else step('verify', {}, r.int(1, 5));
        }
      }
    } else if (status() === 'ACCEPTED') {
      step('start_review', {}, r.int(0, 1));
      if (s.rongqueMaterials.length > 0) {
        if (r.next() < 0.08) step('terminate', { reason: '容缺材料逾期未补齐' }, rules.rongqueDays + 1);
        else step('supplement', { materials: [...s.rongqueMaterials] }, r.int(0, 2));
      }
      if (status() === 'IN_REVIEW' && r.next() < 0.3) {
        const type = r.pick<SuspensionType>(['expert_review', 'site_survey', 'publicity', 'testing', 'hearing']);
        if (step('suspend', { suspensionType: type, reason: '依法中止计时' }, r.int(1, 3))) {
          step('resume', {}, r.int(2, 12));
        }
      }
      if (status() === 'IN_REVIEW' && r.next() < 0.08) step('extend', { reason: '情况复杂，经批准延期' }, r.int(1, 3));
      if (status() === 'IN_REVIEW') {
        const late = r.next() < 0.12;
        const gap = Math.max(
          1,
          s.committedDays - r.int(0, Math.max(0, s.committedDays - 1)) + (late ? r.int(1, 8) : 0) - 1,
        );
        if (r.next() < 0.06) step('deny', { reason: '不符合规划条件' }, gap);
        else step('approve', {}, gap);
      }
      if (status() === 'DECIDED' && s.outcome === 'approved' && step('issue', {}, r.int(0, 1)))
        step('close', {}, r.int(1, 3));
      else if (status() === 'DECIDED') step('close', {}, r.int(1, 3));
    }
    serial++;
    const clock = computeClock(cal, s, today, rules);
    const decided = s.decidedOn !== null;
    const caseNo = `SP${received.replaceAll('-', '')}${String(serial).padStart(4, '0')}${r.int(10, 99)}`;
    const nth = new Map<string, number>();
    issued.forEach((n, i) => {
      nth.set(n.kind, (nth.get(n.kind) ?? 0) + 1);
      notices.push({
        zoneId,
        caseId: id,
        kind: n.kind,
        noticeNo: `${caseNo}-${n.prefix}${nth.get(n.kind)}`,
        issuedOn: n.on,
        issuedBy: n.by,
        content: n.content,
        createdAt: new Date(Date.parse(`${n.on}T09:00:00Z`) + i * 1000),
      });
    });
    cases.push({
      id,
      zoneId,
      caseNo,
      itemIds: list.map((i) => i.id),
      enterpriseId,
      leadDepartmentId: list[0]!.leadDepartmentId,
      projectCode: project?.code ?? null,
      projectName: project?.name ?? null,
      stage: list[0]!.stage,
      online: r.next() < 0.9,
      materialsBeforeBundle: list.reduce((n, i) => n + i.materials.length, 0),
      ...s,
      committedDue: clock.committedDue,
      statutoryDue: clock.statutoryDue,
      deadlineProvisional: clock.provisional,
      handlingDays: decided ? clock.elapsedWorkdays : null,
      committedPassed: decided ? clock.committedPassed : false,
      overdue: decided ? clock.overdue : false,
      form: project ? { 项目名称: project.name } : {},
    });
    let at = Date.parse(`${received}T01:30:00Z`);
    for (const e of steps) {
      at = Math.max(at + 60_000, Date.parse(`${e.on}T01:30:00Z`) + r.int(0, 6 * 3600) * 1000);
      events.push({
        zoneId,
        caseId: id,
        on: e.on,
        at: new Date(at),
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        actorName: e.actor,
        reason: e.reason,
        materials: [],
      });
    }
    return day;
  };

  // Construction projects: the four stages one after another, partly bundled.
  PROJECT_NAMES.forEach((name, p) => {
    const project = { code: `2025-430971-${String(3500 + p * 7)}`, name };
    let day = cal.addWorkdays('2025-01-02', r.int(0, 330)).date;
    const firm = p === 0 && demoEnterpriseId ? demoEnterpriseId : r.pick(firms).id;
    for (const stage of [1, 2, 3, 4]) {
      if (day > today) break;
      const bundle = stage > 1 && r.next() < 0.6 ? BUNDLES[stage - 2]! : null;
      const codes = bundle ?? CATALOGUE.filter((c) => c.stage === stage && r.next() < 0.6).map((c) => c.code);
      let end = day;
      for (const code of bundle ? [bundle] : codes.map((c) => [c])) {
        const last = fileCase(code, firm, day, project);
        if (last > end) end = last;
      }
      day = cal.addWorkdays(end, r.int(5, 40)).date;
    }
  });
  // Everyday cases from the whole registry.
  for (let i = 0; i < 260; i++) {
    const received = cal.nextWorkday(cal.addWorkdays('2025-01-02', r.int(0, 470)).date, { inclusive: true }).date;
    if (received > today) continue;
    const seed = r.pick(CATALOGUE);
    fileCase([seed.code], i % 20 === 0 && demoEnterpriseId ? demoEnterpriseId : r.pick(firms).id, received, null);
  }
  // The counter's current workload: received in the last few weeks, at every stage of handling.
  for (let i = 0; i < 30; i++) {
    let received = today;
    for (let k = r.int(1, 18); k > 0; k--) received = prevWorkday(cal, received);
    const seed = r.pick(CATALOGUE.filter((c) => c.stage !== null));
    fileCase([seed.code], i % 6 === 0 && demoEnterpriseId ? demoEnterpriseId : r.pick(firms).id, received, null);
  }
  await insertMany(tx, approvalCases, cases);
  await insertMany(tx, approvalCaseEvents, events);
  await insertMany(tx, approvalNotices, notices);
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'approval',
    after: { items: items.length, cases: cases.length, events: events.length, notices: notices.length },
  });
  return { items: items.length, cases: cases.length };
}

/** The working day before `date` (walks back over holidays). */
function prevWorkday(cal: WorkCalendar, date: string): string {
  let d = Date.parse(`${date}T00:00:00Z`);
  for (;;) {
    d -= 86_400_000;
    const iso = new Date(d).toISOString().slice(0, 10);
    if (cal.isWorkday(iso).workday) return iso;
  }
}
