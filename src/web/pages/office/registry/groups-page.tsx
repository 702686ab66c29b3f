// /registry/groups: one liaison group (联络组) per township/street, with its leader and member count.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { PageHead } from '../components/page-head';
import { type Group, keys, useCanKeepRegistry, useGroups, useTownships } from '../components/registry-data';
import { MemberSelect } from '../components/remote-select';
import { CrudModal, type CrudTarget } from './crud-modal';

/** The page. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canKeep = useCanKeepRegistry();
  const groups = useGroups();
  const townships = useTownships();
  const [target, setTarget] = useState<CrudTarget<Group> | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.groups });
  const del = async (g: Group) => {
    try {
      await api(`/liaison-groups/${g.id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const columns: ColumnsType<Group> = [
    { title: t('office.group.name'), dataIndex: 'name' },
    { title: t('office.region.township'), dataIndex: 'townshipName' },
    {
      title: t('office.group.leader'),
      dataIndex: 'leaderName',
      render: (v, g) => (g.leaderMemberId ? <Link to={`/members/${g.leaderMemberId}`}>{v}</Link> : '—'),
    },
    {
      title: t('office.group.memberCount'),
      dataIndex: 'memberCount',
      width: 110,
      render: (n, g) => <Link to={`/members?groupId=${g.id}`}>{n}</Link>,
    },
  ];
  if (canKeep)
    columns.push({
      key: 'x',
      width: 150,
      render: (_, g) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            data-testid="group-edit"
            onClick={() => setTarget({ row: g })}
          >
            {t('action.edit')}
          </Button>
          <Popconfirm title={t('action.confirmDelete')} onConfirm={() => del(g)} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="group-delete" />
          </Popconfirm>
        </Space>
      ),
    });
  const row = target?.row;
  return (
    <div>
      <PageHead
        title={t('nav.groups')}
        sub={t('table.total', { total: groups.data?.length ?? 0 })}
        extra={
          canKeep && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="group-add"
              onClick={() => setTarget({ initial: { leaderMemberId: null } })}
            >
              {t('office.group.add')}
            </Button>
          )
        }
      />
      <Card size="small" data-testid="group-table">
        <Table<Group>
          rowKey="id"
          size="middle"
          loading={groups.isLoading}
          dataSource={groups.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <CrudModal<Group>
        target={target}
        path="/liaison-groups"
        testId="group"
        title={row ? `${t('action.edit')} · ${row.name}` : t('office.group.add')}
        toBody={(v) => ({ name: v.name, townshipId: v.townshipId, leaderMemberId: v.leaderMemberId ?? null })}
        onClose={() => setTarget(null)}
        onSaved={refresh}
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label={t('office.group.name')}
              rules={[{ required: true, message: t('msg.required') }]}
            >
              <Input maxLength={50} data-testid="group-name" />
            </Form.Item>
            <Form.Item
              name="townshipId"
              label={t('office.region.township')}
              rules={[{ required: true, message: t('msg.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="group-township"
                options={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
            <Form.Item name="leaderMemberId" label={t('office.group.leader')} extra={t('office.group.leaderHint')}>
              <MemberSelect
                data-testid="group-leader"
                groupId={row?.id}
                known={row?.leaderMemberId ? [{ value: row.leaderMemberId, label: row.leaderName ?? '' }] : []}
              />
            </Form.Item>
          </>
        )}
      </CrudModal>
    </div>
  );
}
