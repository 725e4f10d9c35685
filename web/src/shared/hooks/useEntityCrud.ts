import { useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../api';

/**
 * Shared state for a list page with a create/edit dialog: form instance, record under edit,
 * save (POST or PUT) and delete, invalidating the list queries afterwards.
 */
export function useEntityCrud<T extends { id: string }, V extends object>(
  endpoint: string,
  alsoInvalidate: string[] = [],
) {
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [editing, setEditing] = useState<T | null>(null);
  const [open, setOpen] = useState(false);

  const invalidate = useCallback(async () => {
    await Promise.all([endpoint, ...alsoInvalidate].map((key) => client.invalidateQueries({ queryKey: [key] })));
  }, [client, endpoint, alsoInvalidate]);

  const save = useCallback(
    async (values: V) => {
      const saved = editing
        ? await api.put<T>(`${endpoint}/${editing.id}`, values)
        : await api.post<T>(endpoint, values);
      await invalidate();
      return saved;
    },
    [editing, endpoint, invalidate],
  );

  const remove = useCallback(
    async (id: string) => {
      await api.delete(`${endpoint}/${id}`);
      await invalidate();
    },
    [endpoint, invalidate],
  );

  return {
    form,
    editing,
    open,
    openCreate: () => {
      setEditing(null);
      setOpen(true);
    },
    openEdit: (record: T) => {
      setEditing(record);
      setOpen(true);
    },
    close: () => setOpen(false),
    save,
    remove,
  };
}
