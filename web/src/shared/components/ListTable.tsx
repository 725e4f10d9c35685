import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Input, Table, type TableProps, Tooltip } from 'antd';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { type Key, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type QueryParams } from '../api';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings';
import { type FilterValues, type ListFilter, ListFilters } from './ListFilters';

export type { ListFilter } from './ListFilters';

export type ListColumn<T> = Omit<ColumnType<T>, 'key' | 'sorter' | 'sortOrder'> & {
  key: string;
  /** Server-side sort on this column (sortField = key). */
  sortable?: boolean;
  alwaysVisible?: boolean;
  defaultHidden?: boolean;
};

type SortOrder = 'ascend' | 'descend';

interface ListState {
  current: number;
  pageSize: number;
  q?: string;
  sortField?: string;
  sortOrder?: SortOrder;
  filters: FilterValues;
}

export interface ListTableProps<T> {
  /** Identifies the table for persisted column settings. */
  tableId: string;
  /** List endpoint, e.g. '/api/org/departments'; also the react-query key prefix. */
  endpoint: string;
  columns: ListColumn<T>[];
  rowKey: (record: T) => Key;
  title?: ReactNode;
  filters?: ListFilter[];
  /** Show the free-text search box (q). Default true. */
  search?: boolean;
  searchPlaceholder?: string;
  /**
   * Extra buttons (e.g. "New") on the right of the toolbar; as a function it gets the list's current search,
   * filters and sort (no paging), e.g. for an export of what the table shows.
   */
  toolbar?: ReactNode | ((listQuery: QueryParams) => ReactNode);
  defaultSort?: { field: string; order: SortOrder };
  defaultPageSize?: number;
  expandable?: TableProps<T>['expandable'];
  /** Filters applied on the first render (e.g. a drill-down link's query string). */
  initialFilters?: FilterValues;
}

/** A small ProTable: search, filters, server-side sort and pagination, column settings, refresh. */
export function ListTable<T extends object>(props: ListTableProps<T>) {
  const { t } = useTranslation();
  const { tableId, endpoint, columns, filters = [], search = true } = props;
  const [state, setState] = useState<ListState>({
    current: 1,
    pageSize: props.defaultPageSize ?? 20,
    sortField: props.defaultSort?.field,
    sortOrder: props.defaultSort?.order,
    filters: props.initialFilters ?? {},
  });
  const settingsColumns = useMemo(
    () =>
      columns.map((c) => ({
        key: c.key,
        title: (typeof c.title === 'function' ? c.key : c.title) as ReactNode,
        alwaysVisible: c.alwaysVisible,
        defaultHidden: c.defaultHidden,
      })),
    [columns],
  );
  const { hidden, setHidden } = useHiddenColumns(tableId, settingsColumns);

  const params: QueryParams = {
    current: state.current,
    pageSize: state.pageSize,
    q: state.q,
    sortField: state.sortOrder ? state.sortField : undefined,
    sortOrder: state.sortOrder,
    ...state.filters,
  };
  const { current: _c, pageSize: _p, ...listQuery } = params;
  const query = useQuery({
    queryKey: [endpoint, 'list', params],
    queryFn: ({ signal }) => api.get<Page<T>>(endpoint, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

  const tableColumns = useMemo(
    () =>
      columns
        .filter((c) => c.alwaysVisible || !hidden.includes(c.key))
        .map(
          ({ sortable, alwaysVisible: _a, defaultHidden: _d, ...col }): ColumnType<T> => ({
            ...col,
            dataIndex: col.dataIndex ?? col.key,
            sorter: sortable ? true : undefined,
            sortOrder: sortable && state.sortField === col.key ? (state.sortOrder ?? null) : null,
          }),
        ),
    [columns, hidden, state.sortField, state.sortOrder],
  );

  const onTableChange: TableProps<T>['onChange'] = (pagination, _filters, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
    const order = s?.order ?? undefined;
    setState((prev) => {
      const sortChanged = order !== prev.sortOrder || (s?.columnKey as string | undefined) !== prev.sortField;
      return {
        ...prev,
        current: sortChanged ? 1 : (pagination.current ?? 1),
        pageSize: pagination.pageSize ?? prev.pageSize,
        sortField: order ? String(s?.columnKey ?? s?.field) : undefined,
        sortOrder: order,
      };
    });
  };

  const patchFilters = (patch: FilterValues) =>
    setState((prev) => ({ ...prev, current: 1, filters: { ...prev.filters, ...patch } }));

  const page = query.data;
  return (
    <Card title={props.title} variant="borderless" styles={{ body: { paddingTop: props.title ? 16 : 24 } }}>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          {search && (
            <Input.Search
              aria-label={t('table.search')}
              placeholder={props.searchPlaceholder ?? t('table.search')}
              allowClear
              enterButton
              style={{ width: 240, maxWidth: '100%' }}
              onSearch={(q) => setState((prev) => ({ ...prev, current: 1, q: q.trim() || undefined }))}
            />
          )}
          <ListFilters filters={filters} values={state.filters} onChange={patchFilters} />
        </Flex>
        <Flex gap={8}>
          {typeof props.toolbar === 'function' ? props.toolbar(listQuery) : props.toolbar}
          <Tooltip title={t('table.refresh')}>
            <Button
              icon={<ReloadOutlined spin={query.isFetching && !query.isLoading} />}
              aria-label={t('table.refresh')}
              onClick={() => query.refetch()}
            />
          </Tooltip>
          <ColumnSettings columns={settingsColumns} hidden={hidden} onChange={setHidden} />
        </Flex>
      </Flex>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed')}
          description={query.error.message}
          action={
            <Button size="small" onClick={() => query.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<T>
        size="middle"
        rowKey={props.rowKey}
        columns={tableColumns}
        dataSource={page?.data ?? []}
        loading={query.isFetching}
        onChange={onTableChange}
        expandable={props.expandable}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('table.empty')} /> }}
        pagination={{
          current: state.current,
          pageSize: state.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('table.total', { total }),
        }}
      />
    </Card>
  );
}
