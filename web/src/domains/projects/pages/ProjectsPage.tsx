import { type KeyProject, lights, projectLevels } from '@shared/projects';
import { Card, Col, Flex, Row, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useUrlFilters } from '../../../shared/hooks/useUrlFilters';
import { useCan } from '../../../shared/session';
import { wan } from '../../investment/api';
import { KEY_PROJECTS, useMetrics } from '../api';
import { KeyProjectDrawer } from '../components/KeyProjectDrawer';
import { LightTag } from '../components/LightTag';
import { MeetingsTab } from '../components/MeetingsTab';

/** 重大项目调度: key projects with lights, dispatch meetings and issues, year metrics with leaderboards. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(params.get('open'));
  const canWrite = useCan('projects.write');
  const levels = useEnumOptions(projectLevels, 'projects.levels');
  const lightOptions = useEnumOptions(lights, 'projects.lights');
  const initialFilters = useUrlFilters(['light', 'level']);

  const columns: ListColumn<KeyProject>[] = [
    { key: 'code', title: t('projects.code'), sortable: true },
    {
      key: 'name',
      title: t('projects.name'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{r.name}</Typography.Link>,
    },
    { key: 'level', title: t('projects.level'), render: (_, r) => t(`projects.levels.${r.level}`) },
    {
      key: 'light',
      title: t('projects.light'),
      sortable: true,
      render: (_, r) => <LightTag light={r.light} reasons={r.lightReasons} />,
    },
    { key: 'leaderName', title: t('projects.leader') },
    { key: 'unitName', title: t('projects.unit'), render: (_, r) => r.unitName ?? '—' },
    { key: 'plannedStart', title: t('projects.plannedStart'), sortable: true },
    { key: 'actualStart', title: t('projects.actualStart'), render: (_, r) => r.actualStart ?? '—' },
    {
      key: 'totalInvestmentFen',
      title: t('projects.totalWan'),
      sortable: true,
      align: 'right',
      render: (_, r) => wan(r.totalInvestmentFen),
    },
    {
      key: 'year',
      title: t('projects.yearWan'),
      align: 'right',
      render: (_, r) => `${wan(r.yearCompletedFen)} / ${wan(r.yearPlannedFen)}`,
    },
    { key: 'openIssues', title: t('projects.openIssues'), align: 'right' },
  ];

  return (
    <>
      <Tabs
        items={[
          {
            key: 'key',
            label: t('projects.tabs.key'),
            children: (
              <ListTable<KeyProject>
                tableId="projects.key"
                endpoint={KEY_PROJECTS}
                title={t('projects.menu')}
                rowKey={(r) => r.id}
                columns={columns}
                defaultSort={{ field: 'light', order: 'ascend' }}
                initialFilters={initialFilters}
                searchPlaceholder={t('projects.searchPlaceholder')}
                filters={[
                  { name: 'level', label: t('projects.level'), options: levels, width: 130 },
                  { name: 'light', label: t('projects.light'), options: lightOptions, width: 110 },
                ]}
                toolbar={(q) => (
                  <>
                    {canWrite && <ImportDialog kind="key-project-months" title={t('projects.importMonths')} />}
                    <ExportButton endpoint={KEY_PROJECTS} query={q} />
                  </>
                )}
              />
            ),
          },
          { key: 'meetings', label: t('projects.tabs.meetings'), children: <MeetingsTab /> },
          { key: 'metrics', label: t('projects.tabs.metrics'), children: <MetricsTab /> },
        ]}
      />
      <KeyProjectDrawer
        id={openId}
        onClose={() => {
          setOpenId(null);
          if (params.has('open')) setParams({});
        }}
      />
    </>
  );
}

function MetricsTab() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const m = useMetrics(year).data;
  if (!m) return null;
  const pct = (v: string) => (v ? `${v}%` : '—');
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col span={6}>
          <Card>
            <Statistic title={t('projects.metrics.signed')} value={`${m.signedCount} / ${m.signedCountTarget}`} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('projects.metrics.signedAmount')}
              value={wan(m.signedAmountFen)}
              suffix={pct(m.signedAmountRate)}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('projects.metrics.funds')}
              value={wan(m.fundsInPlaceFen)}
              suffix={pct(m.fundsInPlaceRate)}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('projects.metrics.completion')} value={pct(m.completionRate)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('projects.metrics.newStarts')} value={m.newStarts} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('projects.metrics.newInProduction')} value={m.newInProduction} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('projects.metrics.issuesOnTime')}
              value={`${m.issuesClosedOnTime} / ${m.issuesClosed}`}
              suffix={pct(m.issuesOnTimeRate)}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('projects.metrics.lights')}
              value={`${m.lights.red} / ${m.lights.yellow} / ${m.lights.green}`}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Card title={t('projects.metrics.teamBoard')}>
            <Table
              size="small"
              rowKey="teamId"
              pagination={false}
              dataSource={m.teams}
              columns={[
                { key: 'name', dataIndex: 'name', title: t('investment.team') },
                { key: 'n', dataIndex: 'signedCount', title: t('projects.metrics.signed'), align: 'right' },
                {
                  key: 'a',
                  title: t('projects.metrics.signedAmount'),
                  align: 'right',
                  render: (_, r) => `${wan(r.signedAmountFen)} / ${wan(r.targetAmountFen)}`,
                },
                { key: 'r', dataIndex: 'rate', title: '%', align: 'right', render: pct },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('projects.metrics.parkBoard')}>
            <Table
              size="small"
              rowKey={(r) => r.subParkId ?? 'none'}
              pagination={false}
              dataSource={m.subParks}
              columns={[
                { key: 'name', title: t('investment.subPark'), render: (_, r) => r.name ?? '—' },
                {
                  key: 'v',
                  title: t('projects.yearWan'),
                  align: 'right',
                  render: (_, r) => `${wan(r.completedFen)} / ${wan(r.plannedFen)}`,
                },
                { key: 'r', dataIndex: 'rate', title: '%', align: 'right', render: pct },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
