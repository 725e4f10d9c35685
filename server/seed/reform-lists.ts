import { eq } from 'drizzle-orm';
import {
  reformContractStaff,
  reformDistrictDepartments,
  reformDutyItems,
  reformOrgSnapshots,
  reformPlatformCooperation,
  reformPlatformFinancing,
  reformPlatformMatters,
} from '../domains/reform/reform.tables';
import { recordAudit } from '../platform/audit';
import type { Tx } from '../platform/db';
import { insertMany } from '../platform/db/bulk';
import type { Random } from './random';
import { chineseName } from './random';

type Duty = typeof reformDutyItems.$inferInsert;
const pad = (n: number) => String(n).padStart(3, '0');
/** insertMany wants the same keys on every row. */
const fill = (d: Duty): Duty => ({
  detail: '',
  receiverKind: null,
  receivingBody: '',
  districtDepartmentId: null,
  zoneDuty: '',
  districtDuty: '',
  platformDuty: '',
  retiredOn: null,
  note: '',
  ...d,
});

/** 益阳高新区 (seed 000): 职责清单, the 171 social affairs handed back, the boundary list with 赫山区 departments. */
const YY_DUTIES: [string, string][] = [
  ['经济发展', '产业发展规划编制与实施'],
  ['经济发展', '经济运行监测与统计分析'],
  ['投资服务', '招商引资与项目引进'],
  ['投资服务', '重大项目调度与要素保障'],
  ['投资服务', '企业全生命周期服务（首席服务官）'],
  ['营商环境', '一站式审批与“一件事一次办”'],
  ['营商环境', '涉企政策兑现'],
  ['开发建设', '园区基础设施规划建设'],
  ['开发建设', '土地收储与标准地出让'],
  ['开发建设', '亩均效益评价'],
  ['综合管理', '国有资产监督管理（受托履行出资人职责）'],
  ['综合管理', '安全生产与生态环境监管协调'],
];
/** The social affairs of seed 000 by area (“从新生儿落户、老年人养老到学前教育……农田水利、农村环境整治”). */
const YY_STRIPPED: [string, string, string[]][] = [
  [
    '民政',
    '赫山区民政局',
    [
      '城乡低保审核',
      '特困人员供养',
      '养老服务机构管理',
      '婚姻登记协助',
      '残疾人两项补贴',
      '临时救助',
      '社区建设指导',
      '殡葬管理',
    ],
  ],
  ['教育', '赫山区教育局', ['学前教育管理', '中小学教育管理', '教育督导', '学籍管理', '校舍安全', '义务教育控辍保学']],
  [
    '卫生健康',
    '赫山区卫生健康局',
    ['基本公共卫生服务', '计划生育服务', '新生儿落户与出生医学证明协助', '爱国卫生运动', '村卫生室管理'],
  ],
  [
    '城市管理',
    '赫山区城市管理和综合执法局',
    ['城市道路清扫', '垃圾清运', '市容秩序管理', '户外广告管理', '园林绿化养护'],
  ],
  [
    '农业农村',
    '赫山区农业农村局',
    ['农田水利建设', '农村环境整治', '农村集体资产管理', '动物防疫', '高标准农田建设', '农村宅基地管理'],
  ],
  [
    '文化体育',
    '益阳市文化旅游广电体育局',
    ['公益类场馆管理（周立波故居）', '奥林匹克公园管理', '群众文化活动', '文物保护'],
  ],
  ['基层治理', '谢林港镇、朝阳街道、鱼形山街道', ['信访维稳', '网格化管理', '人民调解', '退役军人服务', '征兵']],
  ['市场监管', '赫山区市场监督管理局', ['食品安全日常监管', '个体工商户登记', '计量监督', '消费者投诉处理']],
];

