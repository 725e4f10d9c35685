import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useSession } from '../../../shared/session';
import { yuan } from '../../policies/api';
import { useUnderstandingCard } from '../api';

/**
 * 明白卡: what the enterprise may claim (published policies whose conditions it meets, with its application state),
 * its chief service officer, and which department to call for each kind of demand. /services/card is one's own.
 */
export default function UnderstandingCardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const enterpriseId = id ?? session?.user.enterpriseId ?? undefined;
  const card = useUnderstandingCard(enterpriseId);
  if (card.isLoading) return <PageLoading />;
  const c = card.data;
  if (!c) {
    return (
      <Card variant="borderless">
        <Empty description={t('services.notFound')} />
      </Card>
    );
  }
  return (
    <Card
      variant="borderless"
      title={`${t('services.card.title')} · ${c.enterpriseName}`}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('services.inspection.print')}
        </Button>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('services.officers.creditCode')}>{c.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('services.card.officer')}>
          {c.officer ? `${c.officer.name}（${c.officer.departmentName}）${c.officer.phone}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('services.card.contacts')} span={2}>
          <Space wrap>
            {c.contacts.length === 0
              ? '—'
              : c.contacts.map((k) => (
                  <Tag key={k.tag}>
                    {t(`services.tag.${k.tag}`)} → {k.departmentName}
                  </Tag>
                ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('services.card.policies', { count: c.policies.length })}</Typography.Title>
      <List
        dataSource={c.policies}
        locale={{ emptyText: t('services.card.noPolicies') }}
        renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <Link to={`/policies/${p.policyId}`}>{p.title}</Link>
              <Tag color={p.mode === 'auto' ? 'gold' : 'blue'}>{t(`policies.mode.${p.mode}`)}</Tag>
              {p.amountFen !== null && <span>{yuan(p.amountFen)}</span>}
              {p.issuer && <Typography.Text type="secondary">{p.issuer}</Typography.Text>}
              <Tag>
                {p.applicationStatus ? t(`policies.appStatus.${p.applicationStatus}`) : t('services.card.notApplied')}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
