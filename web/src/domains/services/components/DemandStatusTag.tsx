import type { Demand } from '@shared/services';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<Demand['status'], string> = {
  pending_route: 'orange',
  assigned: 'gold',
  signed: 'blue',
  replied: 'geekblue',
  resolved: 'cyan',
  closed: 'green',
};

export function DemandStatusTag({ demand }: { demand: Pick<Demand, 'status' | 'overdue' | 'escalationLevel'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[demand.status]}>{t(`services.status.${demand.status}`)}</Tag>
      {demand.overdue && <Tag color="red">{t(`services.overdue.${demand.overdue}`)}</Tag>}
      {demand.escalationLevel > 0 && (
        <Tooltip title={t(`services.escalationHint.${demand.escalationLevel}`)}>
          <Tag color="volcano">{t(`services.escalation.${demand.escalationLevel}`)}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** A deadline date, marked when the year has no published holiday arrangement yet. */
export function DueDate({ date, provisional }: { date: string; provisional: boolean }) {
  const { t } = useTranslation();
  if (!provisional) return <>{date}</>;
  return (
    <Tooltip title={t('services.provisionalHint')}>
      <span>
        {date} <Tag color="default">{t('services.provisional')}</Tag>
      </span>
    </Tooltip>
  );
}
