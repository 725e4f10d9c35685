import { sql } from 'drizzle-orm';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../shared/credit-code';
import { type Contact, type enterpriseStatuses, enterpriseTags } from '../../shared/enterprises';
import { sectionOf } from '../../shared/industry-codes';
import { nameSearchKeys } from '../domains/enterprises/enterprises.pinyin';
import type { Executor } from '../platform/db';
import { chineseName, mobile, type Random } from './random';

/**
 * Realistic, deterministic enterprise registries: 地名+字号+行业词+有限公司 names, valid 统一社会信用代码 (check
 * character computed, organisation code random from the charset), industries from the zone's chains, ~20% 规上,
 * tags, land/building footprints and a chief service officer from 企业服务局. Rows are bulk-inserted with
 * `INSERT … SELECT FROM unnest($1::uuid[], …)` in batches (same SQL on PGlite and PostgreSQL).
 */

type Mix = [code: string, weight: number][];

/** Industry mix per sub-park code (the demo's and generated zones' sub-parks share these codes). */
const PARK_MIX: Record<string, Mix> = {
  // 电气装备: 输配电, 电机, 电线电缆, 通用/专用设备
  DQZB: [
    ['382', 10],
    ['381', 5],
    ['383', 4],
    ['389', 2],
    ['344', 3],
    ['345', 3],
    ['342', 2],
    ['356', 3],
    ['351', 2],
    ['33', 2],
  ],
  // 电子信息
  DZXX: [
    ['398', 10],
    ['397', 8],
    ['392', 5],
    ['396', 3],
    ['391', 2],
    ['399', 3],
    ['401', 2],
    ['65', 2],
  ],
  // 新能源新材料: 电池, 非金属/有色新材料, 化工材料
  XNY: [
    ['384', 10],
    ['309', 4],
    ['306', 2],
    ['307', 2],
    ['325', 4],
    ['324', 3],
    ['323', 2],
    ['265', 3],
    ['266', 4],
  ],
  // 生物医药
  SWYY: [
    ['272', 6],
    ['274', 6],
    ['273', 3],
    ['276', 4],
    ['277', 3],
    ['358', 6],
    ['278', 2],
  ],
  // 科创城
  KCC: [
    ['65', 8],
    ['73', 5],
    ['75', 4],
    ['74', 3],
    ['64', 2],
    ['398', 2],
    ['402', 2],
  ],
  // 现代服务业
  XDFW: [
    ['51', 8],
    ['59', 5],
    ['72', 6],
    ['52', 3],
    ['54', 3],
    ['70', 1],
    ['66', 1],
  ],
};

/** Industry word (行业词) of a name, by code prefix (longest match wins). */
const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  '26': ['化工', '新材料', '精细化工'],
  '265': ['高分子材料', '新材料'],
  '27': ['制药', '药业', '生物医药'],
  '273': ['中药饮片', '药业'],
  '274': ['中药', '药业'],
  '276': ['生物科技', '生物制药'],
  '277': ['医用材料', '卫生材料'],
  '30': ['新材料', '建材'],
  '306': ['玻纤', '复合材料'],
  '307': ['陶瓷', '特种陶瓷'],
  '309': ['石墨', '碳素'],
  '32': ['有色金属', '合金材料'],
  '323': ['稀土材料', '稀有金属'],
  '325': ['铝业', '铜业'],
  '33': ['金属制品', '钢结构'],
  '34': ['机械', '精密机械', '重工'],
  '344': ['泵业', '阀门', '压缩机'],
  '345': ['传动', '轴承', '齿轮'],
  '35': ['装备', '智能装备', '重工'],
  '358': ['医疗器械', '医疗科技'],
  '38': ['电气', '电器', '电力设备'],
  '381': ['电机', '动力'],
  '382': ['电气', '输配电设备', '开关', '电力设备'],
  '383': ['电缆', '线缆', '电工材料'],
  '384': ['新能源', '电池', '储能科技', '锂电'],
  '39': ['电子', '电子科技', '光电'],
  '391': ['计算机', '信息技术'],
  '392': ['通信', '通讯技术'],
  '396': ['智能科技', '智能设备'],
  '397': ['半导体', '微电子'],
  '398': ['电子', '电子材料', '电子元件'],
  '40': ['仪器仪表', '测控技术'],
  '51': ['贸易', '商贸', '供应链'],
  '52': ['商贸', '商业'],
  '54': ['物流', '运输'],
  '59': ['仓储', '物流'],
  '64': ['网络科技', '互联网科技'],
  '65': ['软件', '信息技术', '数字科技'],
  '66': ['小额贷款', '融资担保'],
  '70': ['置业', '房地产开发'],
  '72': ['企业管理', '商务咨询', '人力资源'],
  '73': ['研究院', '技术研究'],
  '74': ['检测技术', '工程技术'],
  '75': ['科技服务', '技术转移'],
};