export async function seedDutyListsYiyang(tx: Tx, zoneId: string): Promise<number> {
  const depts = await tx.select().from(reformDistrictDepartments).where(eq(reformDistrictDepartments.zoneId, zoneId));
  const base = { zoneId, effectiveOn: '2024-07-01' };
  const rows: Duty[] = YY_DUTIES.map(([area, name], i) => ({
    ...base,
    list: 'duty',
    code: `ZZ-${pad(i + 1)}`,
    area,
    name,
  }));
  // 171 social affairs: each named affair of an area is handed over item by item (村/社区 level work split by place)
  const places = ['谢林港镇', '朝阳街道', '鱼形山街道'];
  let n = 0;
  outer: for (let round = 0; ; round++) {
    for (const [area, body, affairs] of YY_STRIPPED) {
      for (const affair of affairs) {
        if (n === 171) break outer;
        n++;
        rows.push({
          ...base,
          list: 'stripped',
          code: `BL-${pad(n)}`,
          name: round === 0 ? affair : `${affair}（${places[(round - 1) % 3]}）`,
          area,
          receiverKind: body.includes('街道') ? 'town' : body.startsWith('益阳市') ? 'municipal' : 'district_dept',
          receivingBody: body,
          // until the hand-over the committee did this itself
          detail: '2024年随“一镇两街道”移交',
        });
      }
    }
  }
  const BOUNDARY: [string, string, string, string, string][] = [
    ['要素保障', '赫山区自然资源局', '项目用地报批', '组卷、跟踪报批进度', '审查、上报审批'],
    ['要素保障', '赫山区自然资源局', '不动产登记', '代办材料收取', '登记发证'],
    ['营商环境', '赫山区住房和城乡建设局', '施工许可', '一章通办受理并审批（已赋权）', '业务指导'],
    ['营商环境', '市生态环境局赫山分局', '环评审批', '见章跟章受理', '技术审查与审批'],
    ['安全监管', '赫山区应急管理局', '园区企业安全生产监管', '日常巡查、隐患督办', '执法处罚'],
    ['产业培育', '赫山区人力资源和社会保障局', '企业用工保障', '用工需求摸排、招聘对接', '政策兑现、劳动监察'],
    ['营商环境', '赫山区市场监督管理局', '企业登记', '帮办代办', '登记核准'],
    ['安全监管', '赫山区消防救援大队', '消防验收', '组织联合验收', '技术审查'],
    ['要素保障', '赫山区交通运输局', '园区道路涉路施工', '统筹园区道路建设', '涉路施工许可'],
  ];
  BOUNDARY.forEach(([area, dept, name, zoneDuty, districtDuty], i) => {
    rows.push({
      ...base,
      list: 'boundary',
      code: `BJ-${pad(i + 1)}`,
      area,
      name,
      districtDepartmentId: depts.find((d) => d.name === dept)?.id ?? null,
      zoneDuty,
      districtDuty,
      platformDuty: area === '要素保障' ? '益阳投控集团负责基础设施代建' : '',
    });
  });
  await insertMany(tx, reformDutyItems, rows.map(fill));
  return rows.length;
}

