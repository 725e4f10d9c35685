import { Alert, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileUpload } from '../../../shared/components/FileUpload';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format';
import { useDemand, useDemandHistory } from '../api';
import { DemandActions } from '../components/DemandActions';
import { DemandStatusTag, DueDate } from '../components/DemandStatusTag';

/** One demand: what was asked, who handles it, the three limits, evidence, satisfaction and its history. */
export default function DemandDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const demand = useDemand(id);
  const history = useDemandHistory(id);
  if (demand.isLoading) return <PageLoading />;
  const d = demand.data;
  if (!d) {
    return (
      <Card variant="borderless">
        <Empty description={t('services.notFound')} />
      </Card>
    );
  }
  const dash = (v: string | null) => v ?? '—';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        variant="borderless"
        title={
          <Space wrap>
            <Typography.Text type="secondary">{d.serial}</Typography.Text>
            <span>{d.title}</span>
          </Space>
        }
        extra={<DemandStatusTag demand={d} />}
      >
        {d.deadlineProvisional && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('services.provisionalHint')} />
        )}
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('services.enterprise')}>
            <Link to={`/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.sourceLabel')}>{t(`services.source.${d.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('services.tags')} span={2}>
            {d.tags.map((tag) => (
              <Tag key={tag}>{t(`services.tag.${tag}`)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.content')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.content}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.handler')}>
            {d.departmentName ??
              (d.externalBody ? `${t('services.whistle')}：${d.externalBody}` : t('services.unrouted'))}
            {d.whistleCode && (
              <Tag style={{ marginLeft: 8 }}>
                {d.whistleCode} ·{' '}
                {t(`reform.whistleStatus.${d.whistleStatus}`, { defaultValue: d.whistleStatus ?? '' })}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.contactName')}>
            {[d.contactName, d.contactPhone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.receivedOn')}>{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('services.cycleStartOn')}>
            {d.cycleStartOn}
            {d.reopenCount > 0 && (
              <Tag style={{ marginLeft: 8 }}>{t('services.reopened', { count: d.reopenCount })}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.signDue')}>
            <DueDate date={d.signDue} provisional={d.deadlineProvisional} /> · {t('services.doneOn')} {dash(d.signedOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.replyDue')}>
            <DueDate date={d.replyDue} provisional={d.deadlineProvisional} /> · {t('services.doneOn')}{' '}
            {dash(d.repliedOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.resolveDue')}>
            <DueDate date={d.resolveDue} provisional={d.deadlineProvisional} />
            {d.complex && <Tag style={{ marginLeft: 8 }}>{t('services.complex')}</Tag>} · {t('services.doneOn')}{' '}
            {dash(d.resolvedOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.onTime')}>
            {d.onTime === null ? '—' : d.onTime ? t('services.yes') : t('services.no')}
          </Descriptions.Item>
          {d.reply && (
            <Descriptions.Item label={t('services.replyLabel')} span={2}>
              {d.reply}
            </Descriptions.Item>
          )}
          {d.resolution && (
            <Descriptions.Item label={t('services.resolution')} span={2}>
              <Space direction="vertical">
                <span>{d.resolution}</span>
                {d.evidenceNote && <Typography.Text type="secondary">{d.evidenceNote}</Typography.Text>}
                {d.evidenceFileIds.length > 0 && <FileUpload value={d.evidenceFileIds} disabled />}
              </Space>
            </Descriptions.Item>
          )}
          {d.satisfaction && (
            <Descriptions.Item label={t('services.satisfactionLabel')} span={2}>
              {t(`services.satisfaction.${d.satisfaction}`)}
              {d.callbackChannel && ` · ${t(`services.channel.${d.callbackChannel}`)}`}
              {d.satisfactionComment && ` · ${d.satisfactionComment}`}
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <DemandActions demand={d} />
        </div>
      </Card>
      <Card variant="borderless" title={t('services.history')} loading={history.isLoading}>
        {history.data?.length === 0 && <Empty description={t('services.noHistory')} />}
        <Timeline
          items={(history.data ?? []).map((h) => ({
            children: (
              <Space direction="vertical" size={0}>
                <span>
                  <b>{t(`services.event.${h.action}`, { defaultValue: h.action })}</b> ·{' '}
                  {h.actorName ?? t('services.system')}
                </span>
                <Typography.Text type="secondary">{formatDateTime(h.at, i18n.language)}</Typography.Text>
                {h.note && <span>{h.note}</span>}
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
