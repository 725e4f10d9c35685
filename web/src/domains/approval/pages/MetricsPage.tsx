import { Card, Col, DatePicker, Empty, Flex, Row, Spin, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EChart } from '../../../shared/components/EChart';
import { useMetrics } from '../api';

const pct = (v: number) => `${v.toFixed(2)}%`;

/** 审批效能: the §2 metrics with per-department and per-item tables; every row drills to its cases. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = useMetrics({
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  });
  const m = query.data;
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('approval.metrics')}
        extra={<DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />}
      >
        {query.isPending ? (
          <Spin />
        ) : !m ? (
          <Empty />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('approval.onlineRate')}
                value={pct(m.onlineRate)}
                suffix={`(${m.onlineItems}/${m.items})`}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('approval.compression')} value={pct(m.compression)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('approval.avgDays')}
                value={m.avgWorkdays.toFixed(2)}
                suffix={t('approval.workdays')}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('approval.p90Days')}
                value={m.p90Workdays.toFixed(2)}
                suffix={t('approval.workdays')}
              />
            </Col>
            <Col xs={12} md={6}>
              <Link to="/approval/cases">
                <Statistic
                  title={t('approval.casesTotal')}
                  value={m.cases}
                  suffix={`(${t('approval.decided')} ${m.decided})`}
                />
              </Link>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('approval.onTimeRate')} value={pct(m.onTimeRate)} />
            </Col>
            <Col xs={12} md={6}>
              <Link to="/approval/cases?light=overdue">
                <Statistic
                  title={t('approval.overdueOpen')}
                  value={m.overdueOpen}
                  valueStyle={{ color: m.overdueOpen ? '#cf1322' : undefined }}
                />
              </Link>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('approval.materialsSaved')} value={m.bundleMaterialsSaved} />
            </Col>
          </Row>
        )}
      </Card>
      {m && m.byDepartment.length > 0 && (
        <Card title={t('approval.byDepartment')}>
          <EChart
            height={260}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 40, right: 40, top: 36, bottom: 70 },
              xAxis: { type: 'category', data: m.byDepartment.map((d) => d.name), axisLabel: { rotate: 20 } },
              yAxis: [{ type: 'value' }, { type: 'value', max: 100 }],
              series: [
                { name: t('approval.casesTotal'), type: 'bar', data: m.byDepartment.map((d) => d.cases) },
                {
                  name: t('approval.onTimeRate'),
                  type: 'line',
                  yAxisIndex: 1,
                  data: m.byDepartment.map((d) => d.onTimeRate),
                },
              ],
            }}
            onClick={(p) => {
              const d = m.byDepartment[p.dataIndex];
              if (d) navigate(`/approval/cases?leadDepartmentId=${d.departmentId}`);
            }}
          />
          <Table
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={m.byDepartment}
            columns={[
              {
                title: t('approval.department'),
                dataIndex: 'name',
                render: (v: string, r) => <Link to={`/approval/cases?leadDepartmentId=${r.departmentId}`}>{v}</Link>,
              },
              { title: t('approval.casesTotal'), dataIndex: 'cases', align: 'right' },
              { title: t('approval.decided'), dataIndex: 'decided', align: 'right' },
              { title: t('approval.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
              {
                title: t('approval.avgDays'),
                dataIndex: 'avgWorkdays',
                align: 'right',
                render: (v: number) => v.toFixed(2),
              },
            ]}
          />
        </Card>
      )}
      {m && m.byItem.length > 0 && (
        <Card title={t('approval.byItem')}>
          <Table
            size="small"
            rowKey="itemId"
            pagination={{ pageSize: 20 }}
            dataSource={m.byItem}
            columns={[
              {
                title: t('approval.item'),
                dataIndex: 'name',
                render: (v: string, r) => <Link to={`/approval/cases?itemId=${r.itemId}`}>{v}</Link>,
              },
              { title: t('approval.casesTotal'), dataIndex: 'cases', align: 'right' },
              { title: t('approval.decided'), dataIndex: 'decided', align: 'right' },
              { title: t('approval.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
              {
                title: t('approval.avgDays'),
                dataIndex: 'avgWorkdays',
                align: 'right',
                render: (v: number) => v.toFixed(2),
              },
              { title: t('approval.compression'), dataIndex: 'compression', align: 'right', render: pct },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
