import type { Grade } from '@shared/performance';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<Grade, string> = { excellent: 'gold', good: 'green', basic: 'orange', fail: 'red' };

export function GradeTag({ grade }: { grade: Grade | string | null }) {
  const { t } = useTranslation();
  if (!grade) return <>—</>;
  return <Tag color={COLOR[grade as Grade]}>{t(`performance.grade.${grade}`)}</Tag>;
}
