// The accounts list: search, create, edit roles/links/active, reset password.
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { usePagedList } from '../../../components/use-page';
import { useDepartments, useTownships } from '../components/registry-data';
import { ResetPasswordModal, UserModal, type UserRow } from './user-modals';

/** A linked member's name, loaded once per id. */
export function MemberName({ id }: { id: number }) {
  const q = useQuery({
    queryKey: ['member-name', id],
    queryFn: () => api<{ name: string; code: string }>(`/members/${id}`),
    staleTime: 300_000,
  });
  return <Link to={`/members/${id}`}>{q.data ? q.data.name : `#${id}`}</Link>;
}

/** The tab. */
export function UsersTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState<string>();
  const { tableProps, resetPage } = usePagedList<UserRow>('/users', { q });
  const townships = useTownships();
  const depts = useDepartments();
  const [editing, setEditing] = useState<{ user?: UserRow } | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const townName = (id: number | null) => townships.data?.find((x) => x.id === id)?.name;
  const deptName = (id: number | null) => depts.data?.find((x) => x.id === id)?.name;
  const memberLabel = useQuery({
    queryKey: ['member-name', editing?.user?.memberId],
    queryFn: () => api<{ name: string; code: string }>(`/members/${editing!.user!.memberId}`),
    enabled: !!editing?.user?.memberId,
  });
  const columns: ColumnsType<UserRow> = [
    { title: t('office.user.username'), dataIndex: 'username' },
    { title: t('office.user.displayName'), dataIndex: 'displayName' },
    {
      title: t('office.user.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
    },
    { title: t('office.user.member'), dataIndex: 'memberId', render: (id) => (id ? <MemberName id={id} /> : '') },
    {
      title: t('office.user.scope'),
      key: 'scope',
      render: (_, u) => [townName(u.townshipId), deptName(u.departmentId)].filter(Boolean).join(' · '),
    },
    {
      title: t('office.user.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">{t('office.user.active')}</Tag> : <Tag>{t('office.user.disabled')}</Tag>}
          {u.lockedUntil && new Date(u.lockedUntil) > new Date() && <Tag color="red">{t('office.user.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('office.user.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'x',
      width: 200,
      render: (_, u) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            data-testid="user-edit"
            onClick={() => setEditing({ user: u })}
          >
            {t('action.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            data-testid="user-reset-password"
            onClick={() => setResetting(u)}
          >
            {t('office.user.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  const label =
    memberLabel.data && editing?.user?.memberId
      ? { value: editing.user.memberId, label: `${memberLabel.data.name}（${memberLabel.data.code}）` }
      : undefined;
  return (
    <div>
      <Flex gap={8} wrap style={{ marginBlockEnd: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('office.user.searchPlaceholder')}
          style={{ maxInlineSize: 320 }}
          data-testid="user-search"
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            resetPage();
          }}
        />
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} data-testid="user-add" onClick={() => setEditing({})}>
          {t('office.user.add')}
        </Button>
      </Flex>
      <div data-testid="user-table">
        <Table<UserRow> {...tableProps} size="middle" columns={columns} scroll={{ x: 'max-content' }} />
      </div>
      <UserModal
        open={!!editing}
        user={editing?.user}
        memberLabel={label}
        onClose={() => setEditing(null)}
        onSaved={() => qc.invalidateQueries({ queryKey: ['/users'] })}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
