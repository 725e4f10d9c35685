import type { User } from '@shared/users';
import { resetPasswordSchema } from '@shared/users';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useZodFields } from '../../../shared/validation';
import { USERS } from '../api';

interface Props {
  user: User | null;
  onClose: () => void;
}

export function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const field = useZodFields(resetPasswordSchema);
  return (
    <EntityFormModal<{ password: string }>
      name="resetPassword"
      open={user !== null}
      form={form}
      title={t('users.resetPasswordTitle', { name: user?.username ?? '' })}
      okText={t('users.resetPassword')}
      successMessage={t('users.passwordReset')}
      onClose={onClose}
      onSubmit={(values) => api.post(`${USERS}/${user?.id}/reset-password`, values)}
    >
      <Alert type="info" showIcon title={t('users.resetPasswordNotice')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('users.newPassword')} {...field('password')} extra={t('profile.passwordHelp')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </EntityFormModal>
  );
}
