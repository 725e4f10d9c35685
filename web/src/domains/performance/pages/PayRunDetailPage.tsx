import type { PayLine } from '@shared/performance';
import { Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ExportButton } from '../../../shared/components/ExportButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { formatCoefficient } from '../../../shared/format';
import { formatFen, PAY_RUNS, usePayRun } from '../api';
import { GradeTag } from '../components/GradeTag';

/** A pay run's lines, each with the derivation of its amount, and the payroll office's Excel. */
export default function PayRunDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const run = usePayRun(id);
  if (run.isLoading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (!run.data) return <Empty description={t('errors.notFound')} />;
  const r = run.data;
  const fen = (v: number) => formatFen(v, i18n.language);
  const name =
    r.kind === 'advance'
      ? t('performance.pay.advanceName', { year: r.year, quarter: r.quarter })
      : t('performance.pay.settlementName', { year: r.year });
  const endpoint = `${PAY_RUNS}/${r.id}`;
  const columns: ListColumn<PayLine>[] = [
    { key: 'employeeNo', title: t('performance.employeeNo'), render: (_, l) => l.employeeNo },
    { key: 'staffName', title: t('performance.staffName'), sortable: true, alwaysVisible: true },
    { key: 'departmentName', title: t('performance.department') },
    { key: 'postName', title: t('performance.pay.post') },
    {
      key: 'postCoefficient',
      title: t('performance.pay.postCoef'),
      align: 'right',
      render: (_, l) => formatCoefficient(l.postCoefficient),
    },
    { key: 'grade', title: t('performance.gradeLabel'), render: (_, l) => <GradeTag grade={l.grade} /> },
    {
      key: 'gradeCoefficient',
      title: t('performance.pay.gradeCoef'),
      align: 'right',
      render: (_, l) => formatCoefficient(l.gradeCoefficient),
    },
    {
      key: 'shareFen',
      title: t('performance.pay.share'),
      sortable: true,
      align: 'right',
      render: (_, l) => fen(l.shareFen),
    },
    {
      key: 'advancesFen',
      title: t('performance.pay.advances'),
      align: 'right',
      defaultHidden: r.kind === 'advance',
      render: (_, l) => fen(l.advancesFen),
    },
    {
      key: 'amountFen',
      title: t('performance.pay.amount'),
      sortable: true,
      align: 'right',
      alwaysVisible: true,
      render: (_, l) => <strong>{fen(l.amountFen)}</strong>,
    },
    {
      key: 'flags',
      title: t('performance.pay.flags'),
      render: (_, l) =>
        l.flags.map((f) => (
          <Tag color="orange" key={f}>
            {t(`performance.pay.flag.${f}`)}
          </Tag>
        )),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/performance/pay">{t('menu.payRuns')}</Link>/<span>{name}</span>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('performance.pay.pool')}>{fen(r.poolFen)}</Descriptions.Item>
          <Descriptions.Item label={t('performance.pay.distributed')}>{fen(r.distributedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('performance.pay.people')}>{r.people}</Descriptions.Item>
          <Descriptions.Item label={t('performance.pay.cycle')}>{r.cycleName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('performance.pay.coefficients')}>
            {(['excellent', 'good', 'basic', 'fail'] as const)
              .map((g) => `${t(`performance.grade.${g}`)} ${formatCoefficient(r.params.gradeCoefficients[g])}`)
              .join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('performance.pay.advancePct')}>{r.params.advancePct}%</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('performance.pay.rule')}
        </Typography.Paragraph>
      </Card>
      <ListTable<PayLine>
        tableId="performance.payLines"
        endpoint={`${endpoint}/lines`}
        title={t('performance.pay.lines')}
        rowKey={(l) => l.id}
        columns={columns}
        searchPlaceholder={t('performance.pay.search')}
        toolbar={(query) => <ExportButton endpoint={endpoint} query={query} label={t('performance.pay.export')} />}
        expandable={{
          expandedRowRender: (l) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('performance.pay.derivDept', {
                dept: l.departmentName,
                weight: l.departmentWeight.toFixed(4),
                coef: formatCoefficient(l.departmentCoefficient),
                share: fen(l.departmentShareFen),
              })}
              <br />
              {t('performance.pay.derivPerson', {
                share: fen(l.departmentShareFen),
                post: formatCoefficient(l.postCoefficient),
                grade: formatCoefficient(l.gradeCoefficient),
                weight: l.weight.toFixed(4),
                sum: l.departmentWeightSum.toFixed(4),
                result: fen(l.shareFen),
              })}
              {l.extraFen && ` ${t('performance.pay.extraFen')}`}
              {r.kind === 'settlement' && (
                <>
                  <br />
                  {t('performance.pay.derivSettle', {
                    share: fen(l.shareFen),
                    adv: fen(l.advancesFen),
                    amount: fen(l.amountFen),
                  })}
                </>
              )}
            </Typography.Paragraph>
          ),
        }}
      />
    </Space>
  );
}
