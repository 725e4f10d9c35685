import { type Activity, type ActivityInput, activityKinds } from '@shared/investment-library';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, Select, Space, Statistic, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { useTeams } from '../api';
import { ACTIVITIES } from '../library-api';

type Values = Omit<ActivityInput, 'heldOn'> & { heldOn: Dayjs };

/** 招商活动: outbound trips, inbound visits, events, calls and negotiations, with this year's count by kind. */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const canWrite = useCan('investment.write');
  const crud = useEntityCrud<Activity, Values>(ACTIVITIES);
  const teams = useTeams();
  const kindOptions = useEnumOptions(activityKinds, 'investment.activities.kinds');
  const year = dayjs().year();
  const summary = useQuery({
    queryKey: [ACTIVITIES, 'summary', year],
    queryFn: ({ signal }) =>
      api.get<{ byKind: { kind: string; count: number }[]; total: number }>(`${ACTIVITIES}/summary`, {
        query: { year },
        signal,
      }),
  });
  const teamOptions = (teams.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  const columns: ListColumn<Activity>[] = [
    { key: 'heldOn', title: t('investment.activities.heldOn'), sortable: true },
    {
      key: 'kind',
      title: t('investment.activities.kind'),
      sortable: true,
      render: (_, r) => <Tag>{t(`investment.activities.kinds.${r.kind}`)}</Tag>,
    },
    { key: 'title', title: t('investment.activities.subject'), sortable: true, alwaysVisible: true },
    { key: 'place', title: t('investment.activities.place') },
    { key: 'teamName', title: t('investment.team'), render: (_, r) => r.teamName ?? '—' },
    {
      key: 'participants',
      title: t('investment.activities.participants'),
      render: (_, r) => r.participants.join('、'),
    },
    { key: 'projectName', title: t('investment.name'), render: (_, r) => r.projectName ?? '—', defaultHidden: true },
    { key: 'outcome', title: t('investment.activities.outcome') },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => (
        <RowActions
          name={r.title}
          onEdit={() => crud.openEdit({ ...r, heldOn: dayjs(r.heldOn) } as unknown as Activity)}
          onDelete={() => crud.remove(r.id)}
        />
      ),
    });
  }

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} title={t('investment.activities.yearSummary', { year })}>
        <Space size="large" wrap>
          {(summary.data?.byKind ?? []).map((k) => (
            <Statistic key={k.kind} title={t(`investment.activities.kinds.${k.kind}`)} value={k.count} />
          ))}
        </Space>
      </Card>
      <ListTable<Activity>
        tableId="investment.activities"
        endpoint={ACTIVITIES}
        title={t('investment.activities.menu')}
        rowKey={(r) => r.id}
        columns={columns}
        defaultSort={{ field: 'heldOn', order: 'descend' }}
        filters={[
          { name: 'kind', label: t('investment.activities.kind'), options: kindOptions, width: 140 },
          { name: 'teamId', label: t('investment.team'), options: teamOptions, width: 160 },
        ]}
        toolbar={canWrite ? <CreateButton onClick={crud.openCreate} /> : undefined}
      />
      {canWrite && (
        <EntityFormModal<Values>
          name="activityForm"
          open={crud.open}
          title={t('investment.activities.add')}
          form={crud.form}
          initialValues={(crud.editing as unknown as Values) ?? { kind: 'outbound', heldOn: dayjs(), participants: [] }}
          onClose={crud.close}
          onSubmit={(v) =>
            crud.save({
              ...v,
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              teamId: v.teamId ?? null,
              projectId: (crud.editing as Activity | null)?.projectId ?? null,
              targetCompanyId: (crud.editing as Activity | null)?.targetCompanyId ?? null,
            } as unknown as Values)
          }
        >
          <Form.Item name="kind" label={t('investment.activities.kind')} rules={[{ required: true }]}>
            <Select options={kindOptions} />
          </Form.Item>
          <Form.Item name="title" label={t('investment.activities.subject')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('investment.activities.heldOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label={t('investment.activities.place')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="teamId" label={t('investment.team')}>
            <Select allowClear options={teamOptions} />
          </Form.Item>
          <Form.Item name="participants" label={t('investment.activities.participants')} rules={[{ required: true }]}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="counterparts" label={t('investment.activities.counterparts')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="outcome" label={t('investment.activities.outcome')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </EntityFormModal>
      )}
    </>
  );
}
