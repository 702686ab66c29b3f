// Editing a record card on a desktop, with the same form as the phone record screen.
import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { ActivityForm, type ActivityFormValues, toActivityBody } from '../record/activity-form';
import type { Activity } from '../types';
import { useActivity } from './activity-detail';

/** The edit page; only reachable from the detail page's edit button (server abilities). */
export function ActivityEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id, query } = useActivity();
  const [form] = Form.useForm<ActivityFormValues>();
  const [busy, setBusy] = useState(false);
  if (query.isLoading) return <Spin />;
  if (!query.data?.abilities.canEdit) return <Result status="404" title={t('msg.notFound')} />;
  const submit = async (v: ActivityFormValues) => {
    setBusy(true);
    try {
      const saved = await api<Activity>(`/activities/${id}`, { method: 'PATCH', body: toActivityBody(v) });
      qc.setQueryData(['/activities', id], saved);
      await qc.invalidateQueries({ queryKey: ['/activities'] });
      message.success(t('msg.saved'));
      navigate(`/activities/${id}`);
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={4}>
        {t('action.edit')} · {t('field.activity.cardTitle')}
      </Typography.Title>
      <Card>
        <ActivityForm
          layout="desktop"
          form={form}
          initial={query.data}
          busy={busy}
          onSubmit={submit}
          onCancel={() => navigate(`/activities/${id}`)}
        />
      </Card>
    </div>
  );
}
