import { type Financing, type FinancingInput, financingKinds } from '@shared/reform-platform';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListColumn, ListFilter } from '../../../../shared/components/ListTable';
import { useEnumOptions } from '../../../../shared/format';
import { FinancingModal } from './FinancingModal';
import { figureColumn, rate, yuan } from './format';
import { PlatformListTab, usePlatformCrud } from './PlatformListTab';

/** A filter on a 'true' / 'false' query parameter. */
const yesNo = (name: string, label: string, yes: string, no: string): ListFilter => ({
  name,
  label,
  options: [
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ],
  width: 120,
});

/** 融资台账: the company's financing; a refinancing (置换) names the record it replaces and the interest saved. */
export function FinancingTab() {
  const { t } = useTranslation();
  const crud = usePlatformCrud<Financing, FinancingInput>('financing');
  const kinds = useEnumOptions(financingKinds, 'reform.platform.financingKind');
  const columns: ListColumn<Financing>[] = [
    { key: 'lender', title: t('reform.platform.lender'), dataIndex: 'lender', alwaysVisible: true },
    {
      key: 'kind',
      title: t('reform.platform.financingKindLabel'),
      render: (_, r) => t(`reform.platform.financingKind.${r.kind}`),
    },
    figureColumn('principalFen', t('reform.platform.principal'), (r) => yuan(r.principalFen), true),
    figureColumn('rateBp', t('reform.platform.rate'), (r) => rate(r.rateBp), true),
    { key: 'startOn', title: t('reform.platform.startOn'), sortable: true, dataIndex: 'startOn' },
    { key: 'endOn', title: t('reform.platform.endOn'), dataIndex: 'endOn' },
    {
      key: 'replaces',
      title: t('reform.platform.replaces'),
      render: (_, r) =>
        r.replacesCode ? (
          `${r.replacesCode}（${rate(r.replacedRateBp)}）`
        ) : r.replaced ? (
          <Tag>{t('reform.platform.replaced')}</Tag>
        ) : (
          '—'
        ),
    },
    figureColumn('saved', t('reform.platform.savedYearly'), (r) => yuan(r.yearlyInterestSavedFen)),
  ];
  return (
    <PlatformListTab
      crud={crud}
      columns={columns}
      rowName={(r) => r.code}
      filters={[
        { name: 'kind', label: t('reform.platform.financingKindLabel'), options: kinds, width: 120 },
        yesNo(
          'refinancing',
          t('reform.platform.refinancingLabel'),
          t('reform.platform.refinancingYes'),
          t('reform.platform.refinancingNo'),
        ),
        yesNo(
          'outstanding',
          t('reform.platform.outstandingLabel'),
          t('reform.platform.outstandingYes'),
          t('reform.platform.replaced'),
        ),
      ]}
      modal={<FinancingModal crud={crud} />}
    />
  );
}
