import { pinyin } from 'pinyin-pro';

/**
 * Search keys of a company name, computed at write time: full pinyin and initials, lower case, no separators
 * (益阳电气装备有限公司 → 'yiyangdianqizhuangbeiyouxiangongsi' / 'yydqzbyxgs'). Latin letters and digits are kept
 * as they are (lower-cased); punctuation and spaces are dropped.
 */
export function nameSearchKeys(name: string): { namePinyin: string; nameInitials: string } {
  const clean = name.replace(/[\s()（）·,，.。、&\-—]/g, '');
  const full = pinyin(clean, { toneType: 'none', type: 'array', v: true }).join('');
  const first = pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join('');
  return { namePinyin: full.toLowerCase(), nameInitials: first.toLowerCase() };
}
