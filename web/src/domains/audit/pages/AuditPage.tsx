import type { AuditEvent } from '@shared/audit';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { formatDateTime } from '../../../shared/format';
import { JsonDiff } from '../components/JsonDiff';
import { VerifyChainButton } from '../components/VerifyChainButton';

const ENTITIES = ['department', 'post', 'staff', 'user', 'session', 'profile', 'zone', 'sub_park'];
const ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'logout_all', 'password_change', 'reset_password'];
const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  reset_password: 'orange',
};

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const entityLabel = (e: string) => t(`audit.entities.${e}`, { defaultValue: e });
  const actionLabel = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });

  const columns: ListColumn<AuditEvent>[] = [
    {
      key: 'at',
      title: t('audit.at'),
      sortable: true,
      alwaysVisible: true,
      render: (_, r) => formatDateTime(r.at, i18n.language),
    },
    {
      key: 'actorName',
      title: t('audit.actor'),
      render: (_, r) =>
        r.actorName ? (
          <>
            {r.actorName}
            {r.actorRole && (
              <Typography.Text type="secondary">
                {' '}
                · {t(`enums.role.${r.actorRole}`, { defaultValue: r.actorRole })}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, r) => <Tag color={ACTION_COLORS[r.action] ?? 'default'}>{actionLabel(r.action)}</Tag>,
    },
    { key: 'entity', title: t('audit.entity'), render: (_, r) => entityLabel(r.entity) },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      render: (_, r) =>
        r.entityId ? (
          <Typography.Text code copyable={{ text: r.entityId }}>
            {r.entityId.slice(0, 8)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'ip', title: t('audit.ip'), defaultHidden: true, render: (_, r) => r.ip ?? '—' },
    { key: 'chain', title: t('audit.chain'), defaultHidden: true },
    { key: 'seq', title: t('audit.seq'), defaultHidden: true, align: 'right' },
    {
      key: 'hash',
      title: t('audit.hash'),
      defaultHidden: true,
      render: (_, r) => <Typography.Text code>{r.hash.slice(0, 12)}</Typography.Text>,
    },
  ];

  return (
    <ListTable<AuditEvent>
      tableId="audit.events"
      endpoint="/api/audit/events"
      title={t('menu.audit')}
      rowKey={(r) => r.id}
      columns={columns}
      search={false}
      filters={[
        {
          name: 'entity',
          label: t('audit.entity'),
          type: 'autocomplete',
          options: ENTITIES.map((e) => ({ value: e, label: `${entityLabel(e)} (${e})` })),
        },
        {
          name: 'action',
          label: t('audit.action'),
          type: 'autocomplete',
          options: ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` })),
        },
        { name: 'range', label: t('audit.dateRange'), type: 'dateRange', names: ['from', 'to'] },
      ]}
      toolbar={<VerifyChainButton />}
      expandable={{
        rowExpandable: (r) => r.before != null || r.after != null,
        expandedRowRender: (r) => <JsonDiff before={r.before} after={r.after} />,
      }}
    />
  );
}
