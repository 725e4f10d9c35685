import type { Post, PostInput } from '@shared/org';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../shared/components/CreateButton';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatCoefficient, formatDateTime } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { DEPARTMENTS, POSTS, STAFF, useDepartmentOptions } from '../api';
import { PostFormModal } from '../components/PostFormModal';

const RELATED = [DEPARTMENTS, STAFF];

export default function PostsPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCan('org.write');
  const crud = useEntityCrud<Post, PostInput>(POSTS, RELATED);
  const departments = useDepartmentOptions();

  const columns: ListColumn<Post>[] = [
    { key: 'name', title: t('org.post.name'), sortable: true, alwaysVisible: true },
    { key: 'departmentName', title: t('org.post.department') },
    { key: 'grade', title: t('org.post.grade'), render: (_, r) => r.grade || '—' },
    {
      key: 'coefficient',
      title: t('org.post.coefficient'),
      sortable: true,
      align: 'right',
      render: (_, r) => formatCoefficient(r.coefficient),
    },
    { key: 'headcount', title: t('org.post.headcount'), sortable: true, align: 'right' },
    {
      key: 'occupied',
      title: t('org.post.occupied'),
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.occupied > r.headcount ? 'danger' : undefined}>
          {r.occupied} / {r.headcount}
        </Typography.Text>
      ),
    },
    {
      key: 'updatedAt',
      title: t('common.updatedAt'),
      sortable: true,
      defaultHidden: true,
      render: (_, r) => formatDateTime(r.updatedAt, i18n.language),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  }

  return (
    <>
      <ListTable<Post>
        tableId="org.posts"
        endpoint={POSTS}
        title={t('menu.posts')}
        rowKey={(r) => r.id}
        columns={columns}
        searchPlaceholder={t('org.post.searchPlaceholder')}
        filters={[{ name: 'departmentId', label: t('org.post.department'), options: departments.options, width: 200 }]}
        toolbar={canWrite && <CreateButton onClick={crud.openCreate} />}
      />
      {canWrite && (
        <PostFormModal
          open={crud.open}
          editing={crud.editing}
          form={crud.form}
          onClose={crud.close}
          onSubmit={crud.save}
        />
      )}
    </>
  );
}
