import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { calendarDayInputSchema, calendarDayKinds } from '@shared/calendar';
import { App, Button, DatePicker, Flex, Form, type FormRule, Input, Select, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../../shared/format';
import { zodRule } from '../../../shared/validation';
import { mergeDays, parsePaste } from '../days';
import { crossRowIssues, type DayRow, ISO, toRows } from '../publishForm';

const DATE_FORMATS = ['YYYY-MM-DD ddd', 'YYYY-MM-DD'];

/** The rule that puts a cross-row problem (duplicate date, make-up day not on a weekend) under its row. */
function crossRule(index: number, field: 'date' | 'kind', t: TFunction): FormRule {
  return ({ getFieldValue }) => ({
    validator: async () => {
      const code = crossRowIssues(getFieldValue('days')).get(`${index}.${field}`);
      if (code) throw new Error(t(`calendar.errors.${code}`, { defaultValue: t('validation.invalid') }));
    },
  });
}

interface Props {
  year: number;
  onEdited: () => void;
}

/** The days of the arrangement: an editable table (date, kind, name) and a box to paste lines into it. */
export function DaysEditor({ year, onEdited }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const kindOptions = useEnumOptions(calendarDayKinds, 'calendar.kind');
  const [paste, setPaste] = useState('');

  const applyPaste = () => {
    const { rows, badLines } = parsePaste(paste);
    const current = ((form.getFieldValue('days') as DayRow[] | undefined) ?? [])
      .filter((r) => r?.date?.isValid())
      .map((r) => ({ date: r.date!.format(ISO), kind: r.kind ?? 'holiday', name: r.name ?? '' }));
    if (rows.length > 0) {
      form.setFieldValue('days', toRows(mergeDays(current, rows)));
      onEdited();
      message.success(t('calendar.publish.parsed', { count: rows.length }));
    }
    if (badLines.length > 0) message.warning(t('calendar.publish.badLines', { lines: badLines.join(', ') }));
    else setPaste('');
  };

  return (
    <>
      <Form.Item
        label={t('calendar.publish.pasteLabel')}
        htmlFor="calendar-paste"
        extra={t('calendar.publish.pasteHelp')}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          id="calendar-paste"
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={`${year}-02-06,holiday,春节\n${year}-02-14 上班 春节`}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        />
      </Form.Item>
      <Button onClick={applyPaste} disabled={!paste.trim()} style={{ marginBottom: 16 }}>
        {t('calendar.publish.parse')}
      </Button>
      <Form.List
        name="days"
        rules={[
          {
            validator: async (_, rows?: DayRow[]) => {
              if (!rows || rows.length === 0) throw new Error(t('calendar.publish.noDays'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {t('calendar.publish.days')} ({fields.length})
              </Typography.Text>
              <Button icon={<PlusOutlined />} size="small" onClick={() => add({ kind: 'holiday', name: '' })}>
                {t('calendar.publish.addRow')}
              </Button>
            </Flex>
            <Table
              size="small"
              rowKey="key"
              dataSource={fields}
              pagination={false}
              scroll={{ x: 520 }}
              aria-label={t('calendar.publish.days')}
              columns={[
                {
                  key: 'date',
                  title: t('calendar.publish.date'),
                  width: 190,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'date']}
                      style={{ margin: 0 }}
                      dependencies={fields.filter((o) => o.key !== f.key).map((o) => ['days', o.name, 'date'])}
                      rules={[{ required: true, message: t('validation.required') }, crossRule(f.name, 'date', t)]}
                    >
                      <DatePicker
                        format={DATE_FORMATS}
                        aria-label={`${t('calendar.publish.date')} ${f.name + 1}`}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  ),
                },
                {
                  key: 'kind',
                  title: t('calendar.publish.kind'),
                  width: 180,
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'kind']}
                      style={{ margin: 0 }}
                      dependencies={[['days', f.name, 'date']]}
                      rules={[{ required: true, message: t('validation.required') }, crossRule(f.name, 'kind', t)]}
                    >
                      <Select options={kindOptions} aria-label={`${t('calendar.publish.kind')} ${f.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  key: 'name',
                  title: t('calendar.publish.name'),
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'name']}
                      style={{ margin: 0 }}
                      rules={[zodRule(calendarDayInputSchema.shape.name, t)]}
                    >
                      <Input maxLength={40} aria-label={`${t('calendar.publish.name')} ${f.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  key: 'remove',
                  width: 48,
                  render: (_, f) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('calendar.publish.removeRow')} ${f.name + 1}`}
                      onClick={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </>
  );
}