/** 字号 (brand names): two characters, common in Hunan company names. */
const BRANDS = [
  '华创',
  '恒通',
  '鑫源',
  '湘源',
  '中科',
  '宏达',
  '金瑞',
  '远大',
  '德力',
  '博实',
  '泰和',
  '天成',
  '永盛',
  '隆兴',
  '嘉禾',
  '弘毅',
  '锦程',
  '卓越',
  '众诚',
  '新锐',
  '安泰',
  '海森',
  '力拓',
  '凯瑞',
  '瑞丰',
  '明阳',
  '润达',
  '正泰',
  '启航',
  '汇智',
  '科力',
  '东方',
  '长青',
  '云帆',
  '万象',
  '精诚',
  '华兴',
  '腾飞',
  '鼎盛',
  '立信',
  '湘江',
  '洞庭',
  '麓山',
  '楚天',
  '芙蓉',
  '资江',
  '银城',
  '梅山',
  '雪峰',
  '衡岳',
  '三湘',
  '中南',
  '星沙',
  '融汇',
  '聚能',
  '同创',
  '百越',
  '信达',
  '佳利',
  '通宇',
  '奥星',
  '诺德',
  '康普',
  '宇航',
  '晶科',
  '华通',
  '联创',
  '威胜',
  '金杯',
  '友谊',
  '时代',
  '中联',
  '山河',
  '远景',
  '华曙',
  '昊华',
  '顺达',
  '亿达',
  '福瑞',
  '乾元',
  '中汇',
] as const;

/** 行政区划 (city) of Hunan, for the credit code's characters 3–8. */
export const HUNAN_DIVISIONS = [
  '430100',
  '430200',
  '430300',
  '430400',
  '430500',
  '430600',
  '430700',
  '430800',
  '430900',
  '431000',
  '431100',
  '431200',
  '431300',
  '433100',
] as const;

export interface GeneratedEnterprise {
  id: string;
  zoneId: string;
  subParkId: string | null;
  creditCode: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  industryCode: string;
  industrySection: string;
  scale: 'above' | 'below';
  tags: string[];
  landMu: number | null;
  buildingM2: number | null;
  legalRep: string;
  contacts: Contact[];
  serviceOfficerId: string | null;
  establishedOn: string | null;
  status: (typeof enterpriseStatuses)[number];
}

export interface ZoneEnterpriseSpec {
  zoneId: string;
  count: number;
  /** Sub-parks of the zone with their codes (the code picks the industry mix). */
  subParks: { id: string; code: string }[];
  /** Staff of 企业服务局 (chief service officers). */
  officerIds: string[];
  /** Place names used at the start of company names (地名). */
  places: readonly string[];
  /** City division code (6 digits) for credit codes. */
  division: string;
  /** Rows that must exist with fixed values (e.g. the demo enterprise account's company). */
  fixed?: Partial<GeneratedEnterprise>[];
}

function weighted(r: Random, mix: Mix): string {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [code, w] of mix) {
    x -= w;
    if (x < 0) return code;
  }
  return mix[mix.length - 1]![0];
}

function industryWord(r: Random, code: string): string {
  for (let len = code.length; len >= 2; len--) {
    const words = INDUSTRY_WORDS[code.slice(0, len)];
    if (words) return r.pick(words);
  }
  return '科技';
}

