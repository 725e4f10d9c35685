import type { Score } from '@shared/performance';
import { Card, Col, Empty, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';

/** Zone league tables of departments, one per class (A 投资服务类 / B 综合协调类), chart and ranking. */
export function LeagueTable({ scores, loading }: { scores: Score[]; loading: boolean }) {
  const { t } = useTranslation();
  if (!loading && scores.length === 0) return <Empty description={t('performance.noScores')} />;
  return (
    <Row gutter={[16, 16]}>
      {(['A', 'B'] as const).map((cls) => {
        const rows = scores.filter((s) => s.departmentClass === cls);
        return (
          <Col xs={24} lg={12} key={cls}>
            <Card title={t(`performance.class.${cls}`)} size="small">
              <EChart
                ariaLabel={t(`performance.class.${cls}`)}
                height={Math.max(160, rows.length * 36 + 40)}
                loading={loading}
                option={{
                  grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
                  yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.departmentName) },
                  series: [
                    {
                      type: 'bar',
                      name: t('performance.score'),
                      data: rows.map((r) => r.score),
                      label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
                    },
                  ],
                }}
              />
              <Table<Score>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={rows}
                columns={[
                  { key: 'rank', dataIndex: 'rank', title: t('performance.rank'), width: 70 },
                  { key: 'dept', dataIndex: 'departmentName', title: t('performance.department') },
                  {
                    key: 'score',
                    title: t('performance.score'),
                    align: 'right',
                    render: (_, r) => r.score.toFixed(2),
                  },
                ]}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
