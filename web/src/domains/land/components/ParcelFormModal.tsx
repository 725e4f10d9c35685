import { type Parcel, type ParcelGeometry, type ParcelInput, parcelStatuses, parcelUses } from '@shared/land';
import { Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { useEnumOptions } from '../../../shared/format';
import { useEnterpriseOptions } from '../api';

/** Form values: the boundary as "lng,lat;lng,lat;…" text (the server computes the area). */
export type ParcelFormValues = Omit<ParcelInput, 'geometry'> & { boundary: string };

export function boundaryText(g: ParcelGeometry | undefined): string {
  const ring = g ? (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0]) : undefined;
  return (ring ?? []).map(([lng, lat]) => `${lng},${lat}`).join(';\n');
}

/** "lng,lat;…" → a closed polygon (validation of the numbers is the server's). */
export function polygonOf(text: string): ParcelGeometry {
  const pts = text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => p.split(/[,，\s]+/).map(Number) as [number, number]);
  const first = pts[0];
  const last = pts.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) pts.push([first[0], first[1]]);
  return { type: 'Polygon', coordinates: [pts] };
}

export function ParcelFormModal({
  open,
  form,
  editing,
  onClose,
  onSubmit,
}: {
  open: boolean;
  form: FormInstance<ParcelFormValues>;
  editing: Parcel | null;
  onClose: () => void;
  onSubmit: (v: ParcelInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const enterprises = useEnterpriseOptions(q, open);
  const useOptions = useEnumOptions(parcelUses, 'land.uses');
  const statusOptions = useEnumOptions(parcelStatuses, 'land.statuses');
  const initial: Partial<ParcelFormValues> = editing
    ? { ...editing, boundary: boundaryText(editing.geometry) }
    : { use: 'industrial', status: 'reserve', name: '', note: '' };
  const current = editing?.enterpriseId ? [{ value: editing.enterpriseId, label: editing.enterpriseName ?? '' }] : [];
  return (
    <EntityFormModal<ParcelFormValues>
      name="parcel"
      open={open}
      form={form}
      title={editing ? t('land.editParcel') : t('land.newParcel')}
      initialValues={initial}
      onClose={onClose}
      onSubmit={({ boundary, ...v }) =>
        onSubmit({
          ...v,
          name: v.name ?? '',
          note: v.note ?? '',
          enterpriseId: v.enterpriseId ?? null,
          landPrice: v.landPrice ?? null,
          deliveredOn: v.deliveredOn || null,
          geometry: polygonOf(boundary),
        })
      }
      width={640}
    >
      <Form.Item name="code" label={t('land.code')} rules={[{ required: true, max: 40 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="name" label={t('land.name')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="use" label={t('land.use')} rules={[{ required: true }]}>
        <Select options={useOptions} />
      </Form.Item>
      <Form.Item name="status" label={t('land.status')} rules={[{ required: true }]}>
        <Select options={statusOptions} />
      </Form.Item>
      <Form.Item name="boundary" label={t('land.boundary')} extra={t('land.boundaryHint')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t('land.owner')}>
        <Select
          allowClear
          showSearch
          filterOption={false}
          onSearch={setQ}
          options={[...current, ...enterprises.options.filter((o) => o.value !== editing?.enterpriseId)]}
          loading={enterprises.loading}
        />
      </Form.Item>
      <Form.Item name="landPrice" label={t('land.landPrice')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="deliveredOn" label={t('land.deliveredOn')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="note" label={t('land.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </EntityFormModal>
  );
}
