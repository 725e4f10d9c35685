import { PlusOutlined } from '@ant-design/icons';
import type { CalendarYear } from '@shared/calendar';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { CALENDAR, useCalendarYears } from '../api';
import { DeadlineCalculator, ProvisionalTag } from '../components/DeadlineCalculator';
import { missingYears, ProvisionalAlerts } from '../components/ProvisionalAlerts';
import { PublishDrawer } from '../components/PublishDrawer';

/** A published year, or a year without an arrangement (shown so the gap is visible). */
type YearRow = (CalendarYear & { missing?: false }) | { year: number; missing: true };

export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('calendar.write');
  const years = useCalendarYears();
  const client = useQueryClient();
  const [publishing, setPublishing] = useState(false);
  const missing = useMemo(() => missingYears(years.data?.map((y) => y.year)), [years.data]);
  const rows = useMemo<YearRow[]>(
    () =>
      [...missing.map((year) => ({ year, missing: true as const })), ...(years.data ?? [])].sort(
        (a, b) => b.year - a.year,
      ),
    [missing, years.data],
  );
  const dash = (r: YearRow, f: (y: CalendarYear) => ReactNode) =>
    r.missing ? <Typography.Text type="secondary">—</Typography.Text> : f(r);

  return (
    <Flex vertical gap={16}>
      <ProvisionalAlerts years={missing} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card
            title={t('calendar.yearsTitle')}
            extra={
              canWrite && (
                <Space>
                  <ImportDialog
                    kind="calendar-days"
                    title={t('excel.titles.calendarDays')}
                    onDone={() => client.invalidateQueries({ queryKey: [CALENDAR] })}
                  />
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
                    {t('calendar.publish.button')}
                  </Button>
                </Space>
              )
            }
          >
            {years.error && <Alert type="error" showIcon title={years.error.message} style={{ marginBottom: 12 }} />}
            <Table<YearRow>
              size="small"
              rowKey="year"
              loading={years.isPending}
              dataSource={rows}
              pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 900 }}
              tableLayout="fixed"
              columns={[
                {
                  key: 'year',
                  title: t('calendar.year'),
                  width: 130,
                  fixed: 'left',
                  render: (_, r) => (
                    <Flex gap={6} align="center">
                      <Link to={`/calendar/${r.year}`}>{t('calendar.yearLabel', { year: r.year })}</Link>
                      {r.missing && <ProvisionalTag />}
                    </Flex>
                  ),
                },
                {
                  key: 'version',
                  title: t('calendar.currentVersion'),
                  width: 100,
                  render: (_, r) => dash(r, (y) => t('calendar.versionN', { version: y.version })),
                },
                {
                  key: 'source',
                  title: t('calendar.source'),
                  ellipsis: true,
                  render: (_, r) =>
                    r.missing ? (
                      <Typography.Text type="warning">{t('calendar.notPublished')}</Typography.Text>
                    ) : (
                      <Typography.Text ellipsis={{ tooltip: r.source }}>{r.source}</Typography.Text>
                    ),
                },
                {
                  key: 'holidayCount',
                  title: t('calendar.holidayCount'),
                  align: 'right',
                  width: 90,
                  render: (_, r) => dash(r, (y) => <Tag color="red">{y.holidayCount}</Tag>),
                },
                {
                  key: 'makeupCount',
                  title: t('calendar.makeupCount'),
                  align: 'right',
                  width: 110,
                  render: (_, r) => dash(r, (y) => <Tag color="blue">{y.makeupCount}</Tag>),
                },
                {
                  key: 'versionCount',
                  title: t('calendar.versionCount'),
                  align: 'right',
                  width: 80,
                  render: (_, r) => dash(r, (y) => y.versionCount),
                },
                {
                  key: 'publishedAt',
                  title: t('calendar.publishedAt'),
                  width: 170,
                  render: (_, r) => dash(r, (y) => formatDateTime(y.publishedAt, i18n.language)),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <DeadlineCalculator />
        </Col>
      </Row>
      {canWrite && (
        <PublishDrawer
          open={publishing}
          year={missing[0] ?? new Date().getFullYear() + 1}
          onClose={() => setPublishing(false)}
        />
      )}
    </Flex>
  );
}
