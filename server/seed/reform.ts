import {
  reformAuthorityItems,
  reformAuthorityVersions,
  reformContractStaff,
  reformDistrictDepartments,
  reformOrgSnapshots,
  reformTasks,
  reformWhistles,
} from '../domains/reform/reform.tables';
import { recordAudit } from '../platform/audit';
import { calendarOf } from '../platform/calendar';
import type { Tx } from '../platform/db';
import { insertMany } from '../platform/db/bulk';
import type { Random } from './random';
import { chineseName } from './random';
import { seedDutyListsYiyang, seedPlatformYiyang } from './reform-lists';

/**
 * 益阳高新区's reform registers from seed article 000: the authority list before (68 powers) and after the 2024
 * reform (49 retained + 30 newly empowered − 19 cancelled → 79), the organisation counts before/after, and a
 * year of 园区吹哨 matters to 赫山区 departments.
 */

/** Powers kept: serving existing enterprises, bringing in projects, development and construction. */
const RETAINED: [string, string, string][] = [
  ['企业投资项目备案', '区发展和改革局', '行政许可'],
  ['企业投资项目核准', '区发展和改革局', '行政许可'],
  ['固定资产投资项目节能审查', '区发展和改革局', '行政许可'],
  ['建设用地规划许可证核发', '区自然资源局', '行政许可'],
  ['建设工程规划许可证核发', '区自然资源局', '行政许可'],
  ['乡村建设规划许可证核发', '区自然资源局', '行政许可'],
  ['建设项目用地预审', '区自然资源局', '行政许可'],
  ['建筑工程施工许可证核发', '区住房和城乡建设局', '行政许可'],
  ['建设工程竣工验收备案', '区住房和城乡建设局', '行政确认'],
  ['商品房预售许可', '区住房和城乡建设局', '行政许可'],
  ['城市建筑垃圾处置核准', '区住房和城乡建设局', '行政许可'],
  ['临时占用城市道路审批', '区住房和城乡建设局', '行政许可'],
  ['城市道路挖掘审批', '区住房和城乡建设局', '行政许可'],
  ['污水排入排水管网许可证核发', '区住房和城乡建设局', '行政许可'],
  ['建设项目环境影响报告表审批', '市生态环境局赫山分局', '行政许可'],
  ['排污许可证核发（简化管理）', '市生态环境局赫山分局', '行政许可'],
  ['建设项目环境影响登记表备案', '市生态环境局赫山分局', '其他行政权力'],
  ['特殊建设工程消防设计审查', '区住房和城乡建设局', '行政许可'],
  ['特殊建设工程消防验收', '区住房和城乡建设局', '行政许可'],
  ['其他建设工程消防验收备案', '区住房和城乡建设局', '行政确认'],
  ['公众聚集场所投入使用前消防安全检查', '区消防救援大队', '行政许可'],
  ['危险化学品经营许可证核发', '区应急管理局', '行政许可'],
  ['生产安全事故应急预案备案', '区应急管理局', '其他行政权力'],
  ['劳务派遣经营许可', '区人力资源和社会保障局', '行政许可'],
  ['企业实行不定时工作制和综合计算工时工作制审批', '区人力资源和社会保障局', '行政许可'],
  ['就业失业登记', '区人力资源和社会保障局', '公共服务'],
  ['企业职工基本养老保险参保登记', '区人力资源和社会保障局', '公共服务'],
  ['食品经营许可', '区市场监督管理局', '行政许可'],
  ['特种设备使用登记', '区市场监督管理局', '行政许可'],
  ['工业产品生产许可证（部分）', '区市场监督管理局', '行政许可'],
  ['取水许可', '区水利局', '行政许可'],
  ['生产建设项目水土保持方案审批', '区水利局', '行政许可'],
  ['洪水影响评价审批', '区水利局', '行政许可'],
  ['占用农业灌溉水源、灌排工程设施审批', '区水利局', '行政许可'],
  ['公路超限运输许可', '区交通运输局', '行政许可'],
  ['涉路施工许可', '区交通运输局', '行政许可'],
  ['道路货物运输经营许可', '区交通运输局', '行政许可'],
  ['临时用地审批', '区自然资源局', '行政许可'],
  ['国有建设用地使用权出让后土地使用权分割转让批准', '区自然资源局', '行政许可'],
  ['对外贸易经营者备案登记', '区商务局', '其他行政权力'],
  ['外商投资企业设立及变更备案', '区商务局', '其他行政权力'],
  ['高新技术企业认定初审', '区科技局', '其他行政权力'],
  ['科技型中小企业评价入库初审', '区科技局', '其他行政权力'],
  ['企业技术改造项目备案', '区工业和信息化局', '其他行政权力'],
  ['防空地下室易地建设审批', '区人民防空办公室', '行政许可'],
  ['人防工程竣工验收备案', '区人民防空办公室', '行政确认'],
  ['城镇污水排入排水管网许可（变更）', '区住房和城乡建设局', '行政许可'],
  ['建设工程档案验收', '区住房和城乡建设局', '行政确认'],
  ['户外广告设施设置审批', '区城市管理和综合执法局', '行政许可'],
];
/** Newly empowered in 2024 (按需点菜): what closes the project-approval loop inside the zone. */
const EMPOWERED: [string, string, string, boolean][] = [
  ['建设工程施工图设计文件审查备案', '区住房和城乡建设局', '其他行政权力', true],
  ['建筑起重机械使用登记', '区住房和城乡建设局', '行政确认', true],
  ['建设工程质量安全监督手续办理', '区住房和城乡建设局', '其他行政权力', true],
  ['房屋建筑工程竣工联合验收', '区住房和城乡建设局', '其他行政权力', true],
  ['区域评估成果应用（压覆矿产）', '区自然资源局', '其他行政权力', true],
  ['不动产首次登记（工业用地）', '区自然资源局', '行政确认', false],
  ['建设工程规划条件核实', '区自然资源局', '行政确认', true],
  ['土地复垦方案审查', '区自然资源局', '其他行政权力', false],
  ['建设项目环境影响报告书审批（部分）', '市生态环境局赫山分局', '行政许可', false],
  ['辐射安全许可证核发（Ⅲ类射线装置）', '市生态环境局赫山分局', '行政许可', false],
  ['危险废物经营许可（收集类）', '市生态环境局赫山分局', '行政许可', false],
  ['安全生产许可初审', '区应急管理局', '其他行政权力', true],
  ['建设项目安全设施设计审查', '区应急管理局', '行政许可', false],
  ['非药品类易制毒化学品生产备案', '区应急管理局', '其他行政权力', true],
  ['医疗器械经营备案（第二类）', '区市场监督管理局', '其他行政权力', true],
  ['计量器具型式批准初审', '区市场监督管理局', '其他行政权力', true],
  ['电力设施保护区内施工作业审批', '区发展和改革局', '行政许可', true],
  ['企业投资项目节能报告审查（年耗能5000吨标煤以下）', '区发展和改革局', '行政许可', true],
  ['工业企业技术改造投资项目核准', '区工业和信息化局', '行政许可', true],
  ['专精特新中小企业认定初审', '区工业和信息化局', '其他行政权力', true],
  ['工程建设项目招标方案核准', '区发展和改革局', '行政许可', true],
  ['中外合作职业技能培训机构设立初审', '区人力资源和社会保障局', '其他行政权力', true],
  ['人力资源服务许可', '区人力资源和社会保障局', '行政许可', true],
  ['企业职工职业技能等级认定备案', '区人力资源和社会保障局', '其他行政权力', true],
  ['港口岸线使用初审', '区交通运输局', '其他行政权力', false],
  ['涉及国家安全事项的建设项目审批初审', '区国家安全小组办公室', '其他行政权力', false],
  ['城市绿地占用审批', '区城市管理和综合执法局', '行政许可', true],
  ['城市树木砍伐迁移审批', '区城市管理和综合执法局', '行政许可', true],
  ['设置大型户外广告审批', '区城市管理和综合执法局', '行政许可', true],
  ['在城市建筑物设施上悬挂张贴宣传品审批', '区城市管理和综合执法局', '行政许可', true],
];
/** Cancelled in 2024: social-management powers stripped to the district (民政、教育、农业农村…). */
const CANCELLED: [string, string, string][] = [
  ['民办幼儿园设立审批', '区教育局', '行政许可'],
  ['适龄儿童少年入学登记', '区教育局', '公共服务'],
  ['最低生活保障审核', '区民政局', '行政给付'],
  ['特困人员供养审核', '区民政局', '行政给付'],
  ['养老机构备案', '区民政局', '其他行政权力'],
  ['社会团体成立登记初审', '区民政局', '行政许可'],
  ['农村宅基地审批', '区农业农村局', '行政许可'],
  ['农作物种子生产经营许可初审', '区农业农村局', '行政许可'],
  ['动物防疫条件合格证核发', '区农业农村局', '行政许可'],
  ['农村土地承包经营权流转备案', '区农业农村局', '其他行政权力'],
  ['生猪定点屠宰厂设立初审', '区农业农村局', '行政许可'],
  ['出生医学证明签发', '区卫生健康局', '行政确认'],
  ['医疗机构执业登记（诊所）', '区卫生健康局', '行政许可'],
  ['公共场所卫生许可', '区卫生健康局', '行政许可'],
  ['文化娱乐场所经营许可', '区文化旅游广电体育局', '行政许可'],
  ['营业性演出审批', '区文化旅游广电体育局', '行政许可'],
  ['殡葬设施建设审批', '区民政局', '行政许可'],
  ['再生育子女审批', '区卫生健康局', '行政许可'],
  ['城乡居民基本养老保险待遇核定', '区人力资源和社会保障局', '行政给付'],
];

