import { DEPARTMENT_ROLES, ROLES, type Role, ZONE_BOUND_ROLES } from '@shared/roles';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../shared/format';
import { useDepartmentOptions } from '../../org/api';
import { useProvinceOptions, useZoneOptions } from '../api';

export interface ScopeValues {
  role: Role;
  zoneId?: string | null;
  departmentId?: string | null;
  provinceId?: string | null;
  enterpriseId?: string | null;
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
            onChange={() => form.setFieldValue('departmentId', null)}
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
