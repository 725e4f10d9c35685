import { pinyin } from 'pinyin-pro';

/**
 * Search keys of a company name, computed at write time: full pinyin and initials, lower case, no separators
 * (益阳电气装备有限公司 → 'yiyangdianqizhuangbeiyouxiangongsi' / 'yydqzbyxgs'). Latin letters and digits are kept
 * as they are (lower-cased); punctuation and spaces are dropped.
 */
export function nameSearchKeys(name: string): { namePinyin: string; nameInitials: string } {
  const clean = name.replace(/[\s()（）·,，.。、&\-—]/g, '');
  // One pass of pinyin-pro (its word segmentation is the costly part: half of a 100,000-row import's CPU when run
  // twice); the initials are the first letter of each syllable, which is what pattern 'first' returns.
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', v: true });
  const full = syllables.join('');
  const first = syllables.map((s) => s.charAt(0)).join('');
  return { namePinyin: full.toLowerCase(), nameInitials: first.toLowerCase() };
}
