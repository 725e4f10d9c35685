import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, InputNumber, Row, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addWorkdays, workdaysBetween } from '../api';

const ISO = 'YYYY-MM-DD';

export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('calendar.provisionalHint')}>
      <Tag color="warning">{t('calendar.provisional')}</Tag>
    </Tooltip>
  );
}

/** Start date + N working days → due date; and the working days between two dates. */
export function DeadlineCalculator() {
  const { t } = useTranslation();
  const add = useMutation({ mutationFn: (v: { start: Dayjs; n: number }) => addWorkdays(v.start.format(ISO), v.n) });
  const between = useMutation({
    mutationFn: (v: { range: [Dayjs, Dayjs] }) => workdaysBetween(v.range[0].format(ISO), v.range[1].format(ISO)),
  });

  return (
    <Card title={t('calendar.calc.title')} size="small">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12} xxl={24}>
          <Form
            name="calendar-add"
            layout="vertical"
            initialValues={{ start: dayjs(), n: 20 }}
            onFinish={(v) => add.mutate(v)}
            requiredMark={false}
          >
            <Flex gap={8} wrap align="end">
              <Form.Item
                name="start"
                label={t('calendar.calc.start')}
                rules={[{ required: true }]}
                style={{ margin: 0 }}
              >
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item name="n" label={t('calendar.calc.n')} rules={[{ required: true }]} style={{ margin: 0 }}>
                <InputNumber min={0} max={1000} precision={0} style={{ width: 110 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                {t('calendar.calc.addButton')}
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
              {t('calendar.calc.addHelp')}
            </Typography.Paragraph>
            {add.data && (
              <Flex gap={8} align="center" wrap role="status" aria-label={t('calendar.calc.due')}>
                <Typography.Text>{t('calendar.calc.due')}:</Typography.Text>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {dayjs(add.data.date).format('YYYY-MM-DD ddd')}
                </Typography.Text>
                {add.data.provisional && <ProvisionalTag />}
              </Flex>
            )}
            {add.error && <Alert type="error" showIcon title={add.error.message} />}
          </Form>
        </Col>
        <Col xs={24} md={12} xxl={24}>
          <Form name="calendar-between" layout="vertical" onFinish={(v) => between.mutate(v)} requiredMark={false}>
            <Flex gap={8} wrap align="end">
              <Form.Item
                name="range"
                label={t('calendar.calc.range')}
                rules={[{ required: true }]}
                style={{ margin: 0 }}
              >
                <DatePicker.RangePicker allowClear={false} style={{ maxWidth: 280 }} />
              </Form.Item>
              <Button htmlType="submit" loading={between.isPending}>
                {t('calendar.calc.betweenButton')}
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
              {t('calendar.calc.betweenHelp')}
            </Typography.Paragraph>
            {between.data && (
              <Flex gap={8} align="center" wrap role="status" aria-label={t('calendar.calc.workdays')}>
                <Typography.Text>{t('calendar.calc.workdays')}:</Typography.Text>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {between.data.workdays}
                </Typography.Text>
                {between.data.provisional && <ProvisionalTag />}
              </Flex>
            )}
            {between.error && <Alert type="error" showIcon title={between.error.message} />}
          </Form>
        </Col>
      </Row>
    </Card>
  );
}
