import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch';
import { UserMenu } from './UserMenu';
import { ZoneSwitcher } from './ZoneSwitcher';

interface Props {
  isMobile: boolean;
  onOpenMenu: () => void;
}

export function HeaderBar({ isMobile, onOpenMenu }: Props) {
  const { t } = useTranslation();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        position: 'sticky',
        top: 0,
        zIndex: 10,
        borderBottom: '1px solid #e8ecf2',
        paddingInline: isMobile ? 8 : 16,
      }}
    >
      {isMobile && (
        <Button type="text" icon={<MenuOutlined />} aria-label={t('header.openMenu')} onClick={onOpenMenu} />
      )}
      <Typography.Text strong ellipsis style={{ fontSize: isMobile ? 16 : 17, flex: '1 1 auto', minWidth: 0 }}>
        {isMobile ? t('app.shortName') : t('app.fullName')}
      </Typography.Text>
      <Flex align="center" gap={isMobile ? 2 : 8} style={{ flex: 'none' }}>
        <ZoneSwitcher compact={isMobile} />
        <LanguageSwitch compact={isMobile} size={isMobile ? 'small' : 'middle'} />
        <UserMenu compact={isMobile} />
      </Flex>
    </Layout.Header>
  );
}
