// The one way to answer on the item page: the text with files in one request (POST /opinions/:id/answer), opened from
// the action bar's 答复 / 直接答复 / 协办意见. It replaced a text-only modal and a second inline form.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { MoveModal, useItemMove } from './item-move';

/** The actions the multipart answer endpoint takes. */
export const ANSWER_ACTIONS = ['reply', 'reply_directly', 'add_co_opinion'] as const;
/** One of them. */
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

/** Accepted file types (the server checks the content again). */
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
/** Files per answer (the server's limit per request). */
const MAX_FILES = 5;

/** The answer dialog: text and files, sent together so the event names the files. */
export function AnswerModal({ id, action, onClose }: { id: number; action: AnswerAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ content: string; files?: UploadFile[] }>();
  const label = t(`op.action.${action}`);
  const {
    run: send,
    error,
    setError,
  } = useItemMove({
    id,
    label,
    form,
    send: (v: { content: string; files?: UploadFile[] }) => {
      const fd = new FormData();
      fd.append('action', action);
      fd.append('content', v.content);
      for (const f of v.files ?? []) if (f.originFileObj) fd.append('file', f.originFileObj, f.name);
      return api(`/opinions/${id}/answer`, { form: fd });
    },
    onDone: onClose,
  });
  return (
    <MoveModal label={label} form={form} busy={send.isPending} error={error} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        disabled={send.isPending}
        onFinish={(v) => {
          setError(null);
          send.mutate(v);
        }}
      >
        <Form.Item
          name="content"
          label={t('op.field.content')}
          rules={[{ required: true, whitespace: true, message: t('ops.answer.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} data-testid="op-field-content" />
        </Form.Item>
        <Form.Item
          name="files"
          label={t('ops.answer.files')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={t('ops.answer.types', { max: MAX_FILES })}
          rules={[
            {
              validator: (_, v?: UploadFile[]) =>
                (v?.length ?? 0) > MAX_FILES
                  ? Promise.reject(new Error(t('ops.answer.tooMany', { max: MAX_FILES })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Upload beforeUpload={() => false} multiple accept={ACCEPT} maxCount={MAX_FILES}>
            <Button icon={<UploadOutlined />} data-testid="op-answer-files">
              {t('ops.answer.chooseFiles')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </MoveModal>
  );
}
