// Photos and sign-in sheets of an activity: thumbnails with preview, upload and delete when the server allows.
import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Image, Popconfirm, Segmented, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { compressImage } from '../record/compress';
import { uploadPhoto } from '../record/outbox';
import type { Attachment } from '../types';

/** The attachments card of the activity detail page. */
export function Attachments({ activityId, canAttach }: { activityId: number; canAttach: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<'photo' | 'signin'>('photo');
  const [busy, setBusy] = useState(false);
  const key = ['/activities', activityId, 'attachments'];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: Attachment[] }>(`/activities/${activityId}/attachments`),
  });
  const url = (a: Attachment) => `/api/v1/activities/${activityId}/attachments/${a.id}`;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['/activities', activityId], exact: true });
  };
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const p = await compressImage(file);
      await uploadPhoto(activityId, p.blob, p.name, kind);
      message.success(t('msg.saved'));
      refresh();
    } catch (e) {
      message.error(applyApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      await api(`/activities/${activityId}/attachments/${a.id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Card
      title={t('field.activity.attachments')}
      size="small"
      extra={
        canAttach && (
          <Space wrap>
            <Segmented
              size="small"
              value={kind}
              onChange={(v) => setKind(v as 'photo' | 'signin')}
              options={[
                { value: 'photo', label: t('field.activity.kindPhoto') },
                { value: 'signin', label: t('field.activity.kindSignin') },
              ]}
            />
            <Upload
              accept="image/*,application/pdf"
              showUploadList={false}
              multiple
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">
                {t('action.upload')}
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      {!items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('field.activity.noAttachments')} />}
      <Image.PreviewGroup>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          {items.map((a) => (
            <div key={a.id} data-testid="attachment-item" style={{ width: 112, textAlign: 'center' }}>
              {a.mime.startsWith('image/') ? (
                <Image
                  src={url(a)}
                  width={104}
                  height={104}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  alt={a.filename}
                />
              ) : (
                <a
                  href={url(a)}
                  target="_blank"
                  rel="noreferrer"
                  style={{
                    display: 'grid',
                    placeItems: 'center',
                    width: 104,
                    height: 104,
                    border: '1px solid #eee',
                    borderRadius: 4,
                  }}
                >
                  <FilePdfOutlined style={{ fontSize: 36 }} />
                </a>
              )}
              <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }} title={a.filename}>
                {a.kind === 'signin' ? `[${t('field.activity.kindSignin')}] ` : ''}
                {a.filename}
              </Typography.Text>
              {canAttach && (
                <Popconfirm title={t('action.confirmDelete')} onConfirm={() => void remove(a)}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid="attachment-delete"
                    aria-label={t('action.delete')}
                  />
                </Popconfirm>
              )}
            </div>
          ))}
        </div>
      </Image.PreviewGroup>
    </Card>
  );
}
