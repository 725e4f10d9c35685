import { SIGNING_STAGE, type Stage } from '@shared/investment';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { PIPELINE, useHistory, useProject, useSettings, wan } from '../api';
import { ActivityLog } from './ActivityLog';
import { GreenCardPanel } from './GreenCardPanel';

interface MoveValues {
  summary: string;
  documentNo?: string;
  date: dayjs.Dayjs;
  creditCode?: string;
  enterpriseName?: string;
  industryCode?: string;
  level?: string;
  plannedStart?: dayjs.Dayjs;
  plannedCompletion?: dayjs.Dayjs;
}

/** One project: figures, the next stage with its evidence, pending approval, and the log of moves and opinions. */
export function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const project = useProject(id);
  const history = useHistory(id);
  const settings = useSettings();
  const canWrite = useCan('investment.write');
  const canApprove = useCan('investment.approve');
  const [form] = Form.useForm<MoveValues>();
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const p = project.data;
  const stages: Stage[] = p && settings.data ? settings.data.stageSets[p.type] : [];
  const next = p ? stages[p.stageIndex + 1] : undefined;
  const pending = history.data?.moves.find((m) => m.status === 'pending');

  const refresh = () => client.invalidateQueries({ queryKey: [PIPELINE] });
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await f();
      message.success(ok);
      await refresh();
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const request = (v: MoveValues) =>
    run(
      () =>
        api.post(`${PIPELINE}/${id}/moves`, {
          toStage: next?.key,
          evidence: { summary: v.summary, documentNo: v.documentNo ?? '', date: v.date.format('YYYY-MM-DD') },
          enterprise:
            next?.key === SIGNING_STAGE
              ? { creditCode: v.creditCode, name: v.enterpriseName, industryCode: v.industryCode }
              : null,
          keyProject:
            next?.key === SIGNING_STAGE
              ? {
                  level: v.level,
                  plannedStart: v.plannedStart?.format('YYYY-MM-DD'),
                  plannedCompletion: v.plannedCompletion?.format('YYYY-MM-DD'),
                }
              : null,
        }),
      t('investment.moveRequested'),
    ).then(() => form.resetFields());

  const decide = (verb: 'approve' | 'reject') =>
    run(
      () => api.post(`/api/investment/moves/${pending?.id}/${verb}`, { opinion }),
      t(verb === 'approve' ? 'investment.approved' : 'investment.rejected'),
    ).then(() => setOpinion(''));

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={720} title={p?.name ?? ''} destroyOnHidden>
      {!p ? (
        <Empty />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('investment.stage')}>
              <Tag color="blue">{p.stageName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('investment.typeLabel')}>{t(`investment.type.${p.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('investment.investor')}>{p.investor || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('investment.team')}>{p.teamName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('investment.agreedWan')}>{wan(p.agreedInvestmentFen)}</Descriptions.Item>
            <Descriptions.Item label={t('investment.outsideWan')}>{wan(p.fundsOutsideProvinceFen)}</Descriptions.Item>
            <Descriptions.Item label={t('investment.abroad')}>
              {p.fundsAbroadUsdCents > 0
                ? `US$ ${(p.fundsAbroadUsdCents / 100).toLocaleString('en-US')} × ${p.usdRate} = ${wan(p.fundsAbroadFen)} ${t('investment.wan')}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('investment.flags')}>
              <Space size={4} wrap>
                {(['fortune500', 'listed', 'xiangshangReturn'] as const)
                  .filter((f) => p[f])
                  .map((f) => (
                    <Tag key={f} color="gold">
                      {t(`investment.flag.${f}`)}
                    </Tag>
                  ))}
              </Space>
            </Descriptions.Item>
            {p.signedOn && <Descriptions.Item label={t('investment.signedOn')}>{p.signedOn}</Descriptions.Item>}
            {p.keyProjectId && (
              <Descriptions.Item label={t('projects.keyProject')}>
                <Link to={`/projects?open=${p.keyProjectId}`}>{t('projects.openKeyProject')}</Link>
              </Descriptions.Item>
            )}
            {p.enterpriseId && (
              <Descriptions.Item label={t('investment.enterprise')}>
                <Link to={`/enterprises/${p.enterpriseId}`}>{t('investment.openEnterprise')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {p.plan && <Typography.Paragraph type="secondary">{p.plan}</Typography.Paragraph>}

          {pending ? (
            <Flex vertical gap={8} style={{ padding: 12, background: '#fffbe6', borderRadius: 8 }}>
              <Typography.Text strong>
                {t('investment.pendingMove', {
                  stage: stages.find((s) => s.key === pending.toStage)?.name ?? pending.toStage,
                  name: pending.requestedByName,
                })}
              </Typography.Text>
              <Typography.Text>
                {t('investment.evidence')}: {pending.evidence.summary} {pending.evidence.documentNo}（
                {pending.evidence.date}）
              </Typography.Text>
              {canApprove && (
                <>
                  <Input.TextArea
                    aria-label={t('investment.opinion')}
                    placeholder={t('investment.opinion')}
                    value={opinion}
                    onChange={(e) => setOpinion(e.target.value)}
                    rows={2}
                  />
                  <Space>
                    <Button type="primary" loading={busy} disabled={!opinion.trim()} onClick={() => decide('approve')}>
                      {t('investment.approve')}
                    </Button>
                    <Button danger loading={busy} disabled={!opinion.trim()} onClick={() => decide('reject')}>
                      {t('investment.reject')}
                    </Button>
                  </Space>
                </>
              )}
            </Flex>
          ) : (
            next &&
            canWrite && (
              <Form<MoveValues>
                form={form}
                name="move"
                layout="vertical"
                onFinish={request}
                initialValues={{ date: dayjs(), level: 'district' }}
              >
                <Typography.Title level={5}>
                  {t('investment.moveTo', { stage: next.name })}
                  <Typography.Text type="secondary" style={{ fontSize: 13, marginLeft: 8 }}>
                    {t('investment.evidenceNeeded')}: {next.evidence}
                  </Typography.Text>
                </Typography.Title>
                <Form.Item name="summary" label={t('investment.evidence')} rules={[{ required: true, min: 4 }]}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name="documentNo" label={t('investment.documentNo')}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="date" label={t('investment.evidenceDate')} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                {next.key === SIGNING_STAGE && (
                  <Row gutter={12}>
                    <Col span={12}>
                      <Form.Item
                        name="enterpriseName"
                        label={t('investment.enterpriseName')}
                        rules={[{ required: true }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="creditCode" label={t('enterprises.creditCode')} rules={[{ required: true }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name="industryCode" label={t('investment.industryCode')} rules={[{ required: true }]}>
                        <Input placeholder="384" />
                      </Form.Item>
                    </Col>
                    <Col span={16}>
                      <Form.Item name="level" label={t('projects.level')} rules={[{ required: true }]}>
                        <Select
                          options={(['province_top10', 'city', 'district'] as const).map((l) => ({
                            value: l,
                            label: t(`projects.levels.${l}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="plannedStart" label={t('projects.plannedStart')} rules={[{ required: true }]}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item
                        name="plannedCompletion"
                        label={t('projects.plannedCompletion')}
                        rules={[{ required: true }]}
                      >
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('investment.requestMove')}
                </Button>
              </Form>
            )
          )}

          <GreenCardPanel projectId={p.id} signed={Boolean(p.signedOn)} canIssue={canApprove} />
          <ActivityLog projectId={p.id} teamId={p.teamId} canWrite={canWrite} />
          <Typography.Title level={5}>{t('investment.log')}</Typography.Title>
          <Timeline
            items={[
              ...(history.data?.moves ?? []).map((m) => ({
                key: m.id,
                color: m.status === 'approved' ? 'green' : m.status === 'rejected' ? 'red' : 'orange',
                at: m.requestedAt,
                children: (
                  <>
                    <Typography.Text strong>
                      {stages.find((s) => s.key === m.fromStage)?.name} →{' '}
                      {stages.find((s) => s.key === m.toStage)?.name} · {t(`investment.moveStatus.${m.status}`)}
                    </Typography.Text>
                    <div>
                      {m.requestedByName} · {formatDateTime(m.requestedAt, i18n.language)} · {m.evidence.summary}
                    </div>
                    {m.decidedByName && (
                      <div>
                        {m.decidedByName}: {m.opinion}
                        {m.daysInStage !== null && ` · ${t('investment.daysInStage', { n: m.daysInStage })}`}
                      </div>
                    )}
                  </>
                ),
              })),
              ...(history.data?.opinions ?? []).map((o) => ({
                key: o.id,
                color: 'gray',
                at: o.at,
                children: `${o.authorName} · ${formatDateTime(o.at, i18n.language)}：${o.text}`,
              })),
            ]
              .sort((a, b) => (a.at < b.at ? 1 : -1))
              .map(({ at: _a, ...item }) => item)}
          />
        </Flex>
      )}
    </Drawer>
  );
}