/** 益阳投控集团 (seed 000): 30亿元 loans replaced 7.43%→3.65%, 8.8亿元 notes 6.5%→2.76%; matters and cooperation. */
export async function seedPlatformYiyang(tx: Tx, zoneId: string): Promise<number> {
  const company = '益阳投控集团';
  const yi = 100_000_000_00; // 1亿元 in fen
  await insertMany(
    tx,
    reformPlatformMatters,
    [
      ['GS-2024-01', '3家区属国企整合组建益阳投控集团', 'merger', null, 'executed', '2024-03-05', '2024-03-12'],
      ['GS-2024-02', '投控集团公司章程修订', 'charter', null, 'executed', '2024-04-02', '2024-04-09'],
      ['GS-2024-03', '注入资产36.6亿元', 'asset_disposal', 36.6 * yi, 'executed', '2024-05-06', '2024-05-14'],
      ['GS-2024-04', '30亿元存量贷款置换方案', 'guarantee', 30 * yi, 'executed', '2024-06-03', '2024-06-11'],
      ['GS-2024-05', '发行8.8亿元中期票据', 'bond_issue', 8.8 * yi, 'executed', '2024-08-01', '2024-08-08'],
      ['GS-2025-01', '2025年度投资计划', 'investment_plan', 12.5 * yi, 'approved', '2025-01-06', '2025-01-15'],
      ['GS-2025-02', '2025年度预算', 'budget', 3.2 * yi, 'approved', '2025-01-06', '2025-01-15'],
      ['GS-2026-01', '转让所持某物业公司51%股权', 'equity_transfer', 0.42 * yi, 'submitted', '2026-11-10', null],
      ['GS-2026-02', '2027年度投资计划（草案）', 'investment_plan', 14 * yi, 'draft', null, null],
    ].map(([code, title, category, amount, status, submittedOn, decidedOn]) => ({
      zoneId,
      code: code as string,
      title: title as string,
      category: category as 'budget',
      company,
      amountFen: amount === null ? null : Math.round(amount as number),
      status: status as 'draft',
      submittedOn: submittedOn as string | null,
      submittedBy: submittedOn ? '投控集团办公室' : '',
      decidedOn: decidedOn as string | null,
      meeting: decidedOn
        ? `管委会主任办公会 ${String(decidedOn).slice(0, 4)}年第${Number(String(decidedOn).slice(5, 7))}次`
        : '',
      decisionNote: decidedOn ? '同意' : '',
      decidedBy: decidedOn ? '周建国' : '',
      executedOn: status === 'executed' ? (decidedOn as string) : null,
      executionNote: status === 'executed' ? '已按决议实施' : '',
    })),
  );
  await insertMany(
    tx,
    reformPlatformCooperation,
    [
      ['HZ-001', '标准厂房三期代建', 'construction', 'commissioned', 'agent_construction', 2.6 * yi, 2025],
      ['HZ-002', '园区道路及管网代建', 'construction', 'commissioned', 'agent_construction', 1.8 * yi, 2025],
      ['HZ-003', '产业链招商（购买服务）', 'investment', 'commissioned', 'service_purchase', 0.06 * yi, 2025],
      [
        'HZ-004',
        '企业服务中心运营（购买服务）',
        'enterprise_service',
        'commissioned',
        'service_purchase',
        0.035 * yi,
        2026,
      ],
      ['HZ-005', '人才公寓运营', 'operation', 'market', null, 0.12 * yi, 2025],
      ['HZ-006', '区外工程总承包', 'construction', 'market', null, 0.9 * yi, 2026],
    ].map(([code, title, area, kind, mode, fen, year]) => ({
      zoneId,
      code: code as string,
      title: title as string,
      area: area as 'construction',
      kind: kind as 'market',
      mode: mode as 'agent_construction' | null,
      contractFen: Math.round(fen as number),
      year: year as number,
      counterparty: kind === 'commissioned' ? '益阳高新区管委会' : '',
    })),
  );
  const old = await tx
    .insert(reformPlatformFinancing)
    .values([
      {
        zoneId,
        code: 'RZ-001',
        lender: '存量银行及信托贷款（合计）',
        kind: 'trust',
        principalFen: 30 * yi,
        rateBp: 743,
        startOn: '2020-06-30',
        endOn: '2027-06-30',
      },
      {
        zoneId,
        code: 'RZ-002',
        lender: '存量债务（合计）',
        kind: 'bond',
        principalFen: Math.round(8.8 * yi),
        rateBp: 650,
        startOn: '2021-08-01',
        endOn: '2026-08-01',
      },
    ])
    .returning();
  await tx.insert(reformPlatformFinancing).values([
    {
      zoneId,
      code: 'RZ-003',
      lender: '国家开发银行等政策性银行',
      kind: 'bank_loan',
      principalFen: 30 * yi,
      rateBp: 365,
      startOn: '2024-06-30',
      endOn: '2039-06-30',
      replacesId: old[0]!.id,
      note: '置换30亿元存量贷款',
    },
    {
      zoneId,
      code: 'RZ-004',
      lender: '中期票据（银行间市场）',
      kind: 'bond',
      principalFen: Math.round(8.8 * yi),
      rateBp: 276,
      startOn: '2024-08-20',
      endOn: '2027-08-20',
      replacesId: old[1]!.id,
      note: '发行8.8亿元中期票据，3年',
    },
  ]);
  return 9 + 6 + 4;
}

/**
 * 岳塘经开区 (seed 001): 内设机构 13→6, 领导职数减少一半, 编外聘用 270→103 (62%), 工资性支出下降35.96%; social
 * management handed to 27 区直部门. Counts the article does not give (编制, 在编, 国企, 科级) are illustrative.
 */