const pad = (n: number) => String(n).padStart(3, '0');
const LAW = '《湖南省开发区条例》及省、市关于向园区赋权的决定';

const DISTRICT = [
  { name: '赫山区自然资源局', contact: '国土空间规划股 0737-4222101', responseDays: 5 },
  { name: '赫山区住房和城乡建设局', contact: '建管股 0737-4222233', responseDays: 5 },
  { name: '市生态环境局赫山分局', contact: '环评股 0737-4222350', responseDays: 5 },
  { name: '赫山区应急管理局', contact: '安监股 0737-4222418', responseDays: 3 },
  { name: '赫山区人力资源和社会保障局', contact: '就业股 0737-4222501', responseDays: 5 },
  { name: '赫山区市场监督管理局', contact: '注册许可股 0737-4222612', responseDays: 3 },
  { name: '赫山区消防救援大队', contact: '防火监督科 0737-4222119', responseDays: 3 },
  { name: '赫山区交通运输局', contact: '路政股 0737-4222705', responseDays: 5 },
];
const MATTERS = [
  '用地红线与规划条件复核',
  '施工许可前置条件协调',
  '排水管网接驳审查',
  '消防设计审查提前介入',
  '环评批复时限协调',
  '企业用工招聘专场对接',
  '危化品仓储安全评估',
  '特种设备使用登记加急',
  '园区道路临时占用审批',
  '不动产首次登记资料补正',
  '厂房竣工联合验收组织',
  '重大项目外部供电线路迁改',
  '企业员工社保参保异地转移',
  '物流园货车通行证办理',
];
const ENTERPRISES = [
  '信维电科',
  '金博股份',
  '三一重工益阳公司',
  '益阳橡机',
  '传化二期',
  '龙海商贸纽泽智慧物流园',
  '艾华集团',
  '益阳电气装备',
];

