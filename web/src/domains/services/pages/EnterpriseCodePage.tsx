import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../shared/api';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../../shared/session';
import { ENTERPRISE_CODES, inspectionUrl, useEnterpriseCode, useEnterpriseQr } from '../api';

/**
 * 企业码 card, printed and put up at the enterprise's door: inspectors register an inspection with this code (typed
 * in, or the URL opened from a scan), so the enterprise sees every inspection. Reissuing retires a leaked card.
 */
export default function EnterpriseCodePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const client = useQueryClient();
  const code = useEnterpriseCode(id);
  const qr = useEnterpriseQr(id, code.data?.code);
  const canReissue = useCan('inspections.reissue');
  const reissue = useMutation({
    mutationFn: () => api.post(`${ENTERPRISE_CODES}/${id}/reissue`),
    onSuccess: () => {
      message.success(t('services.done'));
      client.invalidateQueries({ queryKey: [ENTERPRISE_CODES, id] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (code.isLoading) return <PageLoading />;
  const c = code.data;
  if (!c) {
    return (
      <Card variant="borderless">
        <Empty description={t('services.notFound')} />
      </Card>
    );
  }
  const url = inspectionUrl(c.code);
  const grouped = `${c.code.slice(0, 5)} ${c.code.slice(5)}`;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <style>
        {
          '@media print { .no-print, .ant-layout-sider, .ant-layout-header, .ant-breadcrumb { display: none !important; } .code-card { box-shadow: none !important; break-inside: avoid; } }'
        }
      </style>
      <Space className="no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('services.inspection.print')}
        </Button>
        {canReissue && (
          <Popconfirm title={t('services.inspection.reissueConfirm')} onConfirm={() => reissue.mutate()}>
            <Button icon={<ReloadOutlined />} loading={reissue.isPending}>
              {t('services.inspection.reissue')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Card
        className="code-card"
        style={{ maxWidth: 420, margin: '0 auto', textAlign: 'center', border: '3px solid #c41d1d' }}
        aria-label={t('services.inspection.cardTitle')}
      >
        <Typography.Title level={4} style={{ color: '#c41d1d', marginTop: 0 }}>
          {t('services.inspection.cardTitle')}
        </Typography.Title>
        <Typography.Title level={5}>{c.enterpriseName}</Typography.Title>
        <Typography.Text type="secondary">{c.creditCode}</Typography.Text>
        <div style={{ width: 220, height: 220, margin: '16px auto 0' }}>
          {qr.url ? (
            <img
              src={qr.url}
              alt={t('services.inspection.qrAlt')}
              data-testid="enterprise-qr"
              width={220}
              height={220}
              style={{ display: 'block' }}
            />
          ) : (
            !qr.error && <Spin />
          )}
        </div>
        <Typography.Text strong>{t('services.inspection.scanHint')}</Typography.Text>
        <div
          data-testid="enterprise-code"
          style={{ fontFamily: 'monospace', fontSize: 34, letterSpacing: 4, margin: '12px 0', fontWeight: 700 }}
        >
          {grouped}
        </div>
        <Typography.Paragraph style={{ fontSize: 13 }}>{t('services.inspection.cardHint')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: url }} style={{ wordBreak: 'break-all', fontSize: 12 }}>
          {url}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('services.inspection.issuedAt')} {formatDateTime(c.issuedAt, i18n.language)}
        </Typography.Text>
      </Card>
    </Space>
  );
}
