import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  type AuthorityItem,
  type AuthorityItemInput,
  type AuthorityVersion,
  type AuthorityVersionInput,
  authorityHandlings,
  authorityModes,
  authoritySources,
  authorityVersionInputSchema,
} from '@shared/reform';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { CreateButton } from '../../../shared/components/CreateButton';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { RowActions } from '../../../shared/components/RowActions';
import { formatDateTime, useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { useZodFields } from '../../../shared/validation';
import { ITEMS, useVersions, VERSIONS } from '../api';
import { AuthorityItemModal } from '../components/AuthorityItemModal';
import { DiffCard } from '../components/DiffCard';

/** 权责清单 / 赋权清单: versions (draft → published, immutable), items, import/export, diff of two versions. */
export default function AuthorityPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('reform.write');
  const client = useQueryClient();
  const versions = useVersions();
  const [selected, setSelected] = useState<string>();
  const [draftOpen, setDraftOpen] = useState(false);
  const [draftForm] = Form.useForm<AuthorityVersionInput>();
  const draftField = useZodFields(authorityVersionInputSchema);
  const list = versions.data ?? [];
  useEffect(() => {
    if (!selected && list[0]) setSelected(list[0].id);
  }, [list, selected]);
  const version = list.find((v) => v.id === selected);
  const isDraft = version?.status === 'draft';
  const hasDraft = list.some((v) => v.status === 'draft');
  const itemsEndpoint = `${VERSIONS}/${selected}/items`;
  const crud = useEntityCrud<AuthorityItem, AuthorityItemInput>(ITEMS, [itemsEndpoint, VERSIONS]);
  const sources = useEnumOptions(authoritySources, 'reform.source');
  const modes = useEnumOptions(authorityModes, 'reform.mode');
  const handlings = useEnumOptions(authorityHandlings, 'reform.handling');
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: [VERSIONS] }),
      client.invalidateQueries({ queryKey: [itemsEndpoint] }),
    ]);

  const publish = async () => {
    try {
      await api.post(`${VERSIONS}/${selected}/publish`);
      message.success(t('reform.authority.published'));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const discard = async () => {
    try {
      await api.delete(`${VERSIONS}/${selected}`);
      setSelected(undefined);
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const versionColumns = [
    {
      key: 'no',
      title: t('reform.authority.version'),
      width: 70,
      render: (_: unknown, v: AuthorityVersion) => `V${v.versionNo}`,
    },
    { key: 'title', title: t('reform.authority.versionTitle'), dataIndex: 'title' },
    {
      key: 'status',
      title: t('reform.authority.status'),
      width: 90,
      render: (_: unknown, v: AuthorityVersion) => (
        <Tag color={v.status === 'draft' ? 'orange' : 'green'}>{t(`reform.versionStatus.${v.status}`)}</Tag>
      ),
    },
    {
      key: 'active',
      title: t('reform.authority.active'),
      align: 'right' as const,
      render: (_: unknown, v: AuthorityVersion) => v.counts.active,
    },
    {
      key: 'sources',
      title: t('reform.authority.bySource'),
      render: (_: unknown, v: AuthorityVersion) =>
        `${t('reform.source.retained')} ${v.counts.retained} · ${t('reform.source.empowered')} ${v.counts.empowered} · ${t('reform.source.cancelled')} ${v.counts.cancelled} · ${t('reform.source.transferred')} ${v.counts.transferred}`,
    },
    {
      key: 'handling',
      title: t('reform.authority.handling'),
      render: (_: unknown, v: AuthorityVersion) =>
        `${t('reform.handling.full')} ${v.counts.full} / ${t('reform.handling.accept_only')} ${v.counts.acceptOnly}`,
    },
    {
      key: 'publishedAt',
      title: t('reform.authority.publishedAt'),
      render: (_: unknown, v: AuthorityVersion) => (v.publishedAt ? formatDateTime(v.publishedAt, i18n.language) : '—'),
    },
  ];

  const columns: ListColumn<AuthorityItem>[] = [
    {
      key: 'code',
      title: t('reform.authority.code'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => <Typography.Text style={{ fontFamily: 'monospace' }}>{r.code}</Typography.Text>,
    },
    { key: 'name', title: t('reform.authority.name'), sortable: true, alwaysVisible: true, dataIndex: 'name' },
    { key: 'category', title: t('reform.authority.category'), dataIndex: 'category' },
    {
      key: 'source',
      title: t('reform.authority.source'),
      sortable: true,
      render: (_, r) => (
        <Tag color={{ retained: 'blue', empowered: 'green', cancelled: 'red', transferred: 'default' }[r.source]}>
          {t(`reform.source.${r.source}`)}
        </Tag>
      ),
    },
    { key: 'mode', title: t('reform.authority.mode'), render: (_, r) => t(`reform.mode.${r.mode}`) },
    { key: 'grantingDept', title: t('reform.authority.grantingDept'), sortable: true, dataIndex: 'grantingDept' },
    { key: 'handling', title: t('reform.authority.handling'), render: (_, r) => t(`reform.handling.${r.handling}`) },
    { key: 'legalBasis', title: t('reform.authority.legalBasis'), dataIndex: 'legalBasis', defaultHidden: true },
  ];
  if (canWrite && isDraft) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      fixed: 'right',
      render: (_, r) => <RowActions name={r.name} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  }

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('reform.authority.versions')}
        extra={
          canWrite && (
            <Button icon={<PlusOutlined />} disabled={hasDraft} onClick={() => setDraftOpen(true)}>
              {t('reform.authority.newDraft')}
            </Button>
          )
        }
      >
        <Table<AuthorityVersion>
          size="small"
          rowKey="id"
          loading={versions.isLoading}
          dataSource={list}
          columns={versionColumns}
          pagination={false}
          locale={{ emptyText: t('reform.authority.noVersions') }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected ? [selected] : [],
            onChange: (keys) => setSelected(String(keys[0])),
          }}
          onRow={(v) => ({ onClick: () => setSelected(v.id) })}
        />
      </Card>
      {version && (
        <ListTable<AuthorityItem>
          key={version.id}
          tableId="reform.authority.items"
          endpoint={itemsEndpoint}
          title={`V${version.versionNo} ${version.title}`}
          rowKey={(r) => r.id}
          columns={columns}
          searchPlaceholder={t('reform.authority.searchPlaceholder')}
          defaultSort={{ field: 'code', order: 'ascend' }}
          filters={[
            { name: 'source', label: t('reform.authority.source'), options: sources, width: 120 },
            { name: 'mode', label: t('reform.authority.mode'), options: modes, width: 120 },
            { name: 'handling', label: t('reform.authority.handling'), options: handlings, width: 120 },
          ]}
          toolbar={(listQuery) => (
            <>
              {canWrite && isDraft && (
                <ImportDialog
                  kind="reform-authority-items"
                  title={t('reform.authority.importTitle')}
                  onDone={refresh}
                />
              )}
              <ExportButton endpoint={itemsEndpoint} query={listQuery} />
              {canWrite && isDraft && <CreateButton onClick={crud.openCreate} />}
              {canWrite && isDraft && (
                <Popconfirm title={t('reform.authority.discardConfirm')} onConfirm={discard}>
                  <Button danger>{t('reform.authority.discard')}</Button>
                </Popconfirm>
              )}
              {canWrite && isDraft && (
                <Popconfirm title={t('reform.authority.publishConfirm')} onConfirm={publish}>
                  <Button type="primary" icon={<SendOutlined />}>
                    {t('reform.authority.publish')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        />
      )}
      {list.length > 1 && <DiffCard versions={list} to={selected} />}
      {canWrite && (
        <>
          <AuthorityItemModal
            key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
            open={crud.open}
            editing={crud.editing}
            onClose={crud.close}
            onSubmit={(values) => (crud.editing ? crud.save(values) : api.post(itemsEndpoint, values).then(refresh))}
          />
          <EntityFormModal<AuthorityVersionInput>
            name="authorityVersion"
            open={draftOpen}
            form={draftForm}
            title={t('reform.authority.newDraft')}
            onClose={() => setDraftOpen(false)}
            onSubmit={async (values) => {
              const v = await api.post<AuthorityVersion>(VERSIONS, values);
              await refresh();
              setSelected(v.id);
            }}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('reform.authority.newDraftHelp')}</Typography.Text>
              <Form.Item label={t('reform.authority.versionTitle')} {...draftField('title')}>
                <Input />
              </Form.Item>
              <Form.Item label={t('reform.note')} {...draftField('note')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Space>
          </EntityFormModal>
        </>
      )}
    </Flex>
  );
}
