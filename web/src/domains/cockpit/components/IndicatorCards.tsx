import type { ZoneCockpit } from '@shared/cockpit';
import { Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fmtNum, signedPct } from '../api';

type Indicator = ZoneCockpit['indicators'][number];
const STATUS_COLOR = { red: 'red', green: 'green', normal: 'blue', none: 'default' } as const;

/** Key indicators: 1–N月 cumulative, YoY (flagged by the alert lines) and completion against time progress. */
export function IndicatorCards(props: {
  indicators: Indicator[];
  year: number;
  month: number;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = (r: Indicator) => (i18n.language === 'en-US' && r.nameEn ? r.nameEn : r.name);
  return (
    <Row gutter={[12, 12]}>
      {props.indicators.slice(0, 8).map((r) => (
        <Col key={r.indicatorId} xs={12} md={8} xl={6} xxl={3}>
          <Card
            size="small"
            hoverable
            onClick={() => props.onSelect(r.indicatorId)}
            style={{ height: '100%', borderColor: r.indicatorId === props.selected ? '#1677ff' : undefined }}
            data-testid={`kpi-${r.code}`}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
                {name(r)}
              </Typography.Text>
              <Link
                to={`/economy?year=${props.year}&month=${props.month}`}
                onClick={(e) => e.stopPropagation()}
                aria-label={t('cockpit.drillIndicator', { name: name(r) })}
              >
                <Typography.Text strong style={{ fontSize: 22 }}>
                  {fmtNum(r.cumulative)}
                </Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i18n.language === 'en-US' && r.unitEn ? r.unitEn : r.unit}
                </Typography.Text>
              </Link>
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }}>
                  {t('cockpit.yoy')} {signedPct(r.yoyPct)}
                </Tag>
              </Space>
              {r.completionPct != null ? (
                <Progress
                  percent={Math.min(100, r.completionPct)}
                  success={{ percent: Math.min(100, r.timeProgressPct) }}
                  format={() => `${r.completionPct?.toFixed(1)}%`}
                  status={r.completionPct >= r.timeProgressPct ? 'normal' : 'exception'}
                  size="small"
                />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cockpit.noTarget')}
                </Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
