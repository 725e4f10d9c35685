import { locales } from '@shared/auth';
import { type User, type UserCreate, type UserUpdate, userCreateSchema, userUpdateSchema } from '@shared/users';
import { Form, type FormInstance, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useZodFields } from '../../../shared/validation';
import { normaliseScope, UserScopeFields } from './UserScopeFields';

export type UserFormValues = UserCreate & { disabled?: boolean };

interface Props {
  open: boolean;
  editing: User | null;
  form: FormInstance<UserFormValues>;
  onClose: () => void;
  onSubmit: (values: UserCreate | UserUpdate) => Promise<unknown>;
}

export function UserFormModal({ open, editing, form, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const createField = useZodFields(userCreateSchema);
  const updateField = useZodFields(userUpdateSchema);
  const localeOptions = useEnumOptions(locales, 'locale');

  const submit = (values: UserFormValues) => {
    const scoped = normaliseScope(values);
    if (editing) {
      const { username: _u, password: _p, ...update } = scoped;
      return onSubmit({ ...update, disabled: Boolean(update.disabled) } as UserUpdate);
    }
    const { disabled: _d, ...create } = scoped;
    return onSubmit(create);
  };

  return (
    <EntityFormModal<UserFormValues>
      name="user"
      open={open}
      form={form}
      title={editing ? t('users.editTitle', { name: editing.username }) : t('users.createTitle')}
      initialValues={editing ?? { locale: 'zh-CN', role: 'dept_staff' }}
      onClose={onClose}
      onSubmit={submit}
    >
      {!editing && (
        <>
          <Form.Item label={t('users.username')} {...createField('username')} extra={t('users.usernameHelp')}>
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item label={t('users.initialPassword')} {...createField('password')} extra={t('profile.passwordHelp')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('users.displayName')} {...updateField('displayName')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('users.locale')} {...updateField('locale')}>
        <Select options={localeOptions} />
      </Form.Item>
      <UserScopeFields />
      {editing && (
        <Form.Item label={t('users.disabled')} name="disabled" valuePropName="checked" extra={t('users.disabledHelp')}>
          <Switch />
        </Form.Item>
      )}
    </EntityFormModal>
  );
}
