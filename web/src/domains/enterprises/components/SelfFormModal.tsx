import { type Enterprise, type EnterpriseSelfInput, enterpriseSelfInputSchema } from '@shared/enterprises';
import { Form, type FormInstance, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useZodFields } from '../../../shared/validation';
import { ContactsField } from './ContactsField';

interface Props {
  open: boolean;
  enterprise: Enterprise;
  form: FormInstance<EnterpriseSelfInput>;
  onClose: () => void;
  onSubmit: (values: EnterpriseSelfInput) => Promise<unknown>;
}

/** What an enterprise user may change about itself: legal representative, building footprint, contacts. */
export function SelfFormModal({ open, enterprise, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const field = useZodFields(enterpriseSelfInputSchema);
  return (
    <EntityFormModal<EnterpriseSelfInput>
      name="enterprise-self"
      open={open}
      form={form}
      title={t('enterprises.selfEditTitle')}
      initialValues={{
        legalRep: enterprise.legalRep,
        buildingM2: enterprise.buildingM2,
        contacts: enterprise.contacts,
      }}
      onClose={onClose}
      onSubmit={onSubmit}
      width={680}
    >
      <Form.Item label={t('enterprises.legalRep')} {...field('legalRep', { required: false })}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label={t('enterprises.buildingM2')} {...field('buildingM2', { required: false })}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <ContactsField />
    </EntityFormModal>
  );
}