/** A valid credit code: 9 (工商) 1 (企业) + division + random organisation code + computed check char. */
export function randomCreditCode(r: Random, division: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CODE_CHARSET[r.int(0, CREDIT_CODE_CHARSET.length - 1)];
  const first17 = `91${division}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const pad = (n: number) => String(n).padStart(2, '0');

/** One zone's registry, deterministic for a given Random state. Names and credit codes are unique in the zone. */
export function generateZoneEnterprises(r: Random, spec: ZoneEnterpriseSpec): GeneratedEnterprise[] {
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: GeneratedEnterprise[] = [];
  for (const f of spec.fixed ?? []) {
    if (f.name) names.add(f.name);
    if (f.creditCode) codes.add(f.creditCode);
  }
  const GENERAL: Mix = Object.values(PARK_MIX).flat();
  for (let i = 0; i < spec.count; i++) {
    const park = spec.subParks.length ? r.pick(spec.subParks) : null;
    const industryCode = weighted(r, (park && PARK_MIX[park.code]) || GENERAL);
    const manufacturing = sectionOf(industryCode) === 'C';
    let name = '';
    for (let attempt = 0; attempt < 50 && (!name || names.has(name)); attempt++) {
      const place = r.pick(spec.places);
      const brand = r.pick(BRANDS);
      const suffix = r.next() < 0.08 ? '股份有限公司' : '有限公司';
      name = `${place}${brand}${industryWord(r, industryCode)}${attempt > 10 ? r.pick(BRANDS) : ''}${suffix}`;
    }
    names.add(name);
    let creditCode = randomCreditCode(r, spec.division);
    while (codes.has(creditCode)) creditCode = randomCreditCode(r, spec.division);
    codes.add(creditCode);
    const above = r.next() < (manufacturing ? 0.24 : 0.1);
    const tags: string[] = [];
    const chance = (p: number) => r.next() < p;
    if (chance(above ? 0.55 : 0.18)) tags.push('高新技术企业');
    if (!above && chance(0.22)) tags.push('科技型中小企业');
    if (chance(above ? 0.2 : 0.04)) tags.push('专精特新');
    if (tags.includes('专精特新') && chance(0.15)) tags.push('小巨人');
    if (above && chance(0.02)) tags.push('单项冠军');
    if (above && chance(0.04)) tags.push('链主');
    if (above && chance(0.015)) tags.push('500强');
    const landMu = manufacturing
      ? round2(above ? 30 + r.next() * 370 : 3 + r.next() * 57)
      : chance(0.3)
        ? round2(2 + r.next() * 30)
        : null;
    const buildingM2 =
      landMu !== null ? round2(landMu * 666.67 * (0.7 + r.next() * 0.9)) : round2(300 + r.next() * 4700);
    const contacts: Contact[] = [{ name: chineseName(r), phone: mobile(r), role: r.pick(['总经理', '副总经理']) }];
    if (chance(0.6))
      contacts.push({ name: chineseName(r), phone: mobile(r), role: r.pick(['财务负责人', '行政主管', '项目专员']) });
    const year = r.int(1998, 2025);
    const status = chance(0.95) ? 'operating' : chance(0.6) ? 'suspended' : 'moved_out';
    out.push({
      id: r.uuid(),
      zoneId: spec.zoneId,
      subParkId: park?.id ?? null,
      creditCode,
      name,
      ...nameSearchKeys(name),
      industryCode,
      industrySection: sectionOf(industryCode) ?? '',
      scale: above ? 'above' : 'below',
      tags: enterpriseTags.filter((t) => tags.includes(t)),
      landMu,
      buildingM2,
      legalRep: chineseName(r),
      contacts,
      serviceOfficerId: spec.officerIds.length && chance(0.85) ? r.pick(spec.officerIds) : null,
      establishedOn: `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      status,
    });
  }
  // Fixed rows replace the first generated ones (keeps the stream, and so the rest of the data, unchanged).
  (spec.fixed ?? []).forEach((f, i) => {
    const base = out[i];
    if (!base) return;
    const name = f.name ?? base.name;
    const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
    out[i] = {
      ...base,
      ...given,
      ...nameSearchKeys(name),
      industrySection: sectionOf(f.industryCode ?? base.industryCode) ?? '',
    } as GeneratedEnterprise;
  });
  return out;
}

export const INSERT_BATCH = 5000;

/** Bulk insert: one INSERT … SELECT FROM unnest(arrays) per batch of ≤ 5,000 rows. */
export async function insertEnterprises(ex: Executor, rows: GeneratedEnterprise[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const b = rows.slice(start, start + INSERT_BATCH);
    const col = <T>(f: (e: GeneratedEnterprise) => T) => sql.param(b.map(f));
    await ex.execute(sql`
      insert into enterprises (id, zone_id, sub_park_id, credit_code, name, name_pinyin, name_initials, industry_code,
        industry_section, scale, tags, land_mu, building_m2, legal_rep, contacts, service_officer_id, established_on,
        status)
      select id, zone_id, sub_park_id, credit_code, name, name_pinyin, name_initials, industry_code, industry_section,
        scale, case when tags = '' then '{}'::text[] else string_to_array(tags, '|') end, land_mu, building_m2,
        legal_rep, contacts::jsonb, service_officer_id, established_on, status
      from unnest(${col((e) => e.id)}::uuid[], ${col((e) => e.zoneId)}::uuid[], ${col((e) => e.subParkId)}::uuid[],
        ${col((e) => e.creditCode)}::text[], ${col((e) => e.name)}::text[], ${col((e) => e.namePinyin)}::text[],
        ${col((e) => e.nameInitials)}::text[], ${col((e) => e.industryCode)}::text[],
        ${col((e) => e.industrySection)}::text[], ${col((e) => e.scale)}::text[], ${col((e) => e.tags.join('|'))}::text[],
        ${col((e) => e.landMu)}::numeric[], ${col((e) => e.buildingM2)}::numeric[], ${col((e) => e.legalRep)}::text[],
        ${col((e) => JSON.stringify(e.contacts))}::text[], ${col((e) => e.serviceOfficerId)}::uuid[],
        ${col((e) => e.establishedOn)}::date[], ${col((e) => e.status)}::text[])
        as t(id, zone_id, sub_park_id, credit_code, name, name_pinyin, name_initials, industry_code, industry_section,
          scale, tags, land_mu, building_m2, legal_rep, contacts, service_officer_id, established_on, status)`);
  }
}
