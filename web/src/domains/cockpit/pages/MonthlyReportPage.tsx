import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fmtNum, signedPct, useZoneCockpit } from '../api';

/** 经济运行月报, printable: the same figures as the cockpit and the .xlsx workbook, laid out for A4. */
export default function MonthlyReportPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const month = Number(params.get('month')) || undefined;
  const q = useZoneCockpit({ year, month });
  const c = q.data;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  if (!c) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const en = i18n.language === 'en-US';
  return (
    <div className="monthly-report" style={{ maxWidth: 1000, margin: '0 auto', background: '#fff', padding: 24 }}>
      <style>
        {
          '@media print { .no-print { display: none !important; } .ant-layout-sider, .ant-layout-header { display: none !important; } }'
        }
      </style>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cockpit.reportTitle', { zone: c.zoneName, year: c.year, month: c.month })}
        </Typography.Title>
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('cockpit.print')}
        </Button>
      </Flex>
      <Typography.Title level={5}>{t('cockpit.reportIndicators')}</Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="indicatorId"
        dataSource={c.indicators}
        columns={[
          { title: t('economy.indicator'), key: 'name', render: (_, r) => (en && r.nameEn ? r.nameEn : r.name) },
          { title: t('cockpit.unit'), key: 'unit', render: (_, r) => (en && r.unitEn ? r.unitEn : r.unit) },
          { title: t('cockpit.cumulative'), dataIndex: 'cumulative', align: 'right', render: (v) => fmtNum(v) },
          { title: t('cockpit.yoy'), dataIndex: 'yoyPct', align: 'right', render: (v) => signedPct(v) },
          { title: t('cockpit.target'), dataIndex: 'target', align: 'right', render: (v) => fmtNum(v) },
          {
            title: t('cockpit.completionShort'),
            dataIndex: 'completionPct',
            align: 'right',
            render: (v: number | null) => (v == null ? '—' : `${v.toFixed(2)}%`),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cockpit.reportWork')}
      </Typography.Title>
      <Descriptions size="small" bordered column={2}>
        {c.investment.stages.map((s) => (
          <Descriptions.Item key={s.key} label={`${t('cockpit.funnel')} · ${s.name}`}>
            {s.current}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('cockpit.light.red')}>{c.projects.red}</Descriptions.Item>
        <Descriptions.Item label={t('cockpit.light.yellow')}>{c.projects.yellow}</Descriptions.Item>
        <Descriptions.Item label={t('cockpit.light.green')}>{c.projects.green}</Descriptions.Item>
        <Descriptions.Item label={t('cockpit.onTimeRate')}>{c.approval.onTimeRate}%</Descriptions.Item>
        <Descriptions.Item label={`${t('cockpit.approval')} · ${t('cockpit.overdue')}`}>
          {c.approval.overdue}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpit.closureRate')}>{fmtNum(c.demands.closureRate)}%</Descriptions.Item>
        {c.efficiency &&
          (['A', 'B', 'C', 'D'] as const).map((k) => (
            <Descriptions.Item key={k} label={`${t('cockpit.efficiency')} · ${t('cockpit.cls', { cls: k })}`}>
              {c.efficiency?.classes[k]}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {c.league && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cockpit.league')} · {c.league.cycleName}
          </Typography.Title>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="departmentId"
            dataSource={c.league.rows}
            columns={[
              { title: t('cockpit.rank'), key: 'rank', render: (_, r) => `${r.class}${r.rank}` },
              { title: t('cockpit.department'), dataIndex: 'name' },
              { title: t('cockpit.score'), dataIndex: 'score', align: 'right', render: (v) => fmtNum(v) },
              { title: t('cockpit.grade'), dataIndex: 'grade', render: (g) => g ?? '—' },
            ]}
          />
        </>
      )}
    </div>
  );
}
