import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../../shared/components/EntityFormModal';
import type { ZodFieldProps } from '../../../../shared/validation';
import type { PlatformCrud } from './PlatformListTab';

/** The create/edit dialog of a platform-company list: the record under edit, or `initialValues` for a new one. */
export function PlatformFormModal<T extends { id: string; code: string } & Partial<V>, V extends object>(props: {
  crud: PlatformCrud<T, V>;
  name: string;
  title: ReactNode;
  initialValues: Partial<V>;
  children: ReactNode;
}) {
  const { crud } = props;
  return (
    <EntityFormModal<V>
      name={props.name}
      open={crud.open}
      form={crud.form}
      title={props.title}
      initialValues={crud.editing ?? props.initialValues}
      onClose={crud.close}
      onSubmit={crud.save}
    >
      {props.children}
    </EntityFormModal>
  );
}

/** The code and title inputs that open the matter and cooperation forms. */
export function CodeTitleItems({ field }: { field: (name: 'code' | 'title') => ZodFieldProps }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('reform.platform.code')} {...field('code')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.platform.title')} {...field('title')}>
        <Input />
      </Form.Item>
    </>
  );
}
