import { EnvironmentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localName } from '../../shared/format';
import { SESSION_KEY, useSession } from '../../shared/session';
import { setZoneId, useZoneId } from '../../shared/zone';

/** Zone Select when the session can see several zones; the choice is sent as X-Zone-Id. */
export function ZoneSwitcher({ compact }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const zoneId = useZoneId();
  const client = useQueryClient();
  const { message } = App.useApp();
  const zones = session?.zones ?? [];

  if (zones.length === 0) return null;
  if (zones.length === 1) {
    const only = zones[0]!;
    if (compact) return null;
    return (
      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
        <EnvironmentOutlined /> {localName(only, i18n.language)}
      </Typography.Text>
    );
  }

  const onChange = (id: string) => {
    setZoneId(id);
    // Drop every zone-scoped cache so lists reload for the new zone.
    void client.resetQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    const zone = zones.find((z) => z.id === id);
    if (zone) message.success(t('header.zoneSwitched', { name: localName(zone, i18n.language) }));
  };

  return (
    <Select
      aria-label={t('header.zone')}
      title={t('header.zone')}
      value={zoneId ?? undefined}
      placeholder={t('header.zone')}
      onChange={onChange}
      prefix={compact ? undefined : <EnvironmentOutlined />}
      style={{ width: compact ? 112 : 220 }}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'label' }}
      options={zones.map((z) => ({ value: z.id, label: localName(z, i18n.language) }))}
    />
  );
}
