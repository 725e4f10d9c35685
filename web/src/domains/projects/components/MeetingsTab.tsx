import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/forms';
import { useCan } from '../../../shared/session';
import { ISSUES, KEY_PROJECTS, MEETINGS, useIssues, useMeetings } from '../api';
import { LightTag } from './LightTag';

/** 调度会: call a meeting (agenda generated), raise issues with working-day deadlines, close them one by one. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = useCan('projects.write');
  const meetings = useMeetings();
  const [selected, setSelected] = useState<string | null>(null);
  const current = meetings.data?.data.find((m) => m.id === selected) ?? meetings.data?.data[0] ?? null;
  const issues = useIssues(current?.id ?? null);
  const [meetingForm] = Form.useForm();
  const [issueForm] = Form.useForm();
  const [closing, setClosing] = useState<Record<string, string>>({});

  const act = async (f: () => Promise<unknown>, form?: ReturnType<typeof Form.useForm>[0]) => {
    try {
      await f();
      message.success(t('common.saved'));
      await Promise.all([MEETINGS, ISSUES, KEY_PROJECTS].map((k) => client.invalidateQueries({ queryKey: [k] })));
      form?.resetFields();
    } catch (e) {
      if (form) applyServerErrors(form, e);
      message.error((e as Error).message);
    }
  };

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Flex vertical gap={16}>
          {canWrite && (
            <Card size="small" title={t('projects.meeting.new')}>
              <Form
                form={meetingForm}
                name="meeting"
                layout="vertical"
                initialValues={{ kind: 'weekly', heldOn: dayjs() }}
                onFinish={(v) =>
                  act(async () => {
                    const m = await api.post<{ id: string }>(MEETINGS, { ...v, heldOn: v.heldOn.format('YYYY-MM-DD') });
                    setSelected(m.id);
                  }, meetingForm)
                }
              >
                <Form.Item name="title" label={t('projects.meeting.title')} rules={[{ required: true, min: 2 }]}>
                  <Input />
                </Form.Item>
                <Flex gap={8}>
                  <Form.Item name="kind" label={t('projects.meeting.kind')} style={{ flex: 1 }}>
                    <Select
                      options={(['weekly', 'biweekly'] as const).map((k) => ({
                        value: k,
                        label: t(`projects.meeting.kinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="heldOn" label={t('projects.meeting.heldOn')} style={{ flex: 1 }}>
                    <DatePicker />
                  </Form.Item>
                </Flex>
                <Button type="primary" htmlType="submit">
                  {t('projects.meeting.call')}
                </Button>
              </Form>
            </Card>
          )}
          <Card size="small" title={t('projects.tabs.meetings')}>
            <List
              loading={meetings.isLoading}
              dataSource={meetings.data?.data ?? []}
              locale={{ emptyText: <Empty description={t('projects.meeting.none')} /> }}
              renderItem={(m) => (
                <List.Item
                  onClick={() => setSelected(m.id)}
                  style={{
                    cursor: 'pointer',
                    background: m.id === current?.id ? '#e6f4ff' : undefined,
                    paddingInline: 8,
                  }}
                >
                  <List.Item.Meta
                    title={m.title}
                    description={`${m.heldOn} · ${t(`projects.meeting.kinds.${m.kind}`)} · ${t(
                      'projects.meeting.openOf',
                      {
                        open: m.openIssueCount,
                        total: m.issueCount,
                      },
                    )}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      </Col>
      <Col span={16}>
        {!current ? (
          <Empty />
        ) : (
          <Flex vertical gap={16}>
            <Card size="small" title={`${current.title}（${current.heldOn}）`}>
              <Typography.Title level={5}>{t('projects.meeting.agendaProjects')}</Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={current.agenda.projects}
                columns={[
                  { key: 'code', dataIndex: 'code', title: t('projects.code'), width: 120 },
                  { key: 'name', dataIndex: 'name', title: t('projects.name') },
                  {
                    key: 'light',
                    title: t('projects.light'),
                    render: (_, r) => <LightTag light={r.light} reasons={r.reasons} />,
                  },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('projects.meeting.agendaIssues')}
              </Typography.Title>
              <List
                size="small"
                dataSource={current.agenda.issues}
                locale={{ emptyText: '—' }}
                renderItem={(i) => (
                  <List.Item>
                    {i.projectName && <Tag>{i.projectName}</Tag>}
                    {i.description} · {t('projects.issue.due')} {i.dueOn}
                  </List.Item>
                )}
              />
              {canWrite && (
                <Form
                  key={current.id}
                  layout="vertical"
                  initialValues={{ minutes: current.minutes }}
                  onFinish={(v) => act(() => api.put(`${MEETINGS}/${current.id}/minutes`, v))}
                >
                  <Form.Item name="minutes" label={t('projects.meeting.minutes')}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Button htmlType="submit">{t('common.save')}</Button>
                </Form>
              )}
            </Card>
            <Card size="small" title={t('projects.issue.title')}>
              {canWrite && (
                <Form
                  form={issueForm}
                  name="issue"
                  layout="inline"
                  initialValues={{ workdays: 5, commitment: 'none' }}
                  onFinish={(v) => act(() => api.post(`${MEETINGS}/${current.id}/issues`, v), issueForm)}
                  style={{ marginBottom: 12, rowGap: 8 }}
                >
                  <Form.Item name="keyProjectId" label={t('projects.keyProject')}>
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 200 }}
                      options={current.agenda.projects.map((p) => ({ value: p.id, label: p.name }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="description"
                    label={t('projects.issue.description')}
                    rules={[{ required: true, min: 2 }]}
                  >
                    <Input style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name="ownerName" label={t('projects.issue.owner')}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name="workdays" label={t('projects.issue.workdays')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={120} />
                  </Form.Item>
                  <Form.Item name="commitment" label={t('projects.issue.commitment')}>
                    <Select
                      style={{ width: 110 }}
                      options={(['none', 'promise', 'tolerance'] as const).map((c) => ({
                        value: c,
                        label: t(`projects.issue.commitments.${c}`),
                      }))}
                    />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('projects.issue.add')}
                  </Button>
                </Form>
              )}
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                loading={issues.isLoading}
                dataSource={issues.data?.data ?? []}
                columns={[
                  { key: 'd', dataIndex: 'description', title: t('projects.issue.description') },
                  { key: 'p', title: t('projects.keyProject'), render: (_, r) => r.keyProjectName ?? '—' },
                  { key: 'o', dataIndex: 'ownerName', title: t('projects.issue.owner') },
                  {
                    key: 'due',
                    title: t('projects.issue.due'),
                    render: (_, r) => (
                      <>
                        {r.dueOn} {r.dueProvisional && <Tag color="orange">{t('projects.issue.provisional')}</Tag>}
                        {r.commitment !== 'none' && <Tag>{t(`projects.issue.commitments.${r.commitment}`)}</Tag>}
                      </>
                    ),
                  },
                  {
                    key: 's',
                    title: t('common.status'),
                    render: (_, r) =>
                      r.status === 'closed' ? (
                        <Tag color={r.onTime ? 'green' : 'red'}>
                          {t('projects.issue.closedOn', { date: r.closedOn })} {r.closingNote}
                        </Tag>
                      ) : canWrite ? (
                        <Flex gap={4}>
                          <Input
                            size="small"
                            aria-label={t('projects.issue.closingNote')}
                            placeholder={t('projects.issue.closingNote')}
                            value={closing[r.id] ?? ''}
                            onChange={(e) => setClosing({ ...closing, [r.id]: e.target.value })}
                          />
                          <Button
                            size="small"
                            disabled={(closing[r.id] ?? '').trim().length < 2}
                            onClick={() => act(() => api.post(`${ISSUES}/${r.id}/close`, { note: closing[r.id] }))}
                          >
                            {t('projects.issue.close')}
                          </Button>
                        </Flex>
                      ) : (
                        <Tag color={r.onTime ? 'blue' : 'red'}>{t('projects.issue.open')}</Tag>
                      ),
                  },
                ]}
              />
            </Card>
          </Flex>
        )}
      </Col>
    </Row>
  );
}
