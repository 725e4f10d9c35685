import { type DutyItem, type DutyItemInput, type DutyList, receiverKinds } from '@shared/reform-lists';
import { Card, Col, DatePicker, Flex, Row, Statistic, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { DUTY_ITEMS, useDistrictDepartments, useDutySummary } from '../api';
import { DutyItemModal } from '../components/DutyItemModal';

const TABS: DutyList[] = ['duty', 'stripped', 'boundary'];

/** 两张清单 (职责清单, 剥离社会事务清单) and the 边界清单: figures as of a date, one table per list. */
export default function DutyListsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // a drill-down link (reform dashboard) may give the date the figures count as of: the lists filter on it too
  const linkedAsOf = params.get('asOf') ?? undefined;
  const [asOf, setAsOf] = useState<string | undefined>(linkedAsOf);
  const summary = useDutySummary(asOf);
  const s = summary.data;
  const tab = (TABS as string[]).includes(params.get('list') ?? '') ? (params.get('list') as DutyList) : 'duty';
  const go = (list: DutyList) => setParams(linkedAsOf ? { list, asOf: linkedAsOf } : { list });
  const stat = (title: string, value: number | undefined, list: DutyList, testId: string) => (
    <Col xs={12} md={6} lg={4}>
      <Card size="small" hoverable onClick={() => go(list)} data-testid={testId}>
        <Statistic title={title} value={value ?? 0} />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('reform.lists.summary')}
        loading={summary.isLoading}
        extra={
          <DatePicker
            allowClear
            placeholder={t('reform.lists.asOf')}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        }
      >
        <Row gutter={[12, 12]}>
          {stat(t('reform.lists.stat.duty'), s?.duty.items, 'duty', 'stat-duty')}
          {stat(t('reform.lists.stat.stripped'), s?.stripped.items, 'stripped', 'stat-stripped')}
          {stat(t('reform.lists.stat.strippedAreas'), s?.stripped.areas, 'stripped', 'stat-stripped-areas')}
          {stat(t('reform.lists.stat.receivingBodies'), s?.stripped.receivingBodies, 'stripped', 'stat-bodies')}
          {stat(t('reform.lists.stat.boundary'), s?.boundary.items, 'boundary', 'stat-boundary')}
          {stat(t('reform.lists.stat.departments'), s?.boundary.districtDepartments, 'boundary', 'stat-departments')}
        </Row>
        {s && s.stripped.byReceiverKind.length > 0 && (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            {s.stripped.byReceiverKind.map((k) => (
              <Tag key={k.receiverKind}>
                {t('reform.lists.byKind', {
                  kind: t(`reform.lists.receiverKind.${k.receiverKind}`),
                  items: k.items,
                  areas: k.areas,
                  bodies: k.receivingBodies,
                })}
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as DutyList)}
        items={TABS.map((list) => ({
          key: list,
          label: t(`reform.lists.list.${list}`),
          children: <DutyTable key={list} list={list} asOf={linkedAsOf} />,
        }))}
      />
    </Flex>
  );
}

function DutyTable({ list, asOf }: { list: DutyList; asOf?: string }) {
  const { t } = useTranslation();
  const canWrite = useCan('reform.write');
  const crud = useEntityCrud<DutyItem, DutyItemInput>(DUTY_ITEMS);
  const kinds = useEnumOptions(receiverKinds, 'reform.lists.receiverKind');
  const depts = useDistrictDepartments();
  const columns: ListColumn<DutyItem>[] = [
    { key: 'code', title: t('reform.lists.code'), sortable: true, dataIndex: 'code', alwaysVisible: true, width: 100 },
    { key: 'name', title: t('reform.lists.name'), dataIndex: 'name', alwaysVisible: true },
    { key: 'area', title: t('reform.lists.area'), sortable: true, dataIndex: 'area' },
  ];
  if (list === 'stripped')
    columns.push(
      {
        key: 'receiverKind',
        title: t('reform.lists.receiverKindLabel'),
        render: (_, r) => (r.receiverKind ? t(`reform.lists.receiverKind.${r.receiverKind}`) : '—'),
      },
      { key: 'receivingBody', title: t('reform.lists.receivingBody'), dataIndex: 'receivingBody' },
    );
  if (list === 'boundary')
    columns.push(
      {
        key: 'districtDepartmentName',
        title: t('reform.lists.districtDepartment'),
        dataIndex: 'districtDepartmentName',
      },
      { key: 'zoneDuty', title: t('reform.lists.zoneDuty'), dataIndex: 'zoneDuty' },
      { key: 'districtDuty', title: t('reform.lists.districtDuty'), dataIndex: 'districtDuty' },
      { key: 'platformDuty', title: t('reform.lists.platformDuty'), dataIndex: 'platformDuty' },
    );
  columns.push(
    { key: 'detail', title: t('reform.lists.detail'), dataIndex: 'detail', defaultHidden: true },
    { key: 'effectiveOn', title: t('reform.lists.effectiveOn'), sortable: true, dataIndex: 'effectiveOn' },
    {
      key: 'retiredOn',
      title: t('reform.lists.retiredOn'),
      render: (_, r) => (
        <Flex gap={4}>
          {r.retiredOn ?? '—'}
          {!r.inForce && <Tag>{t('reform.lists.notInForce')}</Tag>}
        </Flex>
      ),
    },
  );
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  const filters =
    list === 'stripped'
      ? [{ name: 'receiverKind', label: t('reform.lists.receiverKindLabel'), options: kinds, width: 130 }]
      : list === 'boundary'
        ? [
            {
              name: 'districtDepartmentId',
              label: t('reform.lists.districtDepartment'),
              options: (depts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
              width: 180,
            },
          ]
        : [];
  return (
    <>
      <ListTable<DutyItem>
        tableId={`reform.duty.${list}`}
        endpoint={DUTY_ITEMS}
        title={t(`reform.lists.list.${list}`)}
        rowKey={(r) => r.id}
        columns={columns}
        initialFilters={asOf ? { list, asOf } : { list }}
        filters={[{ name: 'area', label: t('reform.lists.area'), type: 'text', width: 140 }, ...filters]}
        searchPlaceholder={t('reform.lists.searchPlaceholder')}
        defaultSort={{ field: 'code', order: 'ascend' }}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={DUTY_ITEMS} query={q} />
            {canWrite && <ImportDialog kind="reform-duty-items" title={t('reform.lists.import')} />}
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <DutyItemModal
          key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
          open={crud.open}
          editing={crud.editing}
          list={list}
          onClose={crud.close}
          onSubmit={crud.save}
        />
      )}
    </>
  );
}
