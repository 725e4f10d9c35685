import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../shared/hooks/useLogout';
import { useSession } from '../../shared/session';

export function UserMenu({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const logout = useLogout();
  if (!session) return null;

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('menu.profile') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
    { key: 'logoutAll', icon: <PoweroffOutlined />, label: t('auth.logoutAll'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    else if (key === 'logout') void logout(false);
    else if (key === 'logoutAll') {
      modal.confirm({
        title: t('auth.logoutAll'),
        content: t('auth.logoutAllConfirm'),
        okText: t('auth.logoutAll'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () => logout(true),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('header.userMenu')} style={{ paddingInline: 6 }}>
        <Avatar size="small" style={{ backgroundColor: '#1f5fbf' }} icon={<UserOutlined />} />
        {!compact && <span>{session.user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
