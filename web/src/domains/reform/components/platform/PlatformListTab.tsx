import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CreateButton } from '../../../../shared/components/CreateButton';
import { ExportButton } from '../../../../shared/components/ExportButton';
import { ImportDialog } from '../../../../shared/components/ImportDialog';
import { type ListColumn, type ListFilter, ListTable } from '../../../../shared/components/ListTable';
import { RowActions } from '../../../../shared/components/RowActions';
import { useEntityCrud } from '../../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../../shared/session';
import { COOPERATION, FINANCING, MATTERS, PLATFORM } from '../../api';

/** The tabs of 管委会+公司, one list each; the name is also the `?tab=` value. */
export type PlatformTab = 'matters' | 'cooperation' | 'financing';
export const PLATFORM_TABS: readonly PlatformTab[] = ['matters', 'cooperation', 'financing'];
const ENDPOINTS: Record<PlatformTab, string> = { matters: MATTERS, cooperation: COOPERATION, financing: FINANCING };

interface PlatformRecord {
  id: string;
  code: string;
}
export type PlatformCrud<T extends PlatformRecord, V extends object> = ReturnType<typeof useEntityCrud<T, V>> & {
  tab: PlatformTab;
};

/** Create/edit/delete of one platform-company list; a change refreshes the summary figures too. */
export function usePlatformCrud<T extends PlatformRecord, V extends object>(tab: PlatformTab): PlatformCrud<T, V> {
  return { ...useEntityCrud<T, V>(ENDPOINTS[tab], [PLATFORM]), tab };
}

/**
 * A drill-down link's query string (e.g. from the reform dashboard: ?tab=financing&refinancing=true) as the list's
 * first filters; only the given names are taken.
 */
function useLinkFilters(names: string[]): Record<string, string> {
  const [params] = useSearchParams();
  return Object.fromEntries(names.flatMap((n) => (params.get(n) ? [[n, params.get(n)!]] : [])));
}

interface PlatformListTabProps<T extends PlatformRecord, V extends object> {
  /** Its tab names the list's endpoint, table (column settings), title and import kind. */
  crud: PlatformCrud<T, V>;
  /** The columns after the code, which comes first (this wide) and sorts the list. */
  columns: ListColumn<T>[];
  codeWidth?: number;
  /** A drill-down link may set any of these filters (and the `linkOnly` ones) from its query string. */
  filters: ListFilter[];
  linkOnly?: string[];
  /** When given, editors get an edit/delete column naming the row so; otherwise the columns bring their own. */
  rowName?: (row: T) => string;
  /** The create/edit dialog (editors only), mounted afresh for each record. */
  modal: ReactNode;
  children?: ReactNode;
}

/** One tab of 管委会+公司: the list with search, filters, export, import and "new", and its dialog. */
export function PlatformListTab<T extends PlatformRecord, V extends object>(props: PlatformListTabProps<T, V>) {
  const { t } = useTranslation();
  const canEdit = useCan('reform.platform');
  const { crud, rowName } = props;
  const endpoint = ENDPOINTS[crud.tab];
  const title = t(`reform.platform.${crud.tab}`);
  const linked = useLinkFilters([...props.filters.map((f) => f.name), ...(props.linkOnly ?? [])]);
  const code: ListColumn<T> = {
    key: 'code',
    title: t('reform.platform.code'),
    dataIndex: 'code',
    sortable: true,
    alwaysVisible: true,
    width: props.codeWidth ?? 100,
  };
  const actions: ListColumn<T>[] =
    canEdit && rowName
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            alwaysVisible: true,
            render: (_, r) => (
              <RowActions name={rowName(r)} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
            ),
          },
        ]
      : [];
  return (
    <>
      <ListTable<T>
        tableId={`reform.platform.${crud.tab}`}
        endpoint={endpoint}
        title={title}
        rowKey={(r) => r.id}
        columns={[code, ...props.columns, ...actions]}
        defaultSort={{ field: 'code', order: 'ascend' }}
        initialFilters={linked}
        filters={props.filters}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={endpoint} query={q} />
            {canEdit && <ImportDialog kind={`reform-platform-${crud.tab}`} title={title} />}
            {canEdit && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canEdit && <Fragment key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}>{props.modal}</Fragment>}
      {props.children}
    </>
  );
}
