import { Card, Col, Empty, Flex, List, Progress, Row, Spin, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProject, useProjects } from '../api';

/** 项目全流程: a construction project's cases across the four stages and its whole-process working days. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? undefined;
  const projects = useProjects();
  const project = useProject(code);
  const p = project.data;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card title={t('approval.projects')}>
          {projects.isPending ? (
            <Spin />
          ) : (
            <List
              locale={{ emptyText: <Empty description={t('approval.noProjects')} /> }}
              dataSource={projects.data ?? []}
              renderItem={(r) => (
                <List.Item
                  style={{
                    cursor: 'pointer',
                    background: r.projectCode === code ? '#e6f4ff' : undefined,
                    paddingInline: 8,
                  }}
                  onClick={() => setParams({ code: r.projectCode })}
                >
                  <List.Item.Meta
                    title={r.projectName ?? r.projectCode}
                    description={`${r.projectCode} · ${r.cases}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        {!code ? (
          <Empty />
        ) : project.isPending ? (
          <Spin />
        ) : !p ? (
          <Empty description={t('approval.notFound')} />
        ) : (
          <Flex vertical gap={16}>
            <Card title={`${p.projectName ?? ''} ${p.projectCode}`}>
              <Row gutter={16}>
                <Col span={8}>
                  <Statistic
                    title={t('approval.wholeProcess')}
                    value={p.total.workdays}
                    suffix={t('approval.workdays')}
                  />
                  {p.total.open && <Tag color="blue">{t('approval.open')}</Tag>}
                </Col>
                <Col span={16}>
                  <Progress
                    percent={Math.min(100, Math.round((p.total.workdays / p.targetWorkdays) * 100))}
                    status={p.total.workdays > p.targetWorkdays ? 'exception' : 'normal'}
                  />
                  {t('approval.target', { n: p.targetWorkdays })}
                </Col>
              </Row>
            </Card>
            <Row gutter={[12, 12]}>
              {p.stages.map((s) => (
                <Col key={s.stage} xs={12} md={6}>
                  <Card size="small" title={`${s.stage}. ${t(`approval.stages.${s.stage}`)}`}>
                    <Statistic
                      title={t('approval.stageTime')}
                      value={s.cases ? s.workdays : '—'}
                      suffix={s.cases ? t('approval.workdays') : ''}
                    />
                    <div>
                      {t('approval.stageCases')}: {s.cases}{' '}
                      {s.open && s.cases > 0 && <Tag color="blue">{t('approval.open')}</Tag>}
                    </div>
                  </Card>
                </Col>
              ))}
            </Row>
            <Card>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.cases}
                columns={[
                  {
                    title: t('approval.stage'),
                    dataIndex: 'stage',
                    render: (v: number | null) => (v ? t(`approval.stages.${v}`) : '—'),
                  },
                  {
                    title: t('approval.caseNo'),
                    dataIndex: 'caseNo',
                    render: (v: string, r) => <Link to={`/approval/cases/${r.id}`}>{v}</Link>,
                  },
                  { title: t('approval.chooseItems'), dataIndex: 'itemNames', render: (v: string[]) => v.join('、') },
                  {
                    title: t('approval.status'),
                    dataIndex: 'status',
                    render: (v: string) => t(`approval.statuses.${v}`),
                  },
                  { title: t('approval.submittedOn'), dataIndex: 'submittedOn' },
                  { title: t('approval.decidedOn'), dataIndex: 'decidedOn' },
                ]}
              />
            </Card>
          </Flex>
        )}
      </Col>
    </Row>
  );
}
