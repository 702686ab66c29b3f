// The files of one item: the list (with the event each came with) and upload for those the server allows. Answers with
// files are written in the action bar's answer dialog (answer-form.tsx), the one reply form of the page.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { OpinionDetail } from './types';

interface AttachmentRow {
  id: number;
  eventId: number | null;
  eventType: string | null;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
  canDelete: boolean;
}

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';

/** A byte count as KB/MB. */
const sizeText = (n: number) =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The attachments card of the item page. */
export function ItemAttachments({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['opinion', item.id, 'attachments'];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: AttachmentRow[]; canUpload: boolean }>(`/opinions/${item.id}/attachments`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['opinion', item.id] });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return api(`/opinions/${item.id}/attachments`, { form: fd });
    },
    onSuccess: () => {
      message.success(t('op.att.uploaded'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const remove = useMutation({
    mutationFn: (attId: number) => api(`/opinions/${item.id}/attachments/${attId}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('op.att.deleted'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  return (
    <Card
      size="small"
      title={t('op.att.title')}
      style={{ marginBlockEnd: 16 }}
      data-testid="op-attachments"
      extra={
        q.data?.canUpload && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(f) => {
              upload.mutate(f);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="op-att-upload">
              {t('op.att.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <List
          size="small"
          loading={q.isLoading}
          locale={{ emptyText: t('op.att.none') }}
          dataSource={q.data?.items ?? []}
          renderItem={(f) => (
            <List.Item
              data-testid="op-att-item"
              actions={
                f.canDelete
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('op.att.confirmDelete', { name: f.filename })}
                        onConfirm={() => remove.mutateAsync(f.id).catch(() => undefined)}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('action.delete')}
                          data-testid="op-att-delete"
                        />
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Space wrap>
                <a href={`/api/v1/opinions/${item.id}/attachments/${f.id}`} target="_blank" rel="noopener noreferrer">
                  <PaperClipOutlined /> {f.filename}
                </a>
                <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
                {f.eventType && (
                  <Typography.Text type="secondary">
                    {f.eventType === 'reply'
                      ? t('op.att.ofReply')
                      : t('op.att.ofEvent', { type: t(`op.action.${f.eventType}`) })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
