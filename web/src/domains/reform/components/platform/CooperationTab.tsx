import { type Cooperation, type CooperationInput, cooperationAreas, cooperationKinds } from '@shared/reform-platform';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from '../../../../shared/components/ListTable';
import { useEnumOptions } from '../../../../shared/format';
import { CooperationModal } from './CooperationModal';
import { figureColumn, yuan } from './format';
import { PlatformListTab, usePlatformCrud } from './PlatformListTab';

/** 合作清单: work commissioned by the committee (代建 / 购买服务) and market work, by area and year. */
export function CooperationTab() {
  const { t } = useTranslation();
  const crud = usePlatformCrud<Cooperation, CooperationInput>('cooperation');
  const kinds = useEnumOptions(cooperationKinds, 'reform.platform.kind');
  const areas = useEnumOptions(cooperationAreas, 'reform.platform.area');
  const columns: ListColumn<Cooperation>[] = [
    { key: 'title', title: t('reform.platform.title'), dataIndex: 'title', alwaysVisible: true },
    { key: 'area', title: t('reform.platform.areaLabel'), render: (_, r) => t(`reform.platform.area.${r.area}`) },
    {
      key: 'kind',
      title: t('reform.platform.kindLabel'),
      sortable: true,
      render: (_, r) => (
        <Tag color={r.kind === 'commissioned' ? 'blue' : 'green'}>
          {t(`reform.platform.kind.${r.kind}`)}
          {r.mode ? ` · ${t(`reform.platform.mode.${r.mode}`)}` : ''}
        </Tag>
      ),
    },
    figureColumn('contractFen', t('reform.platform.contract'), (r) => yuan(r.contractFen), true),
    { key: 'year', title: t('reform.platform.year'), sortable: true, dataIndex: 'year' },
  ];
  return (
    <PlatformListTab
      crud={crud}
      columns={columns}
      rowName={(r) => r.title}
      linkOnly={['year']}
      filters={[
        { name: 'kind', label: t('reform.platform.kindLabel'), options: kinds, width: 140 },
        { name: 'area', label: t('reform.platform.areaLabel'), options: areas, width: 120 },
      ]}
      modal={<CooperationModal crud={crud} />}
    />
  );
}