const YT_RECEIVERS = [
  '区民政局',
  '区教育局',
  '区卫生健康局',
  '区人力资源和社会保障局',
  '区住房和城乡建设局',
  '区城市管理和综合执法局',
  '区农业农村局',
  '区水利局',
  '区林业局',
  '区应急管理局',
  '区市场监督管理局',
  '区文化旅游广电体育局',
  '区退役军人事务局',
  '区司法局',
  '区医疗保障局',
  '区统计局',
  '区审计局',
  '区财政局',
  '区信访局',
  '区交通运输局',
  '区商务局',
  '区发展和改革局',
  '区科技和工业信息化局',
  '区残疾人联合会',
  '湘潭市自然资源和规划局岳塘分局',
  '湘潭市生态环境局岳塘分局',
  '湘潭市公安局昭山分局',
];
const YT_AREAS = ['社会管理', '公共服务', '城市管理', '农业农村', '平安建设', '征地拆迁'];

export async function seedReformYuetang(tx: Tx, r: Random, zoneId: string): Promise<void> {
  await tx.insert(reformOrgSnapshots).values([
    {
      zoneId,
      phase: 'before',
      asOf: '2020-12-31',
      institutions: 13,
      publicInstitutions: 4,
      leadershipPosts: 12,
      sectionCadres: 58,
      establishment: 160,
      onStaff: 142,
      contractStaff: 270,
      soeStaff: 96,
      total: 508,
      yearlyCostFen: 10_000_000_000,
    },
    {
      zoneId,
      phase: 'after',
      asOf: '2021-07-31',
      institutions: 6,
      publicInstitutions: 2,
      leadershipPosts: 6,
      sectionCadres: 30,
      establishment: 96,
      onStaff: 90,
      contractStaff: 103,
      soeStaff: 60,
      total: 253,
      yearlyCostFen: 6_404_000_000,
    },
  ]);
  // “择优上岗一批、协商辞退一批、过渡安置一批”: every one of the 270 in exactly one channel, 103 kept
  const plan = [
    ['exam_retained', 103],
    ['negotiated', 98],
    ['taken_over', 69],
  ] as const;
  const roster: (typeof reformContractStaff.$inferInsert)[] = [];
  for (const [channel, n] of plan)
    for (let i = 0; i < n; i++)
      roster.push({
        zoneId,
        personNo: `YT-BW-${String(roster.length + 1).padStart(4, '0')}`,
        name: chineseName(r),
        formerUnit: r.next() < 0.5 ? '原昭山示范区' : '原岳塘经开区',
        channel,
        decidedOn: `2021-0${r.int(4, 6)}-${String(r.int(1, 28)).padStart(2, '0')}`,
        note: '',
      });
  await insertMany(tx, reformContractStaff, roster);
  const rows: Duty[] = [];
  YT_RECEIVERS.forEach((body, i) => {
    for (let k = 0; k < 2; k++) {
      const area = YT_AREAS[(i + k) % YT_AREAS.length]!;
      rows.push({
        zoneId,
        list: 'stripped',
        code: `BL-${pad(rows.length + 1)}`,
        name: `原昭山示范区${area}职能（${body.replace(/^(湘潭市|区)/, '')}${k ? '二' : '一'}）`,
        area,
        receiverKind: 'district_dept',
        receivingBody: body,
        effectiveOn: '2021-07-01',
      });
    }
  });
  const yuetangDuties = [
    '经济管理',
    '投资服务',
    '优化营商环境',
    '项目建设',
    '产业招商',
    '文化旅游产业发展',
    '总部经济培育',
  ];
  for (const [i, name] of yuetangDuties.entries()) {
    rows.push({
      zoneId,
      list: 'duty',
      code: `ZZ-${pad(i + 1)}`,
      name,
      area: i < 3 ? '主责主业' : '产业发展',
      effectiveOn: '2021-07-01',
    });
  }
  await insertMany(tx, reformDutyItems, rows.map(fill));
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'reform',
    after: { orgSnapshots: 2, contractStaff: roster.length, dutyItems: rows.length },
  });
}
