import { PoweroffOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../../shared/hooks/useLogout';
import { useSession } from '../../../shared/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileForm } from '../components/ProfileForm';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const session = useSession();
  const logout = useLogout();
  if (!session) return null;

  const logoutAll = () =>
    modal.confirm({
      title: t('auth.logoutAll'),
      content: t('auth.logoutAllConfirm'),
      okText: t('auth.logoutAll'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => logout(true),
    });

  return (
    <Row gutter={[16, 16]}>
      {session.user.mustChangePassword && (
        <Col span={24}>
          <Alert type="warning" showIcon title={t('profile.mustChangeTitle')} description={t('profile.mustChange')} />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <ProfileForm />
      </Col>
      <Col xs={24} lg={12}>
        <ChangePasswordForm />
      </Col>
      <Col span={24}>
        <Card title={t('profile.sessionsTitle')} variant="borderless">
          <Typography.Paragraph type="secondary">{t('profile.sessionsHelp')}</Typography.Paragraph>
          <Button danger icon={<PoweroffOutlined />} onClick={logoutAll}>
            {t('auth.logoutAll')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
