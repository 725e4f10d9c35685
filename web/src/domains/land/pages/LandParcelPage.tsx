import type {
  Contract,
  ContractInput,
  ParcelMap as ParcelMapData,
  Patrol,
  PatrolInput,
  Review,
  ReviewInput,
} from '@shared/land';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, type Page } from '../../../shared/api';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useCan } from '../../../shared/session';
import {
  CONTRACTS,
  PARCEL_MAP,
  PARCELS,
  PATROLS,
  STATS,
  STATUS_COLOR,
  useContract,
  useParcel,
  useReviews,
} from '../api';
import { ContractFormModal, PatrolFormModal, ReviewFormModal } from '../components/LandForms';
import { ParcelFormModal, type ParcelFormValues } from '../components/ParcelFormModal';
import { ParcelMap } from '../components/ParcelMap';

const money = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toLocaleString('zh-CN', { minimumFractionDigits: 2 });

function ReviewCard({ review }: { review: Review }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={`${t(`land.reviewKinds.${review.kind}`)} · ${review.reviewedOn}`}
      extra={
        <Tag color={review.passed ? 'success' : 'error'}>{review.passed ? t('land.passed') : t('land.failed')}</Tag>
      }
    >
      <Table
        size="small"
        pagination={false}
        rowKey="indicator"
        dataSource={review.checks}
        columns={[
          { key: 'i', title: t('land.indicator'), render: (_, c) => t(`land.checks.${c.indicator}`) },
          { key: 'a', title: t('land.agreed'), dataIndex: 'agreed', align: 'right' },
          { key: 'x', title: t('land.actual'), dataIndex: 'actual', align: 'right' },
          { key: 'm', title: '', render: (_, c) => <Tag color={c.met ? 'success' : 'error'}>{c.met ? '✓' : '✗'}</Tag> },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        rowKey="label"
        dataSource={review.lines}
        columns={[
          { key: 'l', title: t('land.penaltyItem'), render: (_, l) => t(`land.lines.${l.label}`) },
          { key: 'f', title: t('land.formula'), render: (_, l) => <Typography.Text code>{l.formula}</Typography.Text> },
          { key: 'a', title: t('land.amount'), align: 'right', render: (_, l) => money(l.amount) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <b>{t('land.totalPenalty')}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <b data-testid="total-penalty">{money(review.totalPenalty)}</b>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

/** One parcel: its shape, idle verdict, standard-land contract with reviews, and patrols with photos. */
export default function LandParcelPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const canWrite = useCan('land.write');
  const parcel = useParcel(id);
  const contract = useContract(parcel.data?.contractId);
  const reviews = useReviews(parcel.data?.contractId);
  const patrols = useQuery({
    queryKey: [PATROLS, 'parcel', id],
    queryFn: ({ signal }) => api.get<Page<Patrol>>(PATROLS, { query: { parcelId: id, pageSize: 100 }, signal }),
    enabled: Boolean(id),
  });
  const [parcelForm] = Form.useForm<ParcelFormValues>();
  const [contractForm] = Form.useForm<ContractInput>();
  const [reviewForm] = Form.useForm<ReviewInput>();
  const [patrolForm] = Form.useForm<PatrolInput>();
  const [dialog, setDialog] = useState<null | 'parcel' | 'contract' | 'completion' | 'production' | 'patrol'>(null);
  const close = () => setDialog(null);
  const refresh = () =>
    Promise.all(
      [PARCELS, PARCEL_MAP, CONTRACTS, PATROLS, STATS].map((k) => client.invalidateQueries({ queryKey: [k] })),
    );

  const p = parcel.data;
  const mapData = useMemo<ParcelMapData | undefined>(
    () =>
      p && {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: p.geometry,
            properties: {
              id: p.id,
              code: p.code,
              name: p.name,
              status: p.status,
              idle: p.idle,
              areaMu: p.areaMu,
              enterpriseName: p.enterpriseName,
              efficiencyClass: null,
            },
          },
        ],
      },
    [p],
  );
  if (parcel.isLoading) return <PageLoading />;
  if (!p) return <Alert type="error" showIcon title={t('errors.loadFailed')} />;
  const c: Contract | undefined = contract.data;

  return (
    <Flex vertical gap={16}>
      <Card
        variant="borderless"
        title={`${t('land.parcel')} ${p.code} ${p.name}`}
        extra={
          canWrite && (
            <Space>
              <Button onClick={() => setDialog('parcel')}>{t('common.edit')}</Button>
              {!p.contractId && (
                <Popconfirm
                  title={t('land.deleteParcel')}
                  onConfirm={async () => {
                    await api.delete(`${PARCELS}/${p.id}`);
                    await refresh();
                    navigate('/land/parcels');
                  }}
                >
                  <Button danger>{t('common.delete')}</Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Flex gap={16} wrap>
          <Descriptions column={2} size="small" style={{ flex: '1 1 420px' }}>
            <Descriptions.Item label={t('land.status')}>
              <Tag color={STATUS_COLOR[p.status]}>{t(`land.statuses.${p.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('land.use')}>{t(`land.uses.${p.use}`)}</Descriptions.Item>
            <Descriptions.Item label={t('land.areaMu')}>{p.areaMu.toFixed(4)}</Descriptions.Item>
            <Descriptions.Item label={t('land.areaM2')}>{p.areaM2.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('land.owner')}>{p.enterpriseName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('land.landPrice')}>{money(p.landPrice)}</Descriptions.Item>
            <Descriptions.Item label={t('land.deliveredOn')}>{p.deliveredOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('land.idle')}>
              {p.idle ? (
                <Tag color="error">
                  {t(`land.idleReasons.${p.idleReason}`)} · {t(`land.proposals.${p.idleProposal}`)}
                  {p.idleFee > 0 ? ` ${money(p.idleFee)}` : ''}
                </Tag>
              ) : (
                t('land.no')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('land.idleSince')}>{p.idleSince ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('land.revitalisedOn')}>{p.revitalisedOn ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div style={{ flex: '1 1 320px' }}>
            <ParcelMap data={mapData} height={260} />
          </div>
        </Flex>
      </Card>

      <Card
        variant="borderless"
        title={t('land.contract')}
        extra={
          canWrite && (
            <Space>
              {c ? (
                <>
                  <Button onClick={() => setDialog('contract')}>{t('common.edit')}</Button>
                  <Button onClick={() => setDialog('completion')}>{t('land.reviewKinds.completion')}</Button>
                  <Button type="primary" onClick={() => setDialog('production')}>
                    {t('land.reviewKinds.production')}
                  </Button>
                </>
              ) : (
                <Button type="primary" onClick={() => setDialog('contract')}>
                  {t('land.newContract')}
                </Button>
              )}
            </Space>
          )
        }
      >
        {!c ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('land.noContract')} />
        ) : (
          <Flex vertical gap={12}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
              <Descriptions.Item label={t('land.contractNo')}>{c.contractNo}</Descriptions.Item>
              <Descriptions.Item label={t('land.owner')}>{c.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('land.signedOn')}>{c.signedOn}</Descriptions.Item>
              <Descriptions.Item label={t('land.investment')}>{c.investment}</Descriptions.Item>
              <Descriptions.Item label={t('land.investmentIntensity')}>{c.investmentIntensity}</Descriptions.Item>
              <Descriptions.Item label={t('land.plotRatio')}>{c.plotRatio}</Descriptions.Item>
              <Descriptions.Item label={t('land.taxPerMu')}>{c.taxPerMu}</Descriptions.Item>
              <Descriptions.Item label={t('land.rdShare')}>{c.rdShare ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('land.buildPeriod')}>
                {t('land.buildPeriodValue', {
                  build: c.buildMonths,
                  production: c.productionMonths,
                  ext: c.extensionMonths,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('land.agreedStartOn')}>{c.agreedStartOn}</Descriptions.Item>
              <Descriptions.Item label={t('land.agreedCompletionOn')}>{c.agreedCompletionOn}</Descriptions.Item>
              <Descriptions.Item label={t('land.agreedProductionOn')}>{c.agreedProductionOn}</Descriptions.Item>
              <Descriptions.Item label={t('land.startedOn')}>{c.startedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('land.completedOn')}>{c.completedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('land.accruedPenalty')}>{money(c.accruedPenalty)}</Descriptions.Item>
            </Descriptions>
            {(reviews.data ?? []).map((r) => (
              <ReviewCard key={r.id} review={r} />
            ))}
          </Flex>
        )}
      </Card>

      <Card
        variant="borderless"
        title={t('land.patrols')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setDialog('patrol')}>
              {t('land.newPatrol')}
            </Button>
          )
        }
      >
        <Table<Patrol>
          size="small"
          rowKey="id"
          loading={patrols.isLoading}
          dataSource={patrols.data?.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('land.noPatrols')} /> }}
          columns={[
            { key: 'd', title: t('land.patrolledOn'), dataIndex: 'patrolledOn' },
            { key: 'f', title: t('land.finding'), render: (_, r) => t(`land.findings.${r.finding}`) },
            { key: 'n', title: t('land.note'), dataIndex: 'note' },
            { key: 'p', title: t('land.photos'), render: (_, r) => r.photoFileIds.length },
            { key: 'i', title: t('land.inspector'), render: (_, r) => r.inspectorName ?? '—' },
          ]}
        />
      </Card>

      {canWrite && (
        <>
          <ParcelFormModal
            open={dialog === 'parcel'}
            form={parcelForm}
            editing={p}
            onClose={close}
            onSubmit={async (v) => {
              await api.put(`${PARCELS}/${p.id}`, v);
              await refresh();
            }}
          />
          <ContractFormModal
            open={dialog === 'contract'}
            form={contractForm}
            parcelId={p.id}
            editing={c ?? null}
            defaultEnterprise={p.enterpriseId ? { id: p.enterpriseId, name: p.enterpriseName ?? '' } : null}
            onClose={close}
            onSubmit={async (v) => {
              if (c) await api.put(`${CONTRACTS}/${c.id}`, v);
              else await api.post(CONTRACTS, v);
              await refresh();
            }}
          />
          {c && (dialog === 'completion' || dialog === 'production') && (
            <ReviewFormModal
              open
              form={reviewForm}
              kind={dialog}
              contract={c}
              onClose={close}
              onSubmit={async (v) => {
                const r = await api.post<Review>(`${CONTRACTS}/${c.id}/reviews`, v);
                message.info(t('land.reviewDone', { total: money(r.totalPenalty) }));
                await refresh();
              }}
            />
          )}
          <PatrolFormModal
            open={dialog === 'patrol'}
            form={patrolForm}
            parcelId={p.id}
            enterpriseId={p.enterpriseId}
            onClose={close}
            onSubmit={async (v) => {
              await api.post(PATROLS, v);
              await refresh();
            }}
          />
        </>
      )}
    </Flex>
  );
}
