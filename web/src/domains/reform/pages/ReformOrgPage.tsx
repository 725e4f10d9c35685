import {
  type ContractStaffInput,
  contractStaffInputSchema,
  dispositionChannels,
  type ReformTask,
  type ReformTaskInput,
  taskStatuses,
} from '@shared/reform';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Card, Flex, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';
import { CONTRACT_STAFF, TASKS, useDisposition } from '../api';
import { TaskModal } from '../components/TaskModal';

type Person = ContractStaffInput & { id: string };

/** 七个一批 roster with its sum check, and the reform task checklist. */
export default function ReformOrgPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'disposition';
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setParams({ tab: k })}
      items={[
        {
          key: 'disposition',
          label: t('reform.disposition.title'),
          children: <Disposition channel={params.get('channel')} />,
        },
        { key: 'tasks', label: t('reform.task.list'), children: <Tasks late={params.get('late')} /> },
      ]}
    />
  );
}

function Disposition({ channel }: { channel: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCan('reform.write');
  const client = useQueryClient();
  const summary = useDisposition();
  const crud = useEntityCrud<Person, ContractStaffInput>(CONTRACT_STAFF);
  const channels = useEnumOptions(dispositionChannels, 'reform.channel');
  const s = summary.data;
  const columns: ListColumn<Person>[] = [
    {
      key: 'personNo',
      title: t('reform.disposition.personNo'),
      sortable: true,
      dataIndex: 'personNo',
      alwaysVisible: true,
    },
    { key: 'name', title: t('reform.disposition.name'), sortable: true, dataIndex: 'name', alwaysVisible: true },
    { key: 'formerUnit', title: t('reform.disposition.formerUnit'), dataIndex: 'formerUnit' },
    {
      key: 'channel',
      title: t('reform.disposition.channel'),
      sortable: true,
      render: (_, r) => <Tag>{t(`reform.channel.${r.channel}`)}</Tag>,
    },
    { key: 'decidedOn', title: t('reform.disposition.decidedOn'), render: (_, r) => r.decidedOn ?? '—' },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  }
  return (
    <Flex vertical gap={16}>
      <Card title={t('reform.disposition.summary')} loading={summary.isLoading}>
        {s && (
          <>
            <Alert
              showIcon
              type={s.balanced ? 'success' : 'warning'}
              style={{ marginBottom: 12 }}
              message={t(s.balanced ? 'reform.disposition.balanced' : 'reform.disposition.unbalanced', {
                roster: s.roster,
                before: s.before ?? '—',
                retained: s.retained,
                after: s.after ?? '—',
              })}
            />
            <Table
              size="small"
              rowKey="channel"
              pagination={false}
              dataSource={s.channels}
              columns={[
                {
                  key: 'c',
                  title: t('reform.disposition.channel'),
                  render: (_, r) => t(`reform.channel.${r.channel}`),
                },
                { key: 'n', title: t('reform.disposition.count'), dataIndex: 'count', align: 'right' },
                {
                  key: 's',
                  title: t('reform.disposition.share'),
                  align: 'right',
                  render: (_, r) => (r.share ? `${r.share}%` : '—'),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('reform.disposition.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {s.roster}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                </Table.Summary.Row>
              )}
            />
          </>
        )}
      </Card>
      <ListTable<Person>
        tableId="reform.contractStaff"
        endpoint={CONTRACT_STAFF}
        title={t('reform.disposition.roster')}
        rowKey={(r) => r.id}
        columns={columns}
        initialFilters={{ channel: channel ?? undefined }}
        filters={[{ name: 'channel', label: t('reform.disposition.channel'), options: channels, width: 150 }]}
        defaultSort={{ field: 'personNo', order: 'ascend' }}
        toolbar={(q) => (
          <>
            {canWrite && (
              <ImportDialog
                kind="reform-contract-staff"
                title={t('reform.disposition.roster')}
                onDone={() => client.invalidateQueries({ queryKey: [CONTRACT_STAFF] })}
              />
            )}
            <ExportButton endpoint={CONTRACT_STAFF} query={q} />
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <PersonModal
          key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
          open={crud.open}
          editing={crud.editing}
          onClose={crud.close}
          onSubmit={(v) => crud.save(v).then(() => client.invalidateQueries({ queryKey: [CONTRACT_STAFF] }))}
        />
      )}
    </Flex>
  );
}

function PersonModal(props: {
  open: boolean;
  editing: Person | null;
  onClose: () => void;
  onSubmit: (v: ContractStaffInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContractStaffInput>();
  const field = useZodFields(contractStaffInputSchema);
  const channels = useEnumOptions(dispositionChannels, 'reform.channel');
  return (
    <EntityFormModal<ContractStaffInput>
      name="contractStaff"
      open={props.open}
      form={form}
      title={t('reform.disposition.roster')}
      initialValues={props.editing ?? undefined}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item label={t('reform.disposition.personNo')} {...field('personNo')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.disposition.name')} {...field('name')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.disposition.formerUnit')} {...field('formerUnit')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.disposition.channel')} {...field('channel')}>
        <Select options={channels} />
      </Form.Item>
    </EntityFormModal>
  );
}

function Tasks({ late }: { late: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCan('reform.write');
  const crud = useEntityCrud<ReformTask, ReformTaskInput>(TASKS);
  const statuses = useEnumOptions(taskStatuses, 'reform.taskStatus');
  const columns: ListColumn<ReformTask>[] = [
    { key: 'code', title: t('reform.task.code'), sortable: true, dataIndex: 'code', alwaysVisible: true, width: 90 },
    { key: 'title', title: t('reform.task.title'), dataIndex: 'title', alwaysVisible: true },
    { key: 'workGroup', title: t('reform.task.workGroup'), sortable: true, dataIndex: 'workGroup' },
    { key: 'owner', title: t('reform.task.owner'), dataIndex: 'owner' },
    { key: 'deadline', title: t('reform.task.deadline'), sortable: true, dataIndex: 'deadline' },
    {
      key: 'status',
      title: t('reform.task.status'),
      sortable: true,
      render: (_, r) => (
        <Space size={4}>
          <Badge
            status={r.status === 'done' ? 'success' : r.status === 'in_progress' ? 'processing' : 'default'}
            text={t(`reform.taskStatus.${r.status}`)}
          />
          {r.late && <Tag color="red">{t('reform.task.late')}</Tag>}
        </Space>
      ),
    },
    { key: 'completedOn', title: t('reform.task.completedOn'), render: (_, r) => r.completedOn ?? '—' },
    { key: 'evidence', title: t('reform.task.evidence'), dataIndex: 'evidence' },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => (
        <RowActions name={r.title} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
      ),
    });
  }
  return (
    <>
      <ListTable<ReformTask>
        tableId="reform.tasks"
        endpoint={TASKS}
        title={t('reform.task.list')}
        rowKey={(r) => r.id}
        columns={columns}
        initialFilters={{ late: late ?? undefined }}
        filters={[
          { name: 'status', label: t('reform.task.status'), options: statuses, width: 110 },
          {
            name: 'late',
            label: t('reform.task.late'),
            options: [
              { value: 'true', label: t('reform.task.lateYes') },
              { value: 'false', label: t('reform.task.lateNo') },
            ],
            width: 110,
          },
        ]}
        defaultSort={{ field: 'code', order: 'ascend' }}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={TASKS} query={q} />
            {canWrite && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canWrite && (
        <TaskModal
          key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
          open={crud.open}
          editing={crud.editing}
          onClose={crud.close}
          onSubmit={crud.save}
        />
      )}
    </>
  );
}
