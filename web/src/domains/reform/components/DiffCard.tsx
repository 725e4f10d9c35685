import type { AuthorityDiff, AuthorityVersion } from '@shared/reform';
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiff } from '../api';

type Entry = AuthorityDiff['added'][number];

/** Two versions side by side: retained / added / cancelled (the "49 + 30 − 19 → 79" of the seed articles). */
export function DiffCard({ versions, to }: { versions: AuthorityVersion[]; to?: string }) {
  const { t } = useTranslation();
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    const target = versions.find((v) => v.id === to) ?? versions[0];
    const previous = versions.find((v) => target && v.versionNo < target.versionNo);
    setPair({ from: previous?.id, to: target?.id });
  }, [versions, to]);
  const diff = useDiff(pair.from, pair.to);
  const options = versions.map((v) => ({ value: v.id, label: `V${v.versionNo} ${v.title}` }));
  const d = diff.data;
  const list = (rows: Entry[]) => (
    <Table<Entry>
      size="small"
      rowKey="code"
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { key: 'code', dataIndex: 'code', title: t('reform.authority.code'), width: 140 },
        { key: 'name', dataIndex: 'name', title: t('reform.authority.name') },
        {
          key: 'source',
          title: t('reform.authority.source'),
          width: 120,
          render: (_, r) => t(`reform.source.${r.source}`),
        },
      ]}
    />
  );
  return (
    <Card
      title={t('reform.authority.diffTitle')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('reform.authority.diffFrom')}
            style={{ width: 240 }}
            options={options}
            value={pair.from}
            onChange={(from) => setPair((p) => ({ ...p, from }))}
            placeholder={t('reform.authority.diffFrom')}
          />
          →
          <Select
            aria-label={t('reform.authority.diffTo')}
            style={{ width: 240 }}
            options={options}
            value={pair.to}
            onChange={(next) => setPair((p) => ({ ...p, to: next }))}
            placeholder={t('reform.authority.diffTo')}
          />
        </Space>
      }
    >
      {!pair.from || !pair.to ? (
        <Empty description={t('reform.authority.diffNeedsTwo')} />
      ) : diff.isError ? (
        <Alert type="error" message={(diff.error as Error).message} />
      ) : !d ? (
        <Card loading variant="borderless" />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Statistic title={t('reform.authority.before')} value={d.before} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('reform.source.retained')} value={d.counts.retained} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('reform.authority.added')}
                value={d.counts.added}
                prefix="+"
                valueStyle={{ color: '#389e0d' }}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('reform.source.cancelled')}
                value={d.counts.cancelled}
                prefix="−"
                valueStyle={{ color: '#cf1322' }}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('reform.authority.after')} value={d.after} />
            </Col>
          </Row>
          <Typography.Paragraph data-testid="diff-summary" strong>
            {t('reform.authority.diffSentence', {
              retained: d.counts.retained,
              added: d.counts.added,
              cancelled: d.counts.cancelled,
              after: d.after,
            })}
          </Typography.Paragraph>
          {d.mismatches.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('reform.authority.mismatches', { count: d.mismatches.length })}
              description={d.mismatches
                .map((m) => `${m.code} ${t(`reform.source.${m.source}`)} → ${t(`reform.source.${m.expected}`)}`)
                .join('；')}
            />
          )}
          <Tabs
            items={[
              { key: 'added', label: `${t('reform.authority.added')} (${d.counts.added})`, children: list(d.added) },
              {
                key: 'cancelled',
                label: `${t('reform.source.cancelled')} (${d.counts.cancelled})`,
                children: list(d.cancelled),
              },
              {
                key: 'retained',
                label: `${t('reform.source.retained')} (${d.counts.retained})`,
                children: list(d.retained),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
