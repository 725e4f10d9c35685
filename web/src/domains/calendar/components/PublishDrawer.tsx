import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  type CalendarPublishResult,
  calendarPublishInputSchema,
} from '@shared/calendar';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { zodRule } from '../../../shared/validation';
import { useCalendarYear, usePublishVersion } from '../api';
import { type PublishFormValues, toInput, toRows } from '../publishForm';
import { DaysEditor } from './DaysEditor';

interface Props {
  open: boolean;
  /** The year to publish; when `fixedYear` is false the drawer lets the admin pick another. */
  year: number;
  fixedYear?: boolean;
  onClose: () => void;
  onPublished?: (result: CalendarPublishResult) => void;
}

const { shape } = calendarPublishInputSchema;

/** Publishes a new version of a year's arrangement, prefilled from its current version when there is one. */
export function PublishDrawer({ open, year: initialYear, fixedYear, onClose, onPublished }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<PublishFormValues>();
  const [year, setYear] = useState(initialYear);
  const current = useCalendarYear(open ? year : null);
  const publish = usePublishVersion();
  const dirty = useRef(false);
  const prefilled = useRef<string | null>(null);

  useEffect(() => {
    if (open) setYear(initialYear);
    else {
      dirty.current = false;
      prefilled.current = null;
      form.resetFields();
    }
  }, [open, initialYear, form]);

  // Prefill the days from the year's current version (amending), unless the admin has already edited them.
  const detail = current.data;
  useEffect(() => {
    if (!open || detail === undefined || dirty.current) return;
    const key = `${year}:${detail?.version ?? 0}`;
    if (prefilled.current === key) return;
    prefilled.current = key;
    form.setFieldValue('days', detail ? toRows(detail.days) : []);
  }, [open, year, detail, form]);

  const showResult = (result: CalendarPublishResult) => {
    const entries = Object.entries(result.recomputed);
    const total = entries.reduce((s, [, n]) => s + n, 0);
    modal.success({
      title: t('calendar.publish.success', { year: result.year, version: result.version }),
      content: (
        <Flex vertical gap={4} role="status">
          <Typography.Text strong>{t('calendar.publish.recomputed')}</Typography.Text>
          {entries.length === 0 ? (
            <Typography.Text type="secondary">{t('calendar.publish.noRecompute')}</Typography.Text>
          ) : (
            entries.map(([name, count]) => (
              <Typography.Text key={name}>
                {t('calendar.publish.recomputedItem', {
                  name: t(`calendar.recomputers.${name}`, { defaultValue: name }),
                  count,
                })}
              </Typography.Text>
            ))
          )}
          {entries.length > 1 && <Typography.Text>{t('calendar.publish.total', { count: total })}</Typography.Text>}
        </Flex>
      ),
    });
  };

  const finish = async (values: PublishFormValues) => {
    try {
      const result = await publish.mutateAsync({ year, input: toInput(values) });
      onClose();
      form.resetFields();
      showResult(result);
      onPublished?.(result);
    } catch (e) {
      applyServerErrors(form, e);
      message.error((e as Error).message);
    }
  };

  const nextVersion = (detail?.version ?? 0) + 1;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('calendar.publish.title', { year })}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={publish.isPending} onClick={() => form.submit()}>
            {t('calendar.publish.submit')}
          </Button>
        </Space>
      }
    >
      <Form<PublishFormValues>
        form={form}
        name="calendar-publish"
        layout="vertical"
        initialValues={{ source: '', note: '', days: [] }}
        onFinish={finish}
        onValuesChange={(changed) => {
          if ('days' in changed) dirty.current = true;
        }}
        scrollToFirstError
      >
        {!fixedYear && (
          <Form.Item label={t('calendar.year')} htmlFor="calendar-publish-year">
            <InputNumber
              id="calendar-publish-year"
              value={year}
              min={CALENDAR_MIN_YEAR}
              max={CALENDAR_MAX_YEAR}
              precision={0}
              onChange={(v) => typeof v === 'number' && setYear(v)}
            />
          </Form.Item>
        )}
        {detail !== undefined && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              detail
                ? t('calendar.publish.prefilled', { version: detail.version, next: nextVersion })
                : t('calendar.publish.newYear', { year })
            }
          />
        )}
        <Form.Item
          name="source"
          label={t('calendar.source')}
          required
          rules={[zodRule(shape.source, t, true)]}
          extra={t('calendar.publish.sourceHelp')}
        >
          <Input maxLength={200} placeholder={t('calendar.publish.sourcePlaceholder', { year })} />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.note')} rules={[zodRule(shape.note, t, false)]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <DaysEditor year={year} onEdited={() => (dirty.current = true)} />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
