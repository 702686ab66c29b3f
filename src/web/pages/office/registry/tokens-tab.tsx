// API tokens for other systems: create one for a user with some of their roles, see the secret once, list and revoke.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { formatTime } from '../components/format';
import { UserSelect } from '../components/remote-select';
import { useRoleOptions } from './user-modals';

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  roles: string[];
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string;
  createdAt: string;
}
const when = formatTime;
// The validity periods offered when creating a token; the server accepts 1–365 days and defaults to 90.
const EXPIRY_DAYS = [30, 90, 180, 365];

function CreateTokenModal({
  open,
  users,
  onClose,
  onCreated,
}: {
  open: boolean;
  users: { id: number; roles: string[] }[];
  onClose: () => void;
  onCreated: (token: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const allRoles = useRoleOptions();
  const userId = Form.useWatch('userId', form);
  const userRoles = users.find((u) => u.id === userId)?.roles;
  // A token may carry only roles its account has; offer just those once the account is chosen.
  const roleOptions = userRoles ? allRoles.filter((r) => userRoles.includes(r.value)) : allRoles;
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const save = async (v: any) => {
    setBusy(true);
    try {
      const r = await api<{ token: string }>('/api-tokens', { body: v });
      onCreated(r.token);
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('office.token.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'token-save' } as any}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ expiresInDays: 90 }}
        data-testid="token-form"
      >
        <Form.Item
          name="name"
          label={t('office.token.name')}
          extra={t('office.token.nameHint')}
          rules={[{ required: true, message: t('msg.required') }]}
        >
          <Input maxLength={50} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('office.token.user')}
          rules={[{ required: true, message: t('msg.required') }]}
        >
          <UserSelect data-testid="token-user" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('office.user.roles')}
          extra={t('office.token.rolesHint')}
          rules={[{ required: true, message: t('msg.required') }]}
        >
          <Select mode="multiple" options={roleOptions} data-testid="token-roles" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('office.token.expiresIn')} extra={t('office.token.expiresHint')}>
          <Select
            options={EXPIRY_DAYS.map((days) => ({ value: days, label: t('office.token.expiresInDays', { days }) }))}
            data-testid="token-expiry"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The tab. */
export function TokensTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: ['api-tokens'],
    queryFn: async () => (await api<{ items: TokenRow[] }>('/api-tokens')).items,
  });
  const users = useQuery({
    queryKey: ['/users', 'all'],
    queryFn: async () => (await api<{ items: any[] }>('/users?pageSize=500')).items,
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const userName = (id: number) => users.data?.find((u) => u.id === id)?.displayName ?? `#${id}`;
  const revoke = async (x: TokenRow) => {
    try {
      await api(`/api-tokens/${x.id}`, { method: 'DELETE' });
      message.success(t('office.token.revoked'));
      qc.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  return (
    <div>
      <Flex gap={8} style={{ marginBlockEnd: 12 }}>
        <Typography.Text type="secondary">{t('office.token.explain')}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} data-testid="token-add" onClick={() => setCreating(true)}>
          {t('office.token.add')}
        </Button>
      </Flex>
      <div data-testid="token-table">
        <Table<TokenRow>
          rowKey="id"
          size="middle"
          loading={tokens.isLoading}
          dataSource={tokens.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('office.token.name'), dataIndex: 'name' },
            { title: t('office.token.prefix'), dataIndex: 'prefix', render: (p) => <code>{p}…</code> },
            { title: t('office.token.user'), dataIndex: 'userId', render: userName },
            {
              title: t('office.user.roles'),
              dataIndex: 'roles',
              render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
            },
            { title: t('office.token.createdAt'), dataIndex: 'createdAt', render: when },
            { title: t('office.token.lastUsed'), dataIndex: 'lastUsedAt', render: when },
            { title: t('office.token.expiresAt'), dataIndex: 'expiresAt', render: when },
            {
              title: t('office.user.status'),
              key: 'status',
              render: (_, x) =>
                x.revokedAt ? (
                  <Tag>{t('office.token.revokedAt', { at: when(x.revokedAt) })}</Tag>
                ) : new Date(x.expiresAt) <= new Date() ? (
                  <Tag color="orange">{t('office.token.expired')}</Tag>
                ) : (
                  <Tag color="green">{t('office.token.valid')}</Tag>
                ),
            },
            {
              key: 'x',
              render: (_, x) =>
                !x.revokedAt && (
                  <Popconfirm
                    title={t('office.token.confirmRevoke')}
                    onConfirm={() => revoke(x)}
                    okButtonProps={{ danger: true }}
                  >
                    <Button type="link" danger size="small" data-testid="token-revoke">
                      {t('office.token.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </div>
      <CreateTokenModal
        open={creating}
        users={users.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setSecret(tok);
          qc.invalidateQueries({ queryKey: ['api-tokens'] });
        }}
      />
      <Modal
        open={!!secret}
        title={t('office.token.created')}
        onCancel={() => setSecret(null)}
        onOk={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('office.token.done')}
      >
        <Alert type="warning" showIcon title={t('office.token.onceOnly')} style={{ marginBlockEnd: 12 }} />
        <Typography.Paragraph
          copyable={{ text: secret ?? '' }}
          code
          data-testid="token-secret"
          style={{ wordBreak: 'break-all' }}
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
