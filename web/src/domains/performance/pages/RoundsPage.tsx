import type { Post, Staff } from '@shared/org';
import { ROUND_TIE_BREAK_RULE, type Round } from '@shared/performance';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type Page } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { POSTS, STAFF } from '../../org/api';

export const ROUNDS = '/api/performance/rounds';
type Applicant = Round['applicants'][number];
type ScoreDraft = Record<string, { writtenScore: number | null; interviewScore: number | null }>;

const statusBadge = { open: 'processing', publicized: 'warning', finalized: 'success' } as const;

/** Today in the zone's calendar (Asia/Shanghai), as the server's todayInChina. */
function todayInZone(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The publicity period (公示) is still running: the server refuses to finalize until the day after it ends. */
export function publicityRunning(r: Pick<Round, 'publicityEndsOn'>, today = todayInZone()): boolean {
  return r.publicityEndsOn !== null && today <= r.publicityEndsOn;
}

function errorText(e: unknown, fallback: string): string {
  if (isApiError(e) && e.fields) return Object.values(e.fields).join('；');
  return e instanceof Error ? e.message : fallback;
}

/** 竞聘上岗: rounds of competitive appointment — posts on offer, applicants, scores, publicity, appointment. */
export default function RoundsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('performance.manage');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const rounds = useQuery({
    queryKey: [ROUNDS],
    queryFn: ({ signal }) => api.get<Round[]>(ROUNDS, { signal }),
  });
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = rounds.data ?? [];
    if (!q) return all;
    return all.filter(
      (r) => r.name.toLowerCase().includes(q) || r.posts.some((p) => p.postName.toLowerCase().includes(q)),
    );
  }, [rounds.data, search]);
  return (
    <Card
      title={t('menu.perfRounds')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('performance.rounds.search')}
            onSearch={setSearch}
            onChange={(e) => !e.target.value && setSearch('')}
            style={{ width: 220 }}
          />
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('performance.rounds.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Round>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('performance.rounds.none')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        columns={[
          {
            key: 'name',
            title: t('performance.rounds.name'),
            render: (_, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(r.id)}>
                {r.name}
              </Button>
            ),
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, r) => (
              <Badge status={statusBadge[r.status]} text={t(`performance.rounds.status.${r.status}`)} />
            ),
          },
          {
            key: 'posts',
            title: t('performance.rounds.posts'),
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                {r.posts.map((p) => (
                  <Tag key={p.postId}>
                    {p.postName} × {p.seats}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'applicants',
            title: t('performance.rounds.applicantCount'),
            align: 'right',
            render: (_, r) => r.applicants.length,
          },
          {
            key: 'weights',
            title: t('performance.rounds.weights'),
            render: (_, r) => `${r.writtenWeight} / ${r.interviewWeight}`,
          },
          {
            key: 'term',
            title: t('performance.rounds.termStartsOn'),
            render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.termStartsOn}</span>,
          },
          {
            key: 'publicity',
            title: t('performance.rounds.publicity'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {r.publicityStartsOn ? `${r.publicityStartsOn} ~ ${r.publicityEndsOn}` : '—'}
              </span>
            ),
          },
          {
            key: 'at',
            title: t('common.createdAt'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt, i18n.language)}</span>
            ),
          },
        ]}
      />
      {canManage && (
        <CreateRoundModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      )}
      <RoundDrawer id={openId} onClose={() => setOpenId(null)} canManage={canManage} />
    </Card>
  );
}

interface RoundForm {
  name: string;
  writtenWeight: number;
  interviewWeight: number;
  passScore: number;
  publicityDays: number;
  termStartsOn: Dayjs;
  posts: { postId: string; seats: number }[];
}

function CreateRoundModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<RoundForm>();
  const [busy, setBusy] = useState(false);
  const written = Form.useWatch('writtenWeight', form) ?? 0;
  const interview = Form.useWatch('interviewWeight', form) ?? 0;
  const posts = useQuery({
    queryKey: [POSTS, 'all'],
    queryFn: ({ signal }) => api.get<Page<Post>>(POSTS, { query: { current: 1, pageSize: 500 }, signal }),
    enabled: open,
  });
  const postOptions = (posts.data?.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.departmentName} · ${p.name}${p.grade ? `（${p.grade}）` : ''}`,
  }));
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const round = await api.post<Round>(ROUNDS, {
        ...v,
        termStartsOn: v.termStartsOn.format('YYYY-MM-DD'),
      });
      void client.invalidateQueries({ queryKey: [ROUNDS] });
      form.resetFields();
      onCreated(round.id);
    } catch (e) {
      if (!applyServerErrors(form, e)) message.error(errorText(e, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };
  const sum = Number(written) + Number(interview);
  return (
    <Modal
      open={open}
      title={t('performance.rounds.new')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form<RoundForm>
        form={form}
        layout="vertical"
        initialValues={{
          writtenWeight: 40,
          interviewWeight: 60,
          passScore: 60,
          publicityDays: 5,
          posts: [{ seats: 1 }],
        }}
      >
        <Form.Item name="name" label={t('performance.rounds.name')} rules={[{ required: true, min: 2, max: 80 }]}>
          <Input />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="writtenWeight" label={t('performance.rounds.writtenWeight')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} suffix="%" />
          </Form.Item>
          <Form.Item
            name="interviewWeight"
            label={t('performance.rounds.interviewWeight')}
            rules={[{ required: true }]}
            dependencies={['writtenWeight']}
          >
            <InputNumber min={0} max={100} precision={2} suffix="%" />
          </Form.Item>
          <Form.Item name="passScore" label={t('performance.rounds.passScore')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="publicityDays" label={t('performance.rounds.publicityDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
        {sum !== 100 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('performance.rounds.weightSum', { sum: Math.round(sum * 100) / 100 })}
          />
        )}
        <Form.Item name="termStartsOn" label={t('performance.rounds.termStartsOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Typography.Text strong>{t('performance.rounds.posts')}</Typography.Text>
        <Form.List name="posts">
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'postId']} rules={[{ required: true }]} style={{ width: 380 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={posts.isLoading}
                      options={postOptions}
                      placeholder={t('performance.rounds.post')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'seats']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={50} prefix={t('performance.rounds.seats')} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('common.delete')}</Button>}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block onClick={() => add({ seats: 1 })}>
                {t('performance.rounds.addPost')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function RoundDrawer({ id, onClose, canManage }: { id: string | null; onClose(): void; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const round = useQuery({
    queryKey: [ROUNDS, 'one', id],
    queryFn: ({ signal }) => api.get<Round>(`${ROUNDS}/${id}`, { signal }),
    enabled: Boolean(id),
  });
  const [draft, setDraft] = useState<ScoreDraft>({});
  const onDone = (r: Round) => {
    client.setQueryData([ROUNDS, 'one', r.id], r);
    void client.invalidateQueries({ queryKey: [ROUNDS] });
  };
  const action = useMutation({
    mutationFn: (path: 'publish' | 'finalize') => api.post<Round>(`${ROUNDS}/${id}/${path}`),
    onSuccess: (r) => {
      onDone(r);
      message.success(t('common.saved'));
    },
    onError: (e) => message.error(errorText(e, t('errors.unknown'))),
  });
  const saveScores = useMutation({
    mutationFn: (scores: { applicantId: string; writtenScore: number; interviewScore: number }[]) =>
      api.put<Round>(`${ROUNDS}/${id}/scores`, { scores }),
    onSuccess: (r) => {
      onDone(r);
      setDraft({});
      message.success(t('common.saved'));
    },
    onError: (e) => message.error(errorText(e, t('errors.unknown'))),
  });
  const r = round.data;
  const editable = canManage && r?.status === 'open';
  const dirty = Object.keys(draft).length > 0;
  const submitScores = () => {
    if (!r) return;
    const scores = [];
    for (const [applicantId, d] of Object.entries(draft)) {
      const a = r.applicants.find((x) => x.id === applicantId);
      const writtenScore = d.writtenScore ?? a?.writtenScore ?? null;
      const interviewScore = d.interviewScore ?? a?.interviewScore ?? null;
      if (writtenScore === null || interviewScore === null) {
        message.warning(t('performance.rounds.bothScores', { name: a?.staffName ?? '' }));
        return;
      }
      scores.push({ applicantId, writtenScore, interviewScore });
    }
    saveScores.mutate(scores);
  };
  const close = () => {
    setDraft({});
    onClose();
  };
  const unscored = r?.applicants.filter((a) => a.total === null).length ?? 0;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={close}
      size={1000}
      destroyOnHidden
      title={r?.name ?? t('performance.rounds.detail')}
      loading={round.isLoading}
      extra={
        r &&
        canManage && (
          <Space>
            {r.status === 'open' && (
              <Popconfirm
                title={t('performance.rounds.publishConfirm', { days: r.publicityDays })}
                onConfirm={() => action.mutate('publish')}
                disabled={dirty || unscored > 0}
              >
                <Button
                  type="primary"
                  loading={action.isPending}
                  disabled={dirty || r.applicants.length === 0 || unscored > 0}
                >
                  {t('performance.rounds.publish')}
                </Button>
              </Popconfirm>
            )}
            {r.status === 'publicized' &&
              (publicityRunning(r) ? (
                <Tooltip title={t('performance.rounds.finalizeWait', { until: r.publicityEndsOn })}>
                  {/* A disabled button swallows pointer events; the span carries the tooltip. */}
                  <span data-testid="finalize-wait">
                    <Button type="primary" disabled>
                      {t('performance.rounds.finalize')}
                    </Button>
                  </span>
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('performance.rounds.finalizeConfirm', {
                    count: r.applicants.filter((a) => a.result === 'selected').length,
                  })}
                  onConfirm={() => action.mutate('finalize')}
                >
                  <Button type="primary" loading={action.isPending}>
                    {t('performance.rounds.finalize')}
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        )
      }
    >
      {r && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
            <Descriptions.Item label={t('common.status')}>
              <Badge status={statusBadge[r.status]} text={t(`performance.rounds.status.${r.status}`)} />
            </Descriptions.Item>
            <Descriptions.Item label={t('performance.rounds.weights')}>
              {r.writtenWeight} / {r.interviewWeight}
            </Descriptions.Item>
            <Descriptions.Item label={t('performance.rounds.passScore')}>{r.passScore}</Descriptions.Item>
            <Descriptions.Item label={t('performance.rounds.termStartsOn')}>{r.termStartsOn}</Descriptions.Item>
            <Descriptions.Item label={t('performance.rounds.publicityDays')}>{r.publicityDays}</Descriptions.Item>
            <Descriptions.Item label={t('performance.rounds.publicity')}>
              {r.publicityStartsOn ? `${r.publicityStartsOn} ~ ${r.publicityEndsOn}` : '—'}
            </Descriptions.Item>
          </Descriptions>
          {r.status === 'open' && unscored > 0 && r.applicants.length > 0 && (
            <Alert type="info" showIcon title={t('performance.rounds.unscored', { count: unscored })} />
          )}
          {r.status === 'publicized' && (
            <Alert
              type="warning"
              showIcon
              title={t('performance.rounds.publicizedHint', { until: r.publicityEndsOn })}
            />
          )}
          <Typography.Text type="secondary">
            {t('performance.rounds.tieBreak')}
            {ROUND_TIE_BREAK_RULE[i18n.language === 'en-US' ? 'en-US' : 'zh-CN']}
          </Typography.Text>
          {r.posts.map((p) => (
            <PostCard
              key={p.postId}
              round={r}
              post={p}
              editable={editable}
              draft={draft}
              setDraft={setDraft}
              onAdded={onDone}
            />
          ))}
          {editable && r.applicants.length > 0 && (
            <Space>
              <Button type="primary" disabled={!dirty} loading={saveScores.isPending} onClick={submitScores}>
                {t('performance.rounds.saveScores')}
              </Button>
              <Button disabled={!dirty} onClick={() => setDraft({})}>
                {t('performance.rounds.discard')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function PostCard({
  round,
  post,
  editable,
  draft,
  setDraft,
  onAdded,
}: {
  round: Round;
  post: Round['posts'][number];
  editable: boolean;
  draft: ScoreDraft;
  setDraft(f: (d: ScoreDraft) => ScoreDraft): void;
  onAdded(r: Round): void;
}) {
  const { t } = useTranslation();
  const list = round.applicants.filter((a) => a.postId === post.postId);
  const setScore = (a: Applicant, field: 'writtenScore' | 'interviewScore', value: number | null) =>
    setDraft((d) => ({
      ...d,
      [a.id]: {
        writtenScore: d[a.id]?.writtenScore ?? a.writtenScore,
        interviewScore: d[a.id]?.interviewScore ?? a.interviewScore,
        [field]: value,
      },
    }));
  const scoreInput = (a: Applicant, field: 'writtenScore' | 'interviewScore') =>
    editable ? (
      <InputNumber
        size="small"
        min={0}
        max={100}
        precision={2}
        style={{ width: 90 }}
        value={draft[a.id]?.[field] ?? a[field]}
        onChange={(v) => setScore(a, field, v)}
        aria-label={`${a.staffName} ${t(`performance.rounds.${field === 'writtenScore' ? 'written' : 'interview'}`)}`}
      />
    ) : (
      (a[field] ?? '—')
    );
  return (
    <Card
      size="small"
      title={`${post.departmentName} · ${post.postName}`}
      extra={
        <Space>
          <Tag>{t('performance.rounds.seatsOf', { seats: post.seats })}</Tag>
          <Tag>{t('performance.rounds.applicantsOf', { count: list.length })}</Tag>
        </Space>
      }
    >
      <Table<Applicant>
        rowKey="id"
        size="small"
        dataSource={list}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.rounds.noApplicants')} />,
        }}
        columns={[
          { key: 'rank', title: t('performance.rank'), width: 60, render: (_, a) => a.rank ?? '—' },
          { key: 'no', title: t('performance.employeeNo'), dataIndex: 'employeeNo', width: 90 },
          { key: 'name', title: t('performance.staffName'), dataIndex: 'staffName', width: 90 },
          { key: 'dept', title: t('performance.department'), dataIndex: 'departmentName' },
          { key: 'archive', title: t('performance.rounds.archiveRank'), dataIndex: 'archiveRank', width: 110 },
          {
            key: 'written',
            title: `${t('performance.rounds.written')} (${round.writtenWeight}%)`,
            align: 'right',
            render: (_, a) => scoreInput(a, 'writtenScore'),
          },
          {
            key: 'interview',
            title: `${t('performance.rounds.interview')} (${round.interviewWeight}%)`,
            align: 'right',
            render: (_, a) => scoreInput(a, 'interviewScore'),
          },
          {
            key: 'total',
            title: t('performance.rounds.total'),
            align: 'right',
            render: (_, a) => (a.total === null ? '—' : <strong>{a.total.toFixed(2)}</strong>),
          },
          {
            key: 'result',
            title: t('performance.rounds.result'),
            render: (_, a) =>
              a.result === null ? (
                '—'
              ) : (
                <Tag color={a.result === 'selected' ? 'green' : 'default'}>
                  {t(`performance.rounds.results.${a.result}`)}
                  {a.appointmentId ? ` · ${t('performance.rounds.appointed')}` : ''}
                </Tag>
              ),
          },
        ]}
      />
      {editable && <AddApplicant roundId={round.id} postId={post.postId} onAdded={onAdded} />}
    </Card>
  );
}

function AddApplicant({ roundId, postId, onAdded }: { roundId: string; postId: string; onAdded(r: Round): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [staffId, setStaffId] = useState<string | undefined>();
  const staff = useQuery({
    queryKey: [STAFF, 'round-search', q],
    queryFn: ({ signal }) =>
      api.get<Page<Staff>>(STAFF, { query: { current: 1, pageSize: 20, status: 'active', q: q || undefined }, signal }),
  });
  const add = useMutation({
    mutationFn: () => api.post<Round>(`${ROUNDS}/${roundId}/applicants`, { postId, staffId }),
    onSuccess: (r) => {
      setStaffId(undefined);
      onAdded(r);
    },
    onError: (e) => message.error(errorText(e, t('errors.unknown'))),
  });
  return (
    <Space style={{ marginTop: 8 }}>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        style={{ width: 300 }}
        value={staffId}
        onChange={setStaffId}
        loading={staff.isFetching}
        placeholder={t('performance.rounds.pickStaff')}
        options={(staff.data?.data ?? []).map((s) => ({
          value: s.id,
          label: `${s.name}（${s.employeeNo} · ${s.departmentName}）`,
        }))}
      />
      <Button disabled={!staffId} loading={add.isPending} onClick={() => add.mutate()}>
        {t('performance.rounds.addApplicant')}
      </Button>
    </Space>
  );
}
