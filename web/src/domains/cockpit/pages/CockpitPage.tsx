import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Flex, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { useZoneCockpit } from '../api';
import { IndicatorCards } from '../components/IndicatorCards';
import { ParcelMapCard } from '../components/ParcelMapCard';
import { EfficiencyCard, FunnelCard, LeagueCard, LightsCard, ServiceCards, TrendCard } from '../components/ZoneBlocks';

/**
 * 领导驾驶舱: the zone on one screen (1920×1080 wall or laptop). Every figure links to the records behind it; the
 * data refetches every minute and on focus, so the screen follows changes without a reload.
 */
export default function CockpitPage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<{ year?: number; month?: number }>({});
  const [selected, setSelected] = useState<string | undefined>();
  const q = useZoneCockpit(period);
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const canSeeLand = useCan('land.read');
  const c = q.data;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  if (!c) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const month = { year: c.year, month: c.month };
  const exportReport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/cockpit/zone/report.xlsx', month, 'monthly-report.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setExporting(false);
    }
  };
  const indicator = c.indicators.find((i) => i.indicatorId === selected) ?? c.indicators[0];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cockpit.title', { zone: c.zoneName, year: c.year, month: c.month })}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">
            {t('cockpit.updated', { at: formatDateTime(c.generatedAt, i18n.language) })}
          </Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${c.year}-${String(c.month).padStart(2, '0')}-01`)}
            onChange={(v) => v && setPeriod({ year: v.year(), month: v.month() + 1 })}
            aria-label={t('cockpit.period')}
          />
          <Button icon={<ReloadOutlined />} loading={q.isFetching} onClick={() => q.refetch()}>
            {t('cockpit.refresh')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportReport}>
            {t('cockpit.exportReport')}
          </Button>
          <Link to={`/cockpit/report?year=${c.year}&month=${c.month}`}>
            <Button icon={<PrinterOutlined />}>{t('cockpit.printReport')}</Button>
          </Link>
        </Space>
      </Flex>
      <IndicatorCards
        indicators={c.indicators}
        year={c.year}
        month={c.month}
        selected={indicator?.indicatorId}
        onSelect={setSelected}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <TrendCard indicator={indicator} year={c.year} />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <FunnelCard investment={c.investment} />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <LightsCard projects={c.projects} />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <ServiceCards approval={c.approval} demands={c.demands} />
        <Col xs={24} md={12} xl={6} xxl={5}>
          <EfficiencyCard efficiency={c.efficiency} />
        </Col>
        <Col xs={24} md={12} xl={6} xxl={5}>
          <LeagueCard league={c.league} />
        </Col>
        {canSeeLand && (
          <Col xs={24} xl={24} xxl={6}>
            <ParcelMapCard />
          </Col>
        )}
      </Row>
    </Space>
  );
}
