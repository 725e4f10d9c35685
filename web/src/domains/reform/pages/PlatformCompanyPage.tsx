import { Card, Col, Flex, Row, Statistic, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePlatformSummary } from '../api';
import { CooperationTab } from '../components/platform/CooperationTab';
import { FinancingTab } from '../components/platform/FinancingTab';
import { wan } from '../components/platform/format';
import { MattersTab } from '../components/platform/MattersTab';
import { PLATFORM_TABS, type PlatformTab } from '../components/platform/PlatformListTab';

/** 管委会+公司: major matters decided by the committee, cooperation list, financing and interest saved. */
export default function PlatformCompanyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (PLATFORM_TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as PlatformTab)
    : 'matters';
  const s = usePlatformSummary().data;
  const commissioned = s?.cooperation.find((c) => c.kind === 'commissioned');
  const market = s?.cooperation.find((c) => c.kind === 'market');
  // Money figures: the unit smaller and on the same line as the number (en-US "×10k yuan" wrapped under it).
  const inWan = {
    suffix: t('reform.platform.wan'),
    styles: { content: { whiteSpace: 'nowrap' as const }, suffix: { fontSize: 14 } },
  };
  return (
    <Flex vertical gap={16}>
      <Card title={t('reform.platform.summary')}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={4}>
            <Statistic title={t('reform.platform.stat.matters')} value={s?.matters.total ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('reform.platform.stat.awaiting')} value={s?.matters.byStatus.submitted ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('reform.platform.stat.commissioned')}
              value={wan(commissioned?.contractFen ?? 0)}
              {...inWan}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('reform.platform.stat.market')} value={wan(market?.contractFen ?? 0)} {...inWan} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('reform.platform.stat.avgRate')}
              value={s?.financing.avgRateBp ? `${(Number(s.financing.avgRateBp) / 100).toFixed(2)}%` : '—'}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              data-testid="interest-saved"
              title={t('reform.platform.stat.saved')}
              value={wan(s?.financing.yearlyInterestSavedFen ?? 0)}
              {...inWan}
            />
          </Col>
        </Row>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'matters', label: t('reform.platform.matters'), children: <MattersTab /> },
          { key: 'cooperation', label: t('reform.platform.cooperation'), children: <CooperationTab /> },
          { key: 'financing', label: t('reform.platform.financing'), children: <FinancingTab /> },
        ]}
      />
    </Flex>
  );
}
