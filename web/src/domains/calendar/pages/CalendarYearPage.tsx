import { ArrowLeftOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '@shared/calendar';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { useCalendarYear } from '../api';
import { ProvisionalAlerts } from '../components/ProvisionalAlerts';
import { PublishDrawer } from '../components/PublishDrawer';
import { VersionsCard } from '../components/VersionsCard';
import { YearGrid } from '../components/YearGrid';

const NO_DAYS: never[] = [];

export default function CalendarYearPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('calendar.write');
  const params = useParams();
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : Number.NaN;
  const valid = year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
  const query = useCalendarYear(valid ? year : null);
  const [publishing, setPublishing] = useState(false);

  if (!valid) {
    return (
      <Result status="404" title={t('calendar.invalidYear')} extra={<Link to="/calendar">{t('calendar.back')}</Link>} />
    );
  }
  const detail = query.data;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Flex gap={4} align="center">
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('calendar.back')}
              onClick={() => navigate('/calendar')}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('calendar.yearTitle', { year })}
            </Typography.Title>
          </Flex>
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              disabled={year <= CALENDAR_MIN_YEAR}
              onClick={() => navigate(`/calendar/${year - 1}`)}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              disabled={year >= CALENDAR_MAX_YEAR}
              onClick={() => navigate(`/calendar/${year + 1}`)}
            />
            {canWrite && detail !== undefined && (
              <Button
                type="primary"
                icon={detail ? <EditOutlined /> : <PlusOutlined />}
                onClick={() => setPublishing(true)}
              >
                {detail ? t('calendar.publish.amend') : t('calendar.publish.button')}
              </Button>
            )}
          </Space>
        </Flex>
        {query.isPending ? (
          <Spin />
        ) : query.error ? (
          <Alert type="error" showIcon title={query.error.message} />
        ) : detail ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              {
                key: 'version',
                label: t('calendar.currentVersion'),
                children: t('calendar.versionN', { version: detail.version }),
              },
              { key: 'holidayCount', label: t('calendar.holidayCount'), children: detail.holidayCount },
              { key: 'makeupCount', label: t('calendar.makeupCount'), children: detail.makeupCount },
              {
                key: 'publishedAt',
                label: t('calendar.publishedAt'),
                children: formatDateTime(detail.publishedAt, i18n.language),
              },
              { key: 'source', label: t('calendar.source'), children: detail.source, span: 'filled' },
              ...(detail.note
                ? [{ key: 'note', label: t('calendar.note'), children: detail.note, span: 'filled' as const }]
                : []),
            ]}
          />
        ) : (
          <ProvisionalAlerts years={[year]} />
        )}
      </Card>
      {detail !== undefined && (
        <Card size="small">
          <YearGrid year={year} days={detail?.days ?? NO_DAYS} />
        </Card>
      )}
      {detail && <VersionsCard detail={detail} />}
      {canWrite && <PublishDrawer open={publishing} year={year} fixedYear onClose={() => setPublishing(false)} />}
    </Flex>
  );
}
