import { App, Popconfirm, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onEdit?: () => void;
  onDelete?: () => Promise<unknown>;
  /** Shown in the delete confirmation, e.g. the record's name. */
  name?: string;
  extra?: ReactNode;
}

/** Edit / Delete links for a table row (delete asks for confirmation, shows the server message on 409). */
export function RowActions({ onEdit, onDelete, name, extra }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const doDelete = async () => {
    try {
      await onDelete?.();
      message.success(t('common.deleted'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space size="middle">
      {onEdit && <Typography.Link onClick={onEdit}>{t('common.edit')}</Typography.Link>}
      {extra}
      {onDelete && (
        <Popconfirm
          title={t('common.confirmDeleteTitle')}
          description={t('common.confirmDelete', { name: name ?? '' })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={doDelete}
        >
          <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
        </Popconfirm>
      )}
    </Space>
  );
}
