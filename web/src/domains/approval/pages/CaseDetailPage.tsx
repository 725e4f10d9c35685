import { PrinterOutlined } from '@ant-design/icons';
import type { CaseAction } from '@shared/approval';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FileUpload } from '../../../shared/components/FileUpload';
import { formatDateTime } from '../../../shared/format';
import { useSession } from '../../../shared/session';
import { LIGHT_COLOR, useCase } from '../api';
import { ActionModal } from '../components/ActionModal';

const PRIMARY: CaseAction[] = ['accept', 'approve', 'resume', 'issue', 'resubmit', 'submit', 'verify', 'supplement'];
const DANGER: CaseAction[] = ['not_accept', 'deny', 'revoke', 'terminate', 'withdraw'];

/** 办件详情: clock, materials with files, steps, the actions the caller may take now, printable notices. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  if (query.isPending) return <Spin />;
  if (query.isError || !query.data) return <Result status="404" title={t('approval.notFound')} />;
  const c = query.data;
  const staff = !['enterprise', 'service_officer'].includes(session?.user.role ?? '');
  const k = c.clock;
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span>{c.caseNo}</span>
            <Tag color="blue">{t(`approval.statuses.${c.status}`)}</Tag>
            {c.outcome && (
              <Tag color={c.outcome === 'approved' ? 'green' : 'red'}>{t(`approval.outcomes.${c.outcome}`)}</Tag>
            )}
            {c.bundle && <Tag color="purple">{t('approval.bundle')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {(['acceptance', 'correction', 'decision'] as const).map((kind) => (
              <Link key={kind} to={`/approval/cases/${c.id}/notice/${kind}`}>
                <Button icon={<PrinterOutlined />}>{t(`approval.noticeKinds.${kind}`)}</Button>
              </Link>
            ))}
            {c.notices.map((n, i) => {
              const nth = c.notices.slice(0, i + 1).filter((x) => x.kind === n.kind).length;
              const many = c.notices.filter((x) => x.kind === n.kind).length > 1;
              return (
                <Link key={n.id} to={`/approval/cases/${c.id}/notice/${n.kind}?n=${n.id}`}>
                  <Button icon={<PrinterOutlined />}>
                    {t(`approval.noticeKinds.${n.kind}`)}
                    {many ? ` (${nth})` : ''}
                  </Button>
                </Link>
              );
            })}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('approval.chooseItems')}>{c.itemNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('approval.enterprise')}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('approval.leadDepartment')}>{c.leadDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('approval.mode')}>{t(`approval.modeNames.${c.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={t('approval.projectName')}>
            {c.projectCode ? (
              <Link to={`/approval/projects?code=${encodeURIComponent(c.projectCode)}`}>
                {c.projectName ?? c.projectCode}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('approval.agent')}>{c.agentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('approval.submittedOn')}>{c.submittedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('approval.acceptedOn')}>{c.acceptedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('approval.decidedOn')}>{c.decidedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
        {c.actions.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {c.actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY.includes(a) ? 'primary' : 'default'}
                danger={DANGER.includes(a)}
                onClick={() => setAction(a)}
              >
                {t(`approval.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Card title={t('approval.clock')}>
        {k.deemedAccepted && (
          <Alert type="warning" showIcon message={t('approval.deemedAccepted')} style={{ marginBottom: 12 }} />
        )}
        {k.provisional && (
          <Alert type="info" showIcon message={t('approval.provisional')} style={{ marginBottom: 12 }} />
        )}
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('approval.committedDue')} value={k.committedDue ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('approval.statutoryDue')} value={k.statutoryDue ?? '—'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('approval.elapsed')} value={k.elapsedWorkdays} suffix={`/ ${c.committedDays}`} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('approval.suspended')} value={k.suspendedWorkdays} />
          </Col>
          <Col xs={24} md={4}>
            <Space direction="vertical">
              {k.light !== 'none' && <Tag color={LIGHT_COLOR[k.light]}>{t(`approval.lights.${k.light}`)}</Tag>}
              {k.paused && <Tag>{t('approval.paused')}</Tag>}
              {k.committedPassed && <Tag color="orange">{t('approval.committedPassed')}</Tag>}
              {k.overdue && <Tag color="red">{t('approval.overdue')}</Tag>}
            </Space>
          </Col>
        </Row>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          {c.extensionDays > 0 && (
            <Descriptions.Item label={t('approval.extension')}>
              {t('approval.extensionBy', { n: c.extensionDays, by: c.extensionApprover ?? '' })}
            </Descriptions.Item>
          )}
          {c.rongqueDue && <Descriptions.Item label={t('approval.rongqueDue')}>{c.rongqueDue}</Descriptions.Item>}
          {c.verificationDue && (
            <Descriptions.Item label={t('approval.verificationDue')}>{c.verificationDue}</Descriptions.Item>
          )}
          {c.suspensions.map((s) => (
            <Descriptions.Item key={s.from} label={t(`approval.suspensionTypes.${s.type}`)}>
              {s.from} → {s.to ?? '…'}（{s.reason}）
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={`${t('approval.materials')} (${c.materials.length})`}>
            {c.materials.map((m) => {
              const supplied = c.suppliedMaterials.includes(m.code);
              return (
                <div key={m.code} style={{ marginBottom: 12 }}>
                  <Space wrap>
                    <Typography.Text strong>{m.name}</Typography.Text>
                    {m.required && <Tag color="red">{t('approval.required')}</Tag>}
                    {m.mayFollow && <Tag color="cyan">{t('approval.mayFollow')}</Tag>}
                    <Tag color={supplied ? 'green' : 'default'}>
                      {supplied ? t('approval.supplied') : t('approval.missing')}
                    </Tag>
                    {c.correctionList.includes(m.code) && <Tag color="orange">{t('approval.correctionList')}</Tag>}
                    {c.rongqueMaterials.includes(m.code) && <Tag color="gold">{t('approval.rongqueMaterials')}</Tag>}
                  </Space>
                  {(c.attachments[m.code]?.length ?? 0) > 0 && <FileUpload value={c.attachments[m.code]} disabled />}
                </div>
              );
            })}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('approval.events')}>
            {c.events.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={c.events.map((e) => ({
                  key: `${e.at}-${e.action}`,
                  children: (
                    <>
                      <Typography.Text strong>{t(`approval.actions.${e.action}`)}</Typography.Text> →{' '}
                      {t(`approval.statuses.${e.toStatus}`)}
                      <div>
                        <Typography.Text type="secondary">
                          {e.on} · {e.actorName ?? ''} · {formatDateTime(e.at, i18n.language)}
                        </Typography.Text>
                      </div>
                      {e.reason && <div>{e.reason}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {action && <ActionModal c={c} action={action} staff={staff} onClose={() => setAction(null)} />}
    </Flex>
  );
}
