import { type DistrictDepartmentInput, districtDepartmentInputSchema } from '@shared/reform';
import { Card, Form, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { RowActions } from '../../../shared/components/RowActions';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';
import { DEPARTMENTS, type DistrictDepartment, LEAGUE, useDistrictDepartments, WHISTLES } from '../api';

/** 区直部门: the outside bodies whistles go to, each with its response time in working days (a rule parameter). */
export function DistrictDepartmentsCard() {
  const { t } = useTranslation();
  const canWrite = useCan('reform.write');
  const depts = useDistrictDepartments();
  const crud = useEntityCrud<DistrictDepartment, DistrictDepartmentInput>(DEPARTMENTS, [WHISTLES, LEAGUE]);
  return (
    <Card title={t('reform.whistle.departments')} extra={canWrite && <CreateButton onClick={crud.openCreate} />}>
      <Table<DistrictDepartment>
        size="small"
        rowKey="id"
        loading={depts.isLoading}
        dataSource={depts.data ?? []}
        pagination={false}
        locale={{ emptyText: t('reform.whistle.noDepartments') }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('reform.whistle.department') },
          { key: 'contact', dataIndex: 'contact', title: t('reform.whistle.contact') },
          { key: 'days', dataIndex: 'responseDays', title: t('reform.whistle.responseDays'), align: 'right' },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, r: DistrictDepartment) => (
                    <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <DepartmentModal
          key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
          open={crud.open}
          editing={crud.editing}
          onClose={crud.close}
          onSubmit={crud.save}
        />
      )}
    </Card>
  );
}

function DepartmentModal(props: {
  open: boolean;
  editing: DistrictDepartment | null;
  onClose: () => void;
  onSubmit: (v: DistrictDepartmentInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DistrictDepartmentInput>();
  const field = useZodFields(districtDepartmentInputSchema);
  return (
    <EntityFormModal<DistrictDepartmentInput>
      name="districtDepartment"
      open={props.open}
      form={form}
      title={t('reform.whistle.departments')}
      initialValues={props.editing ?? { responseDays: 5 }}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item label={t('reform.whistle.department')} {...field('name')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.whistle.contact')} {...field('contact')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.whistle.responseDays')} {...field('responseDays')}>
        <InputNumber min={1} max={60} style={{ width: '100%' }} />
      </Form.Item>
    </EntityFormModal>
  );
}
