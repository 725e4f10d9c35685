import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { ProvinceCockpit } from '@shared/cockpit';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Flex, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { EChart } from '../../../shared/components/EChart';
import { setZoneId } from '../../../shared/zone';
import { COCKPIT, fmtNum, REFRESH_MS, signedPct } from '../api';

const STATUS_COLOR: Record<string, string> = { red: 'red', green: 'green', normal: 'blue', none: 'default' };

/** 全省驾驶舱: every zone of the province ranked by an indicator's YoY, with the move since last month. */
export default function ProvinceCockpitPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [indicator, setIndicator] = useState('GYZCZ');
  const [period, setPeriod] = useState<{ year?: number; month?: number }>({});
  const q = useQuery({
    queryKey: [COCKPIT, 'province', indicator, period.year, period.month],
    queryFn: ({ signal }) =>
      api.get<ProvinceCockpit>(`${COCKPIT}/province`, { query: { indicator, ...period }, signal }),
    refetchInterval: REFRESH_MS,
  });
  const p = q.data;
  const en = i18n.language === 'en-US';
  const current = p?.indicators.find((i) => i.code === indicator);
  const unit = current ? (en && current.unitEn ? current.unitEn : current.unit) : '';
  const top = useMemo(() => (p?.rows ?? []).filter((r) => r.rank != null).slice(0, 20), [p]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.zoneName) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: top.map((r) => ({
            value: r.yoyPct,
            zoneId: r.zoneId,
            itemStyle: { color: r.status === 'red' ? '#f5222d' : r.status === 'green' ? '#52c41a' : '#1677ff' },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [top],
  );
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  if (!p) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const openZone = (zoneId: string) => {
    setZoneId(zoneId);
    navigate('/cockpit');
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cockpit.provinceTitle', { province: p.provinceName, year: p.year, month: p.month })}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ minWidth: 200 }}
            value={indicator}
            onChange={setIndicator}
            aria-label={t('cockpit.indicator')}
            options={p.indicators.map((i) => ({ value: i.code, label: en && i.nameEn ? i.nameEn : i.name }))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${p.year}-${String(p.month).padStart(2, '0')}-01`)}
            onChange={(v) => v && setPeriod({ year: v.year(), month: v.month() + 1 })}
            aria-label={t('cockpit.period')}
          />
        </Space>
      </Flex>
      <Flex wrap gap={12}>
        {[
          { label: t('cockpit.zones'), value: p.zones },
          { label: t('cockpit.reporting'), value: p.reporting },
          { label: t('cockpit.redZones'), value: p.red, color: '#f5222d' },
          { label: t('cockpit.greenZones'), value: p.green, color: '#52c41a' },
          { label: t('cockpit.provinceTotal', { unit }), value: fmtNum(p.total) },
        ].map((s) => (
          <Card key={s.label} size="small" style={{ flex: '1 1 180px' }}>
            <Statistic title={s.label} value={s.value} valueStyle={{ color: s.color }} />
          </Card>
        ))}
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('cockpit.top20')}>
            <EChart
              option={option}
              height={Math.min(560, Math.max(200, top.length * 28 + 40))}
              ariaLabel={t('cockpit.top20')}
              onClick={(e) => openZone((e.data as { zoneId: string }).zoneId)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('cockpit.ranking')} styles={{ body: { padding: 0 } }}>
            <Table
              size="small"
              rowKey="zoneId"
              dataSource={p.rows}
              pagination={{ pageSize: 15, showSizeChanger: false }}
              onRow={(r) => ({ onClick: () => openZone(r.zoneId), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('cockpit.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
                {
                  title: t('cockpit.change'),
                  dataIndex: 'change',
                  width: 90,
                  render: (v: number | null) =>
                    v == null || v === 0 ? (
                      '—'
                    ) : v > 0 ? (
                      <Typography.Text type="success">
                        <ArrowUpOutlined /> {v}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="danger">
                        <ArrowDownOutlined /> {-v}
                      </Typography.Text>
                    ),
                },
                { title: t('cockpit.zone'), dataIndex: 'zoneName', ellipsis: true },
                {
                  title: `${t('cockpit.cumulative')} (${unit})`,
                  dataIndex: 'cumulative',
                  align: 'right',
                  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
                  render: (v: number | null) => fmtNum(v),
                },
                {
                  title: t('cockpit.yoy'),
                  dataIndex: 'yoyPct',
                  align: 'right',
                  render: (v: number | null, r) => <Tag color={STATUS_COLOR[r.status]}>{signedPct(v)}</Tag>,
                },
                {
                  title: t('cockpit.completionShort'),
                  dataIndex: 'completionPct',
                  align: 'right',
                  render: (v: number | null) => (v == null ? '—' : `${v.toFixed(2)}%`),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
