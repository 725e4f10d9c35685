import {
  type Cooperation,
  type CooperationInput,
  commissionModes,
  cooperationAreas,
  cooperationInputSchema,
  cooperationKinds,
  type Financing,
  type FinancingInput,
  financingInputSchema,
  financingKinds,
  type Matter,
  type MatterInput,
  matterCategories,
  matterInputSchema,
  matterStatuses,
  yearlyInterestSaved,
} from '@shared/reform-platform';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Statistic,
  Tabs,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, type Page } from '../../../shared/api';
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
import { COOPERATION, FINANCING, MATTERS, PLATFORM, usePlatformSummary } from '../api';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toLocaleString('zh-CN'));
const wan = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const rate = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
const TABS = ['matters', 'cooperation', 'financing'] as const;
type Tab = (typeof TABS)[number];

/**
 * A drill-down link's query string (e.g. from the reform dashboard: ?tab=financing&refinancing=true) as the list's
 * first filters; only the given names are taken.
 */
function useLinkFilters(names: string[]): Record<string, string> {
  const [params] = useSearchParams();
  return Object.fromEntries(names.flatMap((n) => (params.get(n) ? [[n, params.get(n)!]] : [])));
}

/** 管委会+公司: major matters decided by the committee, cooperation list, financing and interest saved. */
export default function PlatformCompanyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'matters';
  const s = usePlatformSummary().data;
  const commissioned = s?.cooperation.find((c) => c.kind === 'commissioned');
  const market = s?.cooperation.find((c) => c.kind === 'market');
  return (
    <Flex vertical gap={16}>
      <Card title={t('reform.platform.summary')}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={4}>
            <Statistic title={t('reform.platform.stat.matters')} value={s?.matters.total ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('reform.platform.stat.awaiting')} value={s?.matters.byStatus.submitted ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('reform.platform.stat.commissioned')}
              value={wan(commissioned?.contractFen ?? 0)}
              suffix={t('reform.platform.wan')}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('reform.platform.stat.market')}
              value={wan(market?.contractFen ?? 0)}
              suffix={t('reform.platform.wan')}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('reform.platform.stat.avgRate')}
              value={s?.financing.avgRateBp ? `${(Number(s.financing.avgRateBp) / 100).toFixed(2)}%` : '—'}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              data-testid="interest-saved"
              title={t('reform.platform.stat.saved')}
              value={wan(s?.financing.yearlyInterestSavedFen ?? 0)}
              suffix={t('reform.platform.wan')}
            />
          </Col>
        </Row>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'matters', label: t('reform.platform.matters'), children: <Matters /> },
          { key: 'cooperation', label: t('reform.platform.cooperation'), children: <CooperationList /> },
          { key: 'financing', label: t('reform.platform.financing'), children: <FinancingList /> },
        ]}
      />
    </Flex>
  );
}

const STATUS_BADGE = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  executed: 'success',
} as const;

