import { ArrowRightOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@shared/roles';
import { Avatar, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { accessibleRoutes, canAccess } from '../../../app/access';
import { APP_ROUTES } from '../../../app/routes';
import { formatDateTime, localName } from '../../../shared/format';
import { useSession } from '../../../shared/session';
import { useZoneId } from '../../../shared/zone';

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const zoneId = useZoneId();
  if (!session) return null;
  const { user } = session;
  const zone = session.zones.find((z) => z.id === zoneId) ?? session.zones.find((z) => z.id === user.zoneId);
  const modules = accessibleRoutes(APP_ROUTES, session.permissions).filter(
    (r) => r.description && !(r.menuHiddenWith && canAccess(session.permissions, r.menuHiddenWith)),
  );

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex gap={16} align="center" wrap>
          <Avatar size={56} icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf', flex: 'none' }} />
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('home.welcome', { name: user.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.subtitle')}</Typography.Text>
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'username', label: t('auth.username'), children: user.username },
            { key: 'role', label: t('home.role'), children: <Tag color="blue">{t(`enums.role.${user.role}`)}</Tag> },
            {
              key: 'zone',
              label: t('home.zone'),
              children: zone ? localName(zone, i18n.language) : t('home.allZones'),
            },
            {
              key: 'today',
              label: t('home.today'),
              children: formatDateTime(new Date().toISOString(), i18n.language).slice(0, 10),
            },
          ]}
        />
      </Card>

      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('home.modulesTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {modules.map((r) => (
          <Col key={r.key} xs={24} sm={12} lg={8} xxl={6}>
            <Card
              hoverable
              variant="borderless"
              onClick={() => navigate(r.path)}
              role="link"
              aria-label={t(r.label)}
              style={{ height: '100%' }}
            >
              <Flex gap={12} align="flex-start">
                <span style={{ fontSize: 28, color: '#1f5fbf', lineHeight: 1 }}>{r.icon}</span>
                <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong>{t(r.label)}</Typography.Text>
                  <Typography.Text type="secondary">{t(r.description ?? '')}</Typography.Text>
                </Flex>
                <ArrowRightOutlined style={{ color: '#bfbfbf' }} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>

      <Card variant="borderless" title={t('home.permissionsTitle')} size="small">
        <Flex wrap gap={8}>
          {(session.permissions as Permission[]).map((p) => (
            <Tag key={p}>{t(`permission.${p}`, { defaultValue: p })}</Tag>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
