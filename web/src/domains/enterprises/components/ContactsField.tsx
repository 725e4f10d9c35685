import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { contactSchema } from '@shared/enterprises';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../shared/validation';

/** 联系人 as a Form.List: name, phone, role per row (validated with the shared contact schema). */
export function ContactsField() {
  const { t } = useTranslation();
  const rule = (key: 'name' | 'phone' | 'role') => [zodRule(contactSchema.shape[key], t, key !== 'role')];
  return (
    <Form.Item label={t('enterprises.contacts')}>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="baseline">
                <Form.Item name={[name, 'name']} rules={rule('name')} style={{ marginBottom: 0, flex: 1 }}>
                  <Input placeholder={t('enterprises.contactName')} aria-label={t('enterprises.contactName')} />
                </Form.Item>
                <Form.Item name={[name, 'phone']} rules={rule('phone')} style={{ marginBottom: 0, flex: 1 }}>
                  <Input
                    placeholder={t('enterprises.contactPhone')}
                    aria-label={t('enterprises.contactPhone')}
                    inputMode="tel"
                  />
                </Form.Item>
                <Form.Item name={[name, 'role']} rules={rule('role')} style={{ marginBottom: 0, flex: 1 }}>
                  <Input placeholder={t('enterprises.contactRole')} aria-label={t('enterprises.contactRole')} />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => remove(name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '', role: '' })}>
              {t('enterprises.addContact')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
