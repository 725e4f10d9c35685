import type { Staff } from '@shared/org';
import { DEPARTMENT_ROLES, ROLES, type Role, ZONE_BOUND_ROLES } from '@shared/roles';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../shared/api';
import { useEnumOptions } from '../../../shared/format';
import { STAFF, useDepartmentOptions } from '../../org/api';
import { useProvinceOptions, useZoneOptions } from '../api';

export interface ScopeValues {
  role: Role;
  zoneId?: string | null;
  departmentId?: string | null;
  provinceId?: string | null;
  enterpriseId?: string | null;
  staffId?: string | null;
}

/** Which scope inputs a role needs (mirrors the server's normaliseScope). */
export function scopeNeeds(role?: Role) {
  return {
    zone: role !== undefined && ZONE_BOUND_ROLES.includes(role),
    department: role !== undefined && (DEPARTMENT_ROLES.includes(role) || role === 'zone_leader'),
    departmentRequired: role !== undefined && DEPARTMENT_ROLES.includes(role),
    province: role === 'province_viewer',
    enterprise: role === 'enterprise',
  };
}

/** Drops scope values the chosen role does not use, so the server receives null for them. */
export function normaliseScope<V extends ScopeValues>(values: V): V {
  const need = scopeNeeds(values.role);
  return {
    ...values,
    zoneId: need.zone ? (values.zoneId ?? null) : null,
    departmentId: need.department ? (values.departmentId ?? null) : null,
    provinceId: need.province ? (values.provinceId ?? null) : null,
    enterpriseId: need.enterprise ? (values.enterpriseId ?? null) : null,
    staffId: need.zone ? (values.staffId ?? null) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Role plus the zone / department / province / enterprise inputs the role needs. */
export function UserScopeFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ScopeValues>();
  const role = Form.useWatch('role', form);
  const zoneId = Form.useWatch('zoneId', form);
  const need = scopeNeeds(role);
  const roleOptions = useEnumOptions(ROLES, 'enums.role');
  const zones = useZoneOptions();
  const provinces = useProvinceOptions(need.province);
  const departments = useDepartmentOptions(zoneId ?? null, need.department && Boolean(zoneId));
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <>
      <Form.Item label={t('users.role')} name="role" required rules={required}>
        <Select options={roleOptions} placeholder={t('common.pleaseSelect')} />
      </Form.Item>
      {need.zone && (
        <Form.Item label={t('users.zone')} name="zoneId" required rules={required}>
          <Select
            options={zones.options}
            loading={zones.loading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.pleaseSelect')}
            onChange={() => {
              form.setFieldValue('departmentId', null);
              form.setFieldValue('staffId', null);
            }}
          />
        </Form.Item>
      )}
      {need.department && (
        <Form.Item
          label={t('users.department')}
          name="departmentId"
          required={need.departmentRequired}
          rules={need.departmentRequired ? required : []}
        >
          <Select
            options={departments.options}
            loading={departments.loading}
            disabled={!zoneId}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={zoneId ? t('common.pleaseSelect') : t('users.chooseZoneFirst')}
          />
        </Form.Item>
      )}
      {need.zone && <StaffLinkField zoneId={zoneId ?? null} />}
      {need.province && (
        <Form.Item label={t('users.province')} name="provinceId" required rules={required}>
          <Select
            options={provinces.options}
            loading={provinces.loading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.pleaseSelect')}
          />
        </Form.Item>
      )}
      {need.enterprise && (
        <Form.Item
          label={t('users.enterpriseId')}
          name="enterpriseId"
          required
          extra={t('users.enterpriseIdHelp')}
          rules={[...required, { pattern: UUID, message: t('validation.format') }]}
        >
          <Input />
        </Form.Item>
      )}
    </>
  );
}

/**
 * 关联人员: the staff member the account belongs to, so 我的考核 shows that person's KPIs and pay. Searched on the
 * server (name or employee number) within the chosen zone; the current link stays visible while nothing is typed.
 */
function StaffLinkField({ zoneId }: { zoneId: string | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ScopeValues & { staffName?: string | null; staffEmployeeNo?: string | null }>();
  const [q, setQ] = useState('');
  const current = form.getFieldValue('staffId') as string | null | undefined;
  const currentName = form.getFieldValue('staffName') as string | null | undefined;
  const currentNo = form.getFieldValue('staffEmployeeNo') as string | null | undefined;
  const staff = useQuery({
    queryKey: [STAFF, 'user-link', zoneId, q],
    queryFn: ({ signal }) =>
      api.get<Page<Staff>>(STAFF, { query: { current: 1, pageSize: 20, q: q || undefined }, zoneId, signal }),
    enabled: Boolean(zoneId),
  });
  const options = (staff.data?.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.name}（${s.employeeNo} · ${s.departmentName}）`,
  }));
  if (current && currentName && !options.some((o) => o.value === current)) {
    options.unshift({ value: current, label: `${currentName}（${currentNo ?? ''}）` });
  }
  return (
    <Form.Item label={t('users.staff')} name="staffId" extra={t('users.staffHelp')}>
      <Select
        allowClear
        disabled={!zoneId}
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={staff.isFetching}
        options={options}
        placeholder={zoneId ? t('users.staffPlaceholder') : t('users.chooseZoneFirst')}
        notFoundContent={staff.isFetching ? undefined : t('users.staffNone')}
      />
    </Form.Item>
  );
}
