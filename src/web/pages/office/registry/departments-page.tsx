// /registry/departments: township departments (乡机关部门) per township with their representative counts (3–5 each).
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_QUOTAS } from '../../../../core/quota-rules';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { PageHead } from '../components/page-head';
import { type Department, useCanKeepRegistry, useDepartments, useTownships } from '../components/registry-data';
import { CrudModal, type CrudTarget } from './crud-modal';

/** Representative count against the 3–5 rule. */
function RepCount({ n }: { n: number }) {
  const ok = n >= DEFAULT_QUOTAS.repsPerDeptMin && n <= DEFAULT_QUOTAS.repsPerDeptMax;
  return ok ? <span>{n}</span> : <Tag color="warning">{n}</Tag>;
}

/** The page. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canKeep = useCanKeepRegistry();
  const [params] = useSearchParams();
  const [townshipId, setTownshipId] = useState<number | undefined>(Number(params.get('township')) || undefined);
  const depts = useDepartments(townshipId);
  const townships = useTownships();
  const [target, setTarget] = useState<CrudTarget<Department> | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['departments'] });
  const del = async (d: Department) => {
    try {
      await api(`/departments/${d.id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const columns: ColumnsType<Department> = [
    { title: t('office.dept.name'), dataIndex: 'name' },
    { title: t('office.region.township'), dataIndex: 'townshipName', render: (v) => v ?? '—' },
    { title: t('office.dept.kind'), dataIndex: 'kind', width: 110, render: (k) => t(`office.dept.kinds.${k}`) },
    {
      title: t('office.dept.repCount'),
      dataIndex: 'representativeCount',
      width: 140,
      render: (n, d) => (d.kind === 'township' ? <RepCount n={n} /> : n),
    },
  ];
  if (canKeep)
    columns.push({
      key: 'x',
      width: 150,
      render: (_, d) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            data-testid="dept-edit"
            onClick={() => setTarget({ row: d })}
          >
            {t('action.edit')}
          </Button>
          <Popconfirm title={t('action.confirmDelete')} onConfirm={() => del(d)} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="dept-delete" />
          </Popconfirm>
        </Space>
      ),
    });
  const townshipOptions = (townships.data ?? []).map((x) => ({ value: x.id, label: x.name }));
  return (
    <div>
      <PageHead
        title={t('nav.departments')}
        sub={t('office.dept.quotaHint', { min: DEFAULT_QUOTAS.repsPerDeptMin, max: DEFAULT_QUOTAS.repsPerDeptMax })}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('office.region.township')}
              value={townshipId}
              onChange={setTownshipId}
              options={townshipOptions}
              style={{ minWidth: 180 }}
              data-testid="dept-filter-township"
            />
            {canKeep && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="dept-add"
                onClick={() => setTarget({ initial: { kind: 'township', townshipId } })}
              >
                {t('office.dept.add')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small" data-testid="dept-table">
        <Table<Department>
          rowKey="id"
          size="middle"
          loading={depts.isLoading}
          dataSource={depts.data ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <CrudModal<Department>
        target={target}
        path="/departments"
        testId="dept"
        title={target?.row ? `${t('action.edit')} · ${target.row.name}` : t('office.dept.add')}
        toBody={(v) => ({ name: v.name, kind: v.kind, townshipId: v.townshipId ?? null })}
        onClose={() => setTarget(null)}
        onSaved={refresh}
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label={t('office.dept.name')}
              rules={[{ required: true, message: t('msg.required') }]}
            >
              <Input maxLength={50} data-testid="dept-name" />
            </Form.Item>
            <Form.Item name="kind" label={t('office.dept.kind')}>
              <Radio.Group
                options={[
                  { value: 'township', label: t('office.dept.kinds.township') },
                  { value: 'county', label: t('office.dept.kinds.county') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['kind']}>
              {({ getFieldValue }) => (
                <Form.Item
                  name="townshipId"
                  label={t('office.region.township')}
                  rules={getFieldValue('kind') === 'township' ? [{ required: true, message: t('msg.required') }] : []}
                >
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={townshipOptions}
                    data-testid="dept-township"
                  />
                </Form.Item>
              )}
            </Form.Item>
          </>
        )}
      </CrudModal>
    </div>
  );
}
