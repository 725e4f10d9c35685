import type { Photo } from '@shared/projects';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { FileUpload } from '../../../shared/components/FileUpload';
import { applyServerErrors } from '../../../shared/forms';

interface Values {
  fileIds: string[];
  takenOn: Dayjs;
  caption: string;
}

/** Progress photos of a key project: upload (FileUpload → file ids), date taken, caption; gallery by date. */
export function PhotosPanel({ keyProjectId, canWrite }: { keyProjectId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const key = ['/api/projects/key', keyProjectId, 'photos'];
  const photos = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Photo[]>(`/api/projects/key/${keyProjectId}/photos`, { signal }),
  });
  const byDay = new Map<string, Photo[]>();
  for (const p of photos.data ?? []) byDay.set(p.takenOn, [...(byDay.get(p.takenOn) ?? []), p]);

  const submit = async (v: Values) => {
    try {
      await api.post(`/api/projects/key/${keyProjectId}/photos`, {
        fileIds: v.fileIds,
        takenOn: v.takenOn.format('YYYY-MM-DD'),
        caption: v.caption ?? '',
      });
      form.resetFields();
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      if (!applyServerErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('projects.photos.title')}
      </Typography.Title>
      {[...byDay.entries()].map(([day, list]) => (
        <Flex key={day} vertical gap={4}>
          <Typography.Text type="secondary">
            {day}{' '}
            {list
              .map((p) => p.caption)
              .filter(Boolean)
              .join('；')}
          </Typography.Text>
          <FileUpload value={list.map((p) => p.fileId)} disabled />
        </Flex>
      ))}
      {photos.data?.length === 0 && <Typography.Text type="secondary">{t('projects.photos.none')}</Typography.Text>}
      {canWrite && (
        <Form<Values>
          form={form}
          name="photos"
          layout="inline"
          onFinish={submit}
          initialValues={{ takenOn: dayjs(), fileIds: [] }}
        >
          <Form.Item name="fileIds" rules={[{ required: true, message: t('projects.photos.pick') }]}>
            <FileUpload imagesOnly max={20} />
          </Form.Item>
          <Form.Item name="takenOn" label={t('projects.photos.takenOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="caption" label={t('projects.photos.caption')}>
            <Input maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('projects.photos.add')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}
