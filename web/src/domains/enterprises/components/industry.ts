import type { IndustryNode } from '@shared/industry-codes';

export interface IndustryTreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  children?: IndustryTreeOption[];
}

/** TreeSelect data: a 门类 only groups (not selectable); 大类 and 中类 are. */
export function industryTreeData(nodes: IndustryNode[] | undefined, depth = 0): IndustryTreeOption[] {
  return (nodes ?? []).map((n) => ({
    value: n.code,
    title: `${n.code} ${n.name}`,
    ...(depth === 0 ? { selectable: false } : {}),
    ...(n.children ? { children: industryTreeData(n.children, depth + 1) } : {}),
  }));
}
