import {
  type Cooperation,
  type CooperationInput,
  commissionModes,
  cooperationAreas,
  cooperationInputSchema,
  cooperationKinds,
} from '@shared/reform-platform';
import { Form, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../../shared/format';
import { useZodFields } from '../../../../shared/validation';
import { CodeTitleItems, PlatformFormModal } from './PlatformFormModal';
import type { PlatformCrud } from './PlatformListTab';

/** A cooperation item: area, commissioned or market (with the mode of commissioning), contract amount, year. */
export function CooperationModal({ crud }: { crud: PlatformCrud<Cooperation, CooperationInput> }) {
  const { t } = useTranslation();
  const field = useZodFields(cooperationInputSchema);
  const kinds = useEnumOptions(cooperationKinds, 'reform.platform.kind');
  const areas = useEnumOptions(cooperationAreas, 'reform.platform.area');
  const modes = useEnumOptions(commissionModes, 'reform.platform.mode');
  return (
    <PlatformFormModal
      crud={crud}
      name="platformCooperation"
      title={t('reform.platform.cooperation')}
      initialValues={{ kind: 'commissioned', year: dayjs().year(), contractFen: 0 }}
    >
      <CodeTitleItems field={field} />
      <Form.Item label={t('reform.platform.areaLabel')} {...field('area')}>
        <Select options={areas} />
      </Form.Item>
      <Form.Item label={t('reform.platform.kindLabel')} {...field('kind')}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item label={t('reform.platform.modeLabel')} {...field('mode')}>
        <Select allowClear options={modes} />
      </Form.Item>
      <Form.Item label={t('reform.platform.contractFen')} {...field('contractFen')}>
        <InputNumber style={{ width: '100%' }} min={0} precision={0} />
      </Form.Item>
      <Form.Item label={t('reform.platform.year')} {...field('year')}>
        <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} />
      </Form.Item>
    </PlatformFormModal>
  );
}
