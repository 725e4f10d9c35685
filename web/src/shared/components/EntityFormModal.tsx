import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../forms';

interface Props<V> {
  /** Form name: prefixes input ids so they stay unique on the page. */
  name: string;
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Saves the values; a thrown ApiError puts its field errors under the inputs. */
  onSubmit: (values: V) => Promise<unknown>;
  successMessage?: string;
  okText?: ReactNode;
  width?: number;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}

/** Create/edit dialog: vertical form, client validation, server field errors, success toast. */
export function EntityFormModal<V extends object>(props: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const { form } = props;

  const finish = async (values: V) => {
    setSaving(true);
    try {
      await props.onSubmit(values);
      message.success(props.successMessage ?? t('common.saved'));
      props.onClose();
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 560}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<V>
        form={form}
        name={props.name}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={finish}
        onValuesChange={props.onValuesChange}
        preserve={false}
        scrollToFirstError
        style={{ marginTop: 16 }}
      >
        {props.children}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
