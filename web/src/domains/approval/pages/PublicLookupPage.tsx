import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Input, Result, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';

interface PublicCase {
  caseNo: string;
  itemNames: string[];
  status: string;
  outcome: 'approved' | 'denied' | null;
  submittedOn: string | null;
  acceptedOn: string | null;
  committedDue: string | null;
  decidedOn: string | null;
  steps: { on: string; toStatus: string }[];
}

/** 办件进度查询: anyone with a case number sees its progress, without signing in and without personal data. */
export default function PublicLookupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('no') ?? '');
  const no = params.get('no') ?? '';
  const query = useQuery({
    queryKey: ['/api/public/approval/cases', no],
    queryFn: ({ signal }) => api.get<PublicCase>(`/api/public/approval/cases/${encodeURIComponent(no)}`, { signal }),
    enabled: no.length >= 6,
    retry: false,
  });
  const c = query.data;
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5' }}>
      <Card style={{ width: 720, alignSelf: 'flex-start' }} title={t('approval.lookup')} extra={<LanguageSwitch />}>
        <Typography.Paragraph type="secondary">{t('approval.lookupHint')}</Typography.Paragraph>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          enterButton={t('approval.lookupButton')}
          placeholder={t('approval.caseNo')}
          onSearch={(v) => setParams(v.trim() ? { no: v.trim().toUpperCase() } : {})}
          aria-label={t('approval.caseNo')}
        />
        {query.isError && <Result status="404" title={t('approval.notFound')} />}
        {c && (
          <div style={{ marginTop: 24 }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('approval.caseNo')}>{c.caseNo}</Descriptions.Item>
              <Descriptions.Item label={t('approval.chooseItems')}>{c.itemNames.join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('approval.status')}>
                <Tag color="blue" data-testid="public-status">
                  {t(`approval.statuses.${c.status}`)}
                </Tag>
                {c.outcome && (
                  <Tag color={c.outcome === 'approved' ? 'green' : 'red'}>{t(`approval.outcomes.${c.outcome}`)}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('approval.submittedOn')}>{c.submittedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('approval.acceptedOn')}>{c.acceptedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('approval.committedDue')}>{c.committedDue ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('approval.decidedOn')}>{c.decidedOn ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Steps
              direction="vertical"
              size="small"
              style={{ marginTop: 24 }}
              current={c.steps.length - 1}
              items={c.steps.map((s) => ({ title: t(`approval.statuses.${s.toStatus}`), description: s.on }))}
            />
            <Alert type="info" message={t('approval.publicNote')} />
          </div>
        )}
      </Card>
    </Flex>
  );
}
