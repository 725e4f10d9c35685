import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** A warning for each year (of this year and next) without a published arrangement. */
export function ProvisionalAlerts({ years }: { years: number[] }) {
  const { t } = useTranslation();
  if (years.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      {years.map((year) => (
        <Alert key={year} type="warning" showIcon title={t('calendar.provisionalAlert', { year })} />
      ))}
    </Flex>
  );
}

/** This year and next year when they have no arrangement (the next one is usually published in November). */
export function missingYears(published: readonly number[] | undefined, now = new Date()): number[] {
  if (!published) return [];
  const year = now.getFullYear();
  return [year + 1, year].filter((y) => !published.includes(y));
}
