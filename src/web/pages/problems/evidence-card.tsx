// The evidence of a problem: photos, documents and departments' reports, each a download; the office uploads any kind,
// a department its report.
import { FileImageOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { sizeText, useDetailAbilities, useRefreshProblem } from './bits';
import type { Evidence, ProblemDetail } from './types';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
const KINDS = ['photo', 'document', 'report'] as const;

function UploadEvidence({ problem, onClose }: { problem: ProblemDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useDetailAbilities(problem);
  const refresh = useRefreshProblem(problem.id);
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kinds = can.manage ? KINDS : (['report'] as const);
  const upload = useMutation({
    mutationFn: (v: { kind: string; title?: string; published?: boolean }) => {
      const fd = new FormData();
      fd.append('kind', v.kind);
      fd.append('published', String(v.published !== false));
      fd.append('title', v.title?.trim() || file!.name);
      fd.append('file', file!, file!.name);
      return api(`/problems/${problem.id}/evidence`, { form: fd });
    },
    onSuccess: () => {
      message.success(t('prb.ev.uploaded'));
      refresh();
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t('prb.ev.upload')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.upload')}
      okButtonProps={{ loading: upload.isPending, 'data-testid': 'prb-ev-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0], published: true }}
        onFinish={(v) => {
          setError(null);
          if (!file) return setError(t('prb.ev.chooseFile'));
          upload.mutate(v);
        }}
      >
        <Form.Item name="kind" label={t('prb.ev.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`prb.ev.kinds.${k}`) }))} data-testid="prb-ev-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('prb.ev.title')}>
          <Input maxLength={200} placeholder={file?.name} data-testid="prb-ev-title" />
        </Form.Item>
        <Form.Item name="published" valuePropName="checked" extra={t('prb.ev.publishedHint')}>
          <Checkbox data-testid="prb-ev-published">{t('prb.ev.published')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('prb.ev.file')} required>
          <Upload
            accept={ACCEPT}
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="prb-ev-file">
              {t('prb.ev.choose')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The evidence card. */
export function EvidenceCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const can = useDetailAbilities(problem);
  const [uploading, setUploading] = useState(false);
  const url = (e: Evidence) => `/api/v1/problems/${problem.id}/evidence/${e.id}`;
  return (
    <Card
      size="small"
      title={t('prb.ev.card')}
      style={{ marginBlockEnd: 16 }}
      data-testid="prb-evidence"
      extra={
        can.report && (
          <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="prb-ev-add">
            {t('prb.ev.upload')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={problem.evidence}
        locale={{ emptyText: t('prb.ev.none') }}
        renderItem={(e) => (
          <List.Item data-testid="prb-ev-item">
            <Space wrap size={[8, 0]}>
              <a href={url(e)} target="_blank" rel="noopener noreferrer">
                {e.mime.startsWith('image/') ? <FileImageOutlined /> : <PaperClipOutlined />} {e.title || e.filename}
              </a>
              <Tag>{t(`prb.ev.kinds.${e.kind}`)}</Tag>
              {!e.published && <Tag>{t('prb.unpublished')}</Tag>}
              <Typography.Text type="secondary">
                {sizeText(e.size)} · {dayjs(e.createdAt).format('YYYY-MM-DD')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {uploading && <UploadEvidence problem={problem} onClose={() => setUploading(false)} />}
    </Card>
  );
}