function Matters() {
  const { t } = useTranslation();
  const canEdit = useCan('reform.platform');
  const canDecide = useCan('reform.write');
  const client = useQueryClient();
  const crud = useEntityCrud<Matter, MatterInput>(MATTERS, [PLATFORM]);
  const [deciding, setDeciding] = useState<Matter | null>(null);
  const categories = useEnumOptions(matterCategories, 'reform.platform.category');
  const statuses = useEnumOptions(matterStatuses, 'reform.platform.status');
  const today = dayjs().format('YYYY-MM-DD');
  const linked = useLinkFilters(['status', 'category']);
  const act = async (r: Matter, action: string, body: object) => {
    await api.post(`${MATTERS}/${r.id}/${action}`, body);
    await Promise.all([MATTERS, PLATFORM].map((k) => client.invalidateQueries({ queryKey: [k] })));
  };
  const columns: ListColumn<Matter>[] = [
    {
      key: 'code',
      title: t('reform.platform.code'),
      dataIndex: 'code',
      sortable: true,
      alwaysVisible: true,
      width: 120,
    },
    { key: 'title', title: t('reform.platform.title'), dataIndex: 'title', alwaysVisible: true },
    {
      key: 'category',
      title: t('reform.platform.categoryLabel'),
      render: (_, r) => t(`reform.platform.category.${r.category}`),
    },
    { key: 'amountFen', title: t('reform.platform.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
    {
      key: 'status',
      title: t('reform.platform.statusLabel'),
      sortable: true,
      render: (_, r) => <Badge status={STATUS_BADGE[r.status]} text={t(`reform.platform.status.${r.status}`)} />,
    },
    {
      key: 'submittedOn',
      title: t('reform.platform.submittedOn'),
      sortable: true,
      render: (_, r) => r.submittedOn ?? '—',
    },
    { key: 'meeting', title: t('reform.platform.meeting'), render: (_, r) => r.meeting || '—' },
    { key: 'decidedOn', title: t('reform.platform.decidedOn'), sortable: true, render: (_, r) => r.decidedOn ?? '—' },
    { key: 'decisionNote', title: t('reform.platform.decisionNote'), dataIndex: 'decisionNote', defaultHidden: true },
    {
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => (
        <Flex gap={4}>
          {canEdit && r.status === 'draft' && (
            <>
              <RowActions name={r.title} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
              <Button size="small" type="link" onClick={() => act(r, 'submit', { submittedOn: today })}>
                {t('reform.platform.submit')}
              </Button>
            </>
          )}
          {canDecide && r.status === 'submitted' && (
            <Button size="small" type="link" onClick={() => setDeciding(r)}>
              {t('reform.platform.decide')}
            </Button>
          )}
          {canEdit && r.status === 'approved' && (
            <Button size="small" type="link" onClick={() => act(r, 'execute', { executedOn: today })}>
              {t('reform.platform.execute')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <ListTable<Matter>
        tableId="reform.platform.matters"
        endpoint={MATTERS}
        title={t('reform.platform.matters')}
        rowKey={(r) => r.id}
        columns={columns}
        defaultSort={{ field: 'code', order: 'ascend' }}
        initialFilters={linked}
        filters={[
          { name: 'status', label: t('reform.platform.statusLabel'), options: statuses, width: 120 },
          { name: 'category', label: t('reform.platform.categoryLabel'), options: categories, width: 140 },
        ]}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={MATTERS} query={q} />
            {canEdit && <ImportDialog kind="reform-platform-matters" title={t('reform.platform.matters')} />}
            {canEdit && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canEdit && <MatterModal key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'} crud={crud} />}
      {canDecide && (
        <DecisionModal
          key={deciding?.id ?? 'none'}
          matter={deciding}
          onClose={() => setDeciding(null)}
          onSubmit={(v) => act(deciding!, 'decide', v)}
        />
      )}
    </>
  );
}

function MatterModal({ crud }: { crud: ReturnType<typeof useEntityCrud<Matter, MatterInput>> }) {
  const { t } = useTranslation();
  const field = useZodFields(matterInputSchema);
  const categories = useEnumOptions(matterCategories, 'reform.platform.category');
  return (
    <EntityFormModal<MatterInput>
      name="platformMatter"
      open={crud.open}
      form={crud.form}
      title={t(crud.editing ? 'reform.platform.editMatter' : 'reform.platform.newMatter')}
      initialValues={crud.editing ?? {}}
      onClose={crud.close}
      onSubmit={crud.save}
    >
      <Form.Item label={t('reform.platform.code')} {...field('code')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.platform.title')} {...field('title')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.platform.categoryLabel')} {...field('category')}>
        <Select options={categories} />
      </Form.Item>
      <Form.Item label={t('reform.platform.company')} {...field('company')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('reform.platform.amountFen')} {...field('amountFen')}>
        <InputNumber style={{ width: '100%' }} min={0} precision={0} />
      </Form.Item>
      <Form.Item label={t('reform.platform.detail')} {...field('detail')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </EntityFormModal>
  );
}

interface DecisionValues {
  outcome: 'approved' | 'rejected';
  decidedOn: string;
  meeting: string;
  decisionNote: string;
}
function DecisionModal(props: {
  matter: Matter | null;
  onClose: () => void;
  onSubmit: (v: DecisionValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  return (
    <EntityFormModal<DecisionValues>
      name="platformDecision"
      open={props.matter !== null}
      form={form}
      title={`${t('reform.platform.decide')}：${props.matter?.title ?? ''}`}
      initialValues={{ outcome: 'approved', decidedOn: dayjs().format('YYYY-MM-DD') }}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item name="outcome" label={t('reform.platform.outcome')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'approved', label: t('reform.platform.status.approved') },
            { value: 'rejected', label: t('reform.platform.status.rejected') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="decidedOn"
        label={t('reform.platform.decidedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
        {...dateProps}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => Boolean(props.matter?.submittedOn && d.isBefore(dayjs(props.matter.submittedOn), 'day'))}
        />
      </Form.Item>
      <Form.Item name="meeting" label={t('reform.platform.meeting')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="decisionNote" label={t('reform.platform.decisionNote')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </EntityFormModal>
  );
}

function CooperationList() {
  const { t } = useTranslation();
  const canEdit = useCan('reform.platform');
  const crud = useEntityCrud<Cooperation, CooperationInput>(COOPERATION, [PLATFORM]);
  const kinds = useEnumOptions(cooperationKinds, 'reform.platform.kind');
  const areas = useEnumOptions(cooperationAreas, 'reform.platform.area');
  const modes = useEnumOptions(commissionModes, 'reform.platform.mode');
  const field = useZodFields(cooperationInputSchema);
  const linked = useLinkFilters(['kind', 'area', 'year']);
  const columns: ListColumn<Cooperation>[] = [
    {
      key: 'code',
      title: t('reform.platform.code'),
      dataIndex: 'code',
      sortable: true,
      alwaysVisible: true,
      width: 100,
    },
    { key: 'title', title: t('reform.platform.title'), dataIndex: 'title', alwaysVisible: true },
    { key: 'area', title: t('reform.platform.areaLabel'), render: (_, r) => t(`reform.platform.area.${r.area}`) },
    {
      key: 'kind',
      title: t('reform.platform.kindLabel'),
      sortable: true,
      render: (_, r) => (
        <Tag color={r.kind === 'commissioned' ? 'blue' : 'green'}>
          {t(`reform.platform.kind.${r.kind}`)}
          {r.mode ? ` · ${t(`reform.platform.mode.${r.mode}`)}` : ''}
        </Tag>
      ),
    },
    {
      key: 'contractFen',
      title: t('reform.platform.contract'),
      sortable: true,
      align: 'right',
      render: (_, r) => yuan(r.contractFen),
    },
    { key: 'year', title: t('reform.platform.year'), sortable: true, dataIndex: 'year' },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => (
        <RowActions name={r.title} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />
      ),
    });
  return (
    <>
      <ListTable<Cooperation>
        tableId="reform.platform.cooperation"
        endpoint={COOPERATION}
        title={t('reform.platform.cooperation')}
        rowKey={(r) => r.id}
        columns={columns}
        defaultSort={{ field: 'code', order: 'ascend' }}
        initialFilters={linked}
        filters={[
          { name: 'kind', label: t('reform.platform.kindLabel'), options: kinds, width: 140 },
          { name: 'area', label: t('reform.platform.areaLabel'), options: areas, width: 120 },
        ]}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={COOPERATION} query={q} />
            {canEdit && <ImportDialog kind="reform-platform-cooperation" title={t('reform.platform.cooperation')} />}
            {canEdit && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canEdit && (
        <EntityFormModal<CooperationInput>
          key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'}
          name="platformCooperation"
          open={crud.open}
          form={crud.form}
          title={t('reform.platform.cooperation')}
          initialValues={crud.editing ?? { kind: 'commissioned', year: dayjs().year(), contractFen: 0 }}
          onClose={crud.close}
          onSubmit={crud.save}
        >
          <Form.Item label={t('reform.platform.code')} {...field('code')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('reform.platform.title')} {...field('title')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('reform.platform.areaLabel')} {...field('area')}>
            <Select options={areas} />
          </Form.Item>
          <Form.Item label={t('reform.platform.kindLabel')} {...field('kind')}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item label={t('reform.platform.modeLabel')} {...field('mode')}>
            <Select allowClear options={modes} />
          </Form.Item>
          <Form.Item label={t('reform.platform.contractFen')} {...field('contractFen')}>
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
          <Form.Item label={t('reform.platform.year')} {...field('year')}>
            <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} />
          </Form.Item>
        </EntityFormModal>
      )}
    </>
  );
}

function FinancingList() {
  const { t } = useTranslation();
  const canEdit = useCan('reform.platform');
  const crud = useEntityCrud<Financing, FinancingInput>(FINANCING, [PLATFORM]);
  const kinds = useEnumOptions(financingKinds, 'reform.platform.financingKind');
  const linked = useLinkFilters(['kind', 'refinancing', 'outstanding']);
  const columns: ListColumn<Financing>[] = [
    {
      key: 'code',
      title: t('reform.platform.code'),
      dataIndex: 'code',
      sortable: true,
      alwaysVisible: true,
      width: 100,
    },
    { key: 'lender', title: t('reform.platform.lender'), dataIndex: 'lender', alwaysVisible: true },
    {
      key: 'kind',
      title: t('reform.platform.financingKindLabel'),
      render: (_, r) => t(`reform.platform.financingKind.${r.kind}`),
    },
    {
      key: 'principalFen',
      title: t('reform.platform.principal'),
      sortable: true,
      align: 'right',
      render: (_, r) => yuan(r.principalFen),
    },
    {
      key: 'rateBp',
      title: t('reform.platform.rate'),
      sortable: true,
      align: 'right',
      render: (_, r) => rate(r.rateBp),
    },
    { key: 'startOn', title: t('reform.platform.startOn'), sortable: true, dataIndex: 'startOn' },
    { key: 'endOn', title: t('reform.platform.endOn'), dataIndex: 'endOn' },
    {
      key: 'replaces',
      title: t('reform.platform.replaces'),
      render: (_, r) =>
        r.replacesCode ? (
          `${r.replacesCode}（${rate(r.replacedRateBp)}）`
        ) : r.replaced ? (
          <Tag>{t('reform.platform.replaced')}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'saved',
      title: t('reform.platform.savedYearly'),
      align: 'right',
      render: (_, r) => yuan(r.yearlyInterestSavedFen),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      alwaysVisible: true,
      render: (_, r) => <RowActions name={r.code} onEdit={() => crud.openEdit(r)} onDelete={() => crud.remove(r.id)} />,
    });
  return (
    <>
      <ListTable<Financing>
        tableId="reform.platform.financing"
        endpoint={FINANCING}
        title={t('reform.platform.financing')}
        rowKey={(r) => r.id}
        columns={columns}
        defaultSort={{ field: 'code', order: 'ascend' }}
        initialFilters={linked}
        filters={[
          { name: 'kind', label: t('reform.platform.financingKindLabel'), options: kinds, width: 120 },
          {
            name: 'refinancing',
            label: t('reform.platform.refinancingLabel'),
            options: [
              { value: 'true', label: t('reform.platform.refinancingYes') },
              { value: 'false', label: t('reform.platform.refinancingNo') },
            ],
            width: 120,
          },
          {
            name: 'outstanding',
            label: t('reform.platform.outstandingLabel'),
            options: [
              { value: 'true', label: t('reform.platform.outstandingYes') },
              { value: 'false', label: t('reform.platform.replaced') },
            ],
            width: 120,
          },
        ]}
        toolbar={(q) => (
          <>
            <ExportButton endpoint={FINANCING} query={q} />
            {canEdit && <ImportDialog kind="reform-platform-financing" title={t('reform.platform.financing')} />}
            {canEdit && <CreateButton onClick={crud.openCreate} />}
          </>
        )}
      />
      {canEdit && <FinancingModal key={crud.open ? (crud.editing?.id ?? 'new') : 'closed'} crud={crud} />}
    </>
  );
}

/** Yuan typed (≤ 2 decimals) ↔ fen stored; a percentage typed (≤ 2 decimals) ↔ basis points stored. */
const fenProps = {
  getValueProps: (v?: number | null) => ({ value: typeof v === 'number' ? v / 100 : null }),
  normalize: (v?: number | null) => (typeof v === 'number' ? Math.round(v * 100) : null),
};
const bpProps = fenProps;

/**
 * A financing record: lender, principal, rate, dates; a refinancing (置换) picks the record it replaces, whose rate
 * is the old rate, and the yearly interest saved is computed as the server does (principal × (old − new rate)).
 */
function FinancingModal({ crud }: { crud: ReturnType<typeof useEntityCrud<Financing, FinancingInput>> }) {
  const { t } = useTranslation();
  const field = useZodFields(financingInputSchema);
  const kinds = useEnumOptions(financingKinds, 'reform.platform.financingKind');
  const editing = crud.editing;
  // records that can still be refinanced (plus the one this record already replaces), never this record itself
  const candidates = useQuery({
    queryKey: [FINANCING, 'candidates'],
    queryFn: ({ signal }) =>
      api.get<Page<Financing>>(FINANCING, {
        query: { outstanding: 'true', pageSize: 500, sortField: 'code', sortOrder: 'ascend' },
        signal,
      }),
    enabled: crud.open,
  });
  const options = (candidates.data?.data ?? []).filter((r) => r.id !== editing?.id);
  if (editing?.replacesId && !options.some((r) => r.id === editing.replacesId))
    options.unshift({
      id: editing.replacesId,
      code: editing.replacesCode ?? '',
      rateBp: editing.replacedRateBp ?? 0,
      lender: '',
    } as Financing);
  const principalFen = Form.useWatch('principalFen', crud.form) as number | null | undefined;
  const rateBp = Form.useWatch('rateBp', crud.form) as number | null | undefined;
  const replacesId = Form.useWatch('replacesId', crud.form) as string | null | undefined;
  const replaced = options.find((r) => r.id === replacesId);
  const saved =
    replaced && typeof principalFen === 'number' && typeof rateBp === 'number'
      ? yearlyInterestSaved(principalFen, replaced.rateBp, rateBp)
      : null;
  return (
    <EntityFormModal<FinancingInput>
      name="platformFinancing"
      open={crud.open}
      form={crud.form}
      title={t(editing ? 'reform.platform.editFinancing' : 'reform.platform.newFinancing')}
      initialValues={editing ?? { kind: 'bank_loan', replacesId: null }}
      onClose={crud.close}
      onSubmit={crud.save}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.code')} {...field('code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.financingKindLabel')} {...field('kind')}>
            <Select options={kinds} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('reform.platform.lender')} {...field('lender')}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.principal')} {...field('principalFen')} {...fenProps}>
            <InputNumber style={{ width: '100%' }} min={0} precision={2} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.ratePercent')} {...field('rateBp')} {...bpProps}>
            <InputNumber style={{ width: '100%' }} min={0} max={100} precision={2} suffix="%" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.startOn')} {...field('startOn')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('reform.platform.endOn')}
            {...field('endOn')}
            {...dateProps}
            dependencies={['startOn']}
            rules={[
              ...(field('endOn').rules ?? []),
              ({ getFieldValue }) => ({
                validator: async (_r, v?: string | null) => {
                  const start = getFieldValue('startOn') as string | null;
                  if (v && start && v <= start) throw new Error(t('validation.REFORM_END_BEFORE_START'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('reform.platform.replacesLabel')} {...field('replacesId')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('reform.platform.replacesNone')}
              loading={candidates.isLoading}
              options={options.map((r) => ({
                value: r.id,
                label: `${r.code} ${r.lender}（${rate(r.rateBp)}）`.replace(' （', '（'),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('reform.platform.oldRate')}>
            <Input disabled data-testid="old-rate" value={replaced ? rate(replaced.rateBp) : '—'} />
          </Form.Item>
        </Col>
      </Row>
      <Alert
        type={saved !== null && saved < 0 ? 'warning' : 'info'}
        showIcon
        data-testid="saved-preview"
        message={
          saved === null
            ? t('reform.platform.savedNone')
            : t('reform.platform.savedPreview', { amount: yuan(saved), wan: wan(saved) })
        }
        style={{ marginBottom: 12 }}
      />
      <Form.Item label={t('reform.platform.detail')} {...field('note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </EntityFormModal>
  );
}