export async function seedReform(tx: Tx, r: Random, zoneId: string): Promise<void> {
  // ---- 权责清单: V1 before the reform, V2 the 79-item core list ----
  const [v1] = await tx
    .insert(reformAuthorityVersions)
    .values({
      zoneId,
      versionNo: 1,
      title: '改革前权力事项清单（2023年）',
      note: '托管“一镇两街道”期间园区行使的权力事项',
      status: 'published',
      effectiveOn: '2023-01-01',
      publishedAt: new Date('2023-01-03T02:00:00Z'),
      publishedBy: '改革办',
    })
    .returning();
  const [v2] = await tx
    .insert(reformAuthorityVersions)
    .values({
      zoneId,
      versionNo: 2,
      title: '79项核心赋权清单（2024年）',
      note: '保留49项、新增赋权30项、取消19项',
      status: 'published',
      effectiveOn: '2024-07-01',
      publishedAt: new Date('2024-06-28T02:00:00Z'),
      publishedBy: '改革办',
    })
    .returning();
  const base = (versionId: string) => ({ zoneId, versionId, note: '' });
  const retained = RETAINED.map(([name, dept, category], i) => ({
    code: `YY-QL-${pad(i + 1)}`,
    name,
    category,
    grantingDept: dept,
    legalBasis: LAW,
    mode: (i % 7 === 0 ? 'entrusted' : 'direct') as 'entrusted' | 'direct',
    handling: 'full' as const,
  }));
  const cancelled = CANCELLED.map(([name, dept, category], i) => ({
    code: `YY-SH-${pad(i + 1)}`,
    name,
    category,
    grantingDept: dept,
    legalBasis: LAW,
    mode: 'entrusted' as const,
    handling: 'full' as const,
  }));
  const empowered = EMPOWERED.map(([name, dept, category, full], i) => ({
    code: `YY-FQ-${pad(i + 1)}`,
    name,
    category,
    grantingDept: dept,
    legalBasis: '益阳市人民政府关于向益阳高新区赋予部分市级经济社会管理权限的决定（2024）',
    mode: (i % 10 === 9 ? 'stationed' : 'direct') as 'stationed' | 'direct',
    handling: (full ? 'full' : 'accept_only') as 'full' | 'accept_only',
  }));
  await insertMany(tx, reformAuthorityItems, [
    ...[...retained, ...cancelled].map((i) => ({ ...base(v1!.id), ...i, source: 'retained' as const })),
    ...retained.map((i) => ({ ...base(v2!.id), ...i, source: 'retained' as const })),
    ...empowered.map((i) => ({ ...base(v2!.id), ...i, source: 'empowered' as const })),
    ...cancelled.map((i) => ({
      ...base(v2!.id),
      ...i,
      source: 'cancelled' as const,
      note: '社会事务剥离，移交赫山区',
    })),
  ]);

  // ---- Organisation before/after (seed 000) ----
  await tx.insert(reformOrgSnapshots).values([
    {
      zoneId,
      phase: 'before',
      asOf: '2023-12-31',
      institutions: 8,
      publicInstitutions: 5,
      leadershipPosts: 7,
      sectionCadres: 149,
      establishment: 695,
      onStaff: 622,
      contractStaff: 521,
      soeStaff: 544,
      total: 1687,
      yearlyCostFen: 30_200_000_000, // “超过3亿元”
    },
    {
      zoneId,
      phase: 'after',
      asOf: '2024-12-31',
      institutions: 6,
      publicInstitutions: 2,
      leadershipPosts: 6,
      sectionCadres: 27,
      establishment: 214,
      onStaff: 196,
      contractStaff: 107,
      soeStaff: 189,
      total: 487,
      yearlyCostFen: 16_900_000_000, // saves 1.33亿元 a year (“1.3亿元以上”)
    },
  ]);

  // ---- 七个一批: the 521 contract staff, each in exactly one channel (107 kept by examination) ----
  const channelPlan = [
    ['taken_over', 168],
    ['dismissed', 46],
    ['early_leave', 38],
    ['negotiated', 72],
    ['exam_retained', 107],
    ['compensated', 61],
    ['reemployed', 29],
  ] as const;
  const units = [
    '社会事务局',
    '市场监管局',
    '经济合作局',
    '开发建设局',
    '办公室',
    '谢林港镇',
    '朝阳街道',
    '鱼形山街道',
  ];
  const roster: (typeof reformContractStaff.$inferInsert)[] = [];
  for (const [channel, n] of channelPlan) {
    for (let i = 0; i < n; i++) {
      roster.push({
        zoneId,
        personNo: `BW-${String(roster.length + 1).padStart(4, '0')}`,
        name: chineseName(r),
        formerUnit: r.pick(units),
        channel,
        decidedOn: `2024-0${r.int(4, 6)}-${String(r.int(1, 28)).padStart(2, '0')}`,
        note: '',
      });
    }
  }
  await insertMany(tx, reformContractStaff, roster);

  // ---- 清单化推进: 36 tasks in 8 working groups ----
  const plan: [string, string, string[]][] = [
    [
      '综合协调组',
      '周建国',
      ['制定管理体制改革总体方案', '召开改革动员大会', '建立改革周调度机制', '编制改革任务清单', '改革成效总结评估'],
    ],
    [
      '社会事务剥离组',
      '李卫东',
      [
        '“一镇两街道”整体移交赫山区',
        '171项社会事务逐项移交',
        '公益类单位移交市直单位',
        '签订移交协议并备案',
        '社会事务移交后续跟踪',
      ],
    ],
    ['机构编制组', '王小平', ['内设机构由8个调减为6个', '事业单位由5个减并至2个', '核定编制214名', '制定“三定”规定']],
    [
      '人员分流安置组',
      '陈丽华',
      [
        '编外人员“七个一批”分流方案',
        '考试留用笔试面试组织',
        '协商解除补偿测算',
        '提前离岗人员审批',
        '推荐再就业岗位对接',
      ],
    ],
    [
      '国企改革组',
      '刘志强',
      [
        '3家区属国企整合组建投控集团',
        '投控集团上划市国资委',
        '注入资产36.6亿元',
        '争取AA+主体信用评级',
        '修订41项核心制度',
      ],
    ],
    [
      '赋权承接组',
      '赵敏',
      ['梳理权力事项清单', '争取新增赋权30项', '取消冗余审批19项', '政务服务专区迁入市民服务中心'],
    ],
    ['资产财务组', '孙海涛', ['清产核资', '30亿元存量贷款置换', '发行8.8亿元中期票据', '债务风险化解方案']],
    [
      '纪律督查组',
      '黄文军',
      ['制定“十严禁”纪律要求', '关键环节专项督查', '职代会审议职工利益事项', '改革信访舆情应对'],
    ],
  ];
  const taskRows: (typeof reformTasks.$inferInsert)[] = [];
  for (const [group, owner, titles] of plan) {
    for (const title of titles) {
      const n = taskRows.length + 1;
      const deadline = `2024-${String(3 + (n % 8)).padStart(2, '0')}-${n % 2 ? '15' : '30'}`;
      const status = n > 33 ? 'in_progress' : 'done';
      const completedOn =
        status === 'done' ? (n % 9 === 0 ? `2024-${String(4 + (n % 8)).padStart(2, '0')}-10` : deadline) : null;
      taskRows.push({
        zoneId,
        code: `RW-${String(n).padStart(2, '0')}`,
        title,
        workGroup: group,
        owner,
        deadline,
        status,
        completedOn,
        evidence: status === 'done' ? `益高改办〔2024〕${n}号` : '',
      });
    }
  }
  await insertMany(tx, reformTasks, taskRows);

  // ---- 园区吹哨: district departments and a year of matters ----
  const depts = await tx
    .insert(reformDistrictDepartments)
    .values(DISTRICT.map((d) => ({ ...d, zoneId })))
    .returning();
  const calendar = await calendarOf(tx);
  const whistles: (typeof reformWhistles.$inferInsert)[] = [];
  let day = calendar.nextWorkday('2026-01-05', { inclusive: true }).date;
  for (let n = 1; n <= 80; n++) {
    day = calendar.addWorkdays(day, r.int(2, 6)).date;
    if (day > '2026-11-20') break;
    const dept = r.pick(depts);
    const due = calendar.addWorkdays(day, dept.responseDays);
    const fate = r.next();
    const late = fate < 0.18;
    const open = day > '2026-11-02' && fate > 0.35;
    const took = late ? dept.responseDays + r.int(1, 4) : r.int(1, dept.responseDays);
    const respondedOn = open ? null : calendar.addWorkdays(day, took).date;
    const closedOn = respondedOn && fate > 0.3 ? calendar.addWorkdays(respondedOn, r.int(1, 3)).date : null;
    const matter = r.pick(MATTERS);
    whistles.push({
      zoneId,
      code: `CS-2026-${pad(n)}`,
      title: `${r.pick(ENTERPRISES)}：${matter}`,
      detail: `企业反映${matter}进度滞后，园区吹哨请${dept.name}派员对接。`,
      departmentId: dept.id,
      raisedOn: day,
      responseDays: dept.responseDays,
      dueOn: due.date,
      dueProvisional: due.provisional,
      status: closedOn ? 'closed' : respondedOn ? 'responded' : 'open',
      respondedOn,
      response: respondedOn ? `${dept.name}已派员到企业现场办理。` : '',
      responseWorkdays: respondedOn ? took : null,
      closedOn,
      closureNote: closedOn ? '企业确认问题已解决' : '',
      origin: 'zone',
      originRef: null,
      raisedBy: '企业服务局',
    });
  }
  await insertMany(tx, reformWhistles, whistles);
  const dutyItems = await seedDutyListsYiyang(tx, zoneId);
  const platformRecords = await seedPlatformYiyang(tx, zoneId);
  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'reform',
    after: {
      versions: 2,
      items: 68 + 98,
      contractStaff: roster.length,
      tasks: taskRows.length,
      districtDepartments: depts.length,
      whistles: whistles.length,
      dutyItems,
      platformRecords,
    },
  });
}
