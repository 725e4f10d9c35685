import { UploadOutlined } from '@ant-design/icons';
import { type Contract, type Parcel, type ParcelInput, parcelStatuses, parcelUses } from '@shared/land';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Statistic, Tabs, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { CreateButton } from '../../../shared/components/CreateButton';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { type ListColumn, ListTable } from '../../../shared/components/ListTable';
import { useEnumOptions } from '../../../shared/format';
import { useEntityCrud } from '../../../shared/hooks/useEntityCrud';
import { useCan } from '../../../shared/session';
import { CONTRACTS, PARCEL_MAP, PARCELS, STATS, STATUS_COLOR, useParcelMap, useStats } from '../api';
import { ParcelFormModal, type ParcelFormValues } from '../components/ParcelFormModal';
import { ParcelMap } from '../components/ParcelMap';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** 地块: the zone's parcel map and register, supervision figures of the year, GeoJSON/Excel import and export. */
export default function LandParcelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('land.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const crud = useEntityCrud<Parcel, ParcelFormValues>(PARCELS, [PARCEL_MAP, STATS]);
  const map = useParcelMap();
  const year = new Date().getFullYear();
  const stats = useStats(`${year}-01-01`, `${year}-12-31`);
  const useOptions = useEnumOptions(parcelUses, 'land.uses');
  const statusOptions = useEnumOptions(parcelStatuses, 'land.statuses');
  const refresh = () =>
    Promise.all([PARCELS, PARCEL_MAP, CONTRACTS, STATS].map((k) => client.invalidateQueries({ queryKey: [k] })));

  const importGeoJson = async (file: File) => {
    try {
      const body = JSON.parse(await file.text());
      const r = await api.post<{ created: number; updated: number }>(`${PARCELS}/import-geojson`, body);
      message.success(t('land.geojsonImported', r));
      await refresh();
    } catch (e) {
      message.error(e instanceof SyntaxError ? t('land.geojsonInvalid') : (e as Error).message);
    }
    return false;
  };

  const columns: ListColumn<Parcel>[] = [
    {
      key: 'code',
      title: t('land.code'),
      alwaysVisible: true,
      sortable: true,
      render: (_, r) => <Link to={`/land/parcels/${r.id}`}>{r.code}</Link>,
    },
    { key: 'name', title: t('land.name') },
    { key: 'use', title: t('land.use'), render: (_, r) => t(`land.uses.${r.use}`) },
    {
      key: 'status',
      title: t('land.status'),
      render: (_, r) => (
        <>
          <Tag color={STATUS_COLOR[r.status]}>{t(`land.statuses.${r.status}`)}</Tag>
          {r.idle && <Tag color={STATUS_COLOR.idle}>{t(`land.proposals.${r.idleProposal}`)}</Tag>}
        </>
      ),
    },
    { key: 'areaMu', title: t('land.areaMu'), align: 'right', sortable: true, render: (_, r) => r.areaMu.toFixed(2) },
    {
      key: 'areaM2',
      title: t('land.areaM2'),
      align: 'right',
      defaultHidden: true,
      render: (_, r) => r.areaM2.toLocaleString(),
    },
    { key: 'enterpriseName', title: t('land.owner'), render: (_, r) => r.enterpriseName ?? '—' },
    {
      key: 'landPrice',
      title: t('land.landPrice'),
      align: 'right',
      render: (_, r) => (r.landPrice === null ? '—' : r.landPrice.toLocaleString()),
    },
    { key: 'deliveredOn', title: t('land.deliveredOn'), sortable: true, render: (_, r) => r.deliveredOn ?? '—' },
  ];

  const money = (x: number) => x.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const contractColumns: ListColumn<Contract>[] = [
    { key: 'contractNo', title: t('land.contractNo'), alwaysVisible: true },
    {
      key: 'parcelCode',
      title: t('land.code'),
      render: (_, r) => <Link to={`/land/parcels/${r.parcelId}`}>{r.parcelCode}</Link>,
    },
    { key: 'enterpriseName', title: t('land.owner') },
    { key: 'signedOn', title: t('land.signedOn') },
    { key: 'landPrice', title: t('land.landPrice'), align: 'right', render: (_, r) => money(r.landPrice) },
    { key: 'investment', title: t('land.investment'), align: 'right', render: (_, r) => r.investment.toLocaleString() },
    {
      key: 'investmentIntensity',
      title: t('land.investmentIntensity'),
      align: 'right',
      defaultHidden: true,
      render: (_, r) => r.investmentIntensity.toFixed(2),
    },
    { key: 'agreedStartOn', title: t('land.agreedStartOn') },
    { key: 'agreedCompletionOn', title: t('land.agreedCompletionOn') },
    { key: 'startedOn', title: t('land.startedOn'), render: (_, r) => r.startedOn ?? '—' },
    { key: 'completedOn', title: t('land.completedOn'), render: (_, r) => r.completedOn ?? '—' },
    {
      key: 'accruedPenalty',
      title: t('land.accruedPenalty'),
      align: 'right',
      render: (_, r) => (r.accruedPenalty ? money(r.accruedPenalty) : '—'),
    },
  ];

  const s = stats.data;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { title: t('land.stats.parcels'), value: s ? `${s.parcels} / ${s.areaMu.toFixed(0)} ${t('land.mu')}` : '—' },
          { title: t('land.stats.coverage'), value: s ? `${pct(s.coverage)} (${s.patrolled}/${s.toPatrol})` : '—' },
          { title: t('land.stats.startDefaultRate'), value: s ? pct(s.startDefaultRate) : '—' },
          { title: t('land.stats.completionDefaultRate'), value: s ? pct(s.completionDefaultRate) : '—' },
          { title: t('land.stats.idle'), value: s ? `${s.idleParcels} / ${s.idleMu.toFixed(1)} ${t('land.mu')}` : '—' },
          { title: t('land.stats.revitalised'), value: s ? `${s.revitalisedMu.toFixed(1)} ${t('land.mu')}` : '—' },
        ].map((x) => (
          <Col key={x.title} xs={12} md={8} xl={4}>
            <Card size="small" variant="borderless">
              <Statistic title={x.title} value={x.value} valueStyle={{ fontSize: 18 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Tabs
        items={[
          {
            key: 'map',
            label: t('land.map'),
            children: (
              <Card variant="borderless">
                <ParcelMap data={map.data} onOpen={(id) => navigate(`/land/parcels/${id}`)} />
              </Card>
            ),
          },
          {
            key: 'list',
            label: t('land.list'),
            children: (
              <ListTable<Parcel>
                tableId="land.parcels"
                endpoint={PARCELS}
                title={t('land.parcels')}
                rowKey={(r) => r.id}
                columns={columns}
                searchPlaceholder={t('land.searchParcels')}
                filters={[
                  { name: 'status', label: t('land.status'), options: statusOptions, width: 120 },
                  { name: 'use', label: t('land.use'), options: useOptions, width: 110 },
                  {
                    name: 'idle',
                    label: t('land.idle'),
                    options: [
                      { value: 'true', label: t('land.yes') },
                      { value: 'false', label: t('land.no') },
                    ],
                    width: 100,
                  },
                ]}
                toolbar={(q) => (
                  <>
                    <ExportButton endpoint={PARCELS} query={q} />
                    {canWrite && (
                      <>
                        <Upload accept=".geojson,.json" showUploadList={false} beforeUpload={importGeoJson}>
                          <Button icon={<UploadOutlined />}>{t('land.importGeoJson')}</Button>
                        </Upload>
                        <ImportDialog kind="land-parcels" title={t('land.parcels')} onDone={refresh} />
                        <CreateButton onClick={crud.openCreate} />
                      </>
                    )}
                  </>
                )}
              />
            ),
          },
          {
            key: 'contracts',
            label: t('land.contracts'),
            children: (
              <ListTable<Contract>
                tableId="land.contracts"
                endpoint={CONTRACTS}
                title={t('land.contracts')}
                rowKey={(r) => r.id}
                columns={contractColumns}
                searchPlaceholder={t('land.searchContracts')}
                toolbar={() =>
                  canWrite && <ImportDialog kind="land-contracts" title={t('land.contracts')} onDone={refresh} />
                }
              />
            ),
          },
        ]}
      />
      {canWrite && (
        <ParcelFormModal
          open={crud.open}
          form={crud.form}
          editing={crud.editing}
          onClose={crud.close}
          onSubmit={async (v: ParcelInput) => {
            const saved = await crud.save(v as unknown as ParcelFormValues);
            navigate(`/land/parcels/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
