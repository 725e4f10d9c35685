import type { Light, LightReason } from '@shared/projects';
import { Badge, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const COLOR = { green: 'success', yellow: 'warning', red: 'error' } as const;

export function reasonText(t: TFunction, r: LightReason): string {
  switch (r.code) {
    case 'NOT_STARTED':
      return t('projects.reason.NOT_STARTED', { plannedStart: r.plannedStart, months: r.months });
    case 'NOT_IN_STATS':
      return t('projects.reason.NOT_IN_STATS', { actualStart: r.actualStart, months: r.months });
    case 'LAG':
      return t('projects.reason.LAG', { lag: r.lag, schedule: r.schedule, completion: r.completion });
    case 'CAUGHT_UP':
      return t('projects.reason.CAUGHT_UP', { since: r.since });
  }
}

/** The light with its reasons in the user's language. */
export function LightTag({ light, reasons }: { light: Light; reasons: LightReason[] }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0} data-testid="light">
      <Badge status={COLOR[light]} text={t(`projects.lights.${light}`)} />
      {reasons.map((r) => (
        <Typography.Text key={r.code} type="secondary" style={{ fontSize: 12 }}>
          {reasonText(t, r)}
        </Typography.Text>
      ))}
    </Space>
  );
}
