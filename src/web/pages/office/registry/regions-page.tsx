// /registry/regions: townships/streets on one side, the chosen township's villages/communities with contact person and counts on the other.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEFAULT_QUOTAS } from '../../../../core/quota-rules';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { usePagedList } from '../../../components/use-page';
import { PageHead } from '../components/page-head';
import { type Region, useCanKeepRegistry, useTownships } from '../components/registry-data';
import { RegionDrawer, type RegionTarget } from './region-drawer';

function RowActions({ r, onEdit, onDeleted }: { r: Region; onEdit: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const del = async () => {
    try {
      await api(`/regions/${r.id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      onDeleted();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  return (
    <Space size={0} onClick={(e) => e.stopPropagation()}>
      <Tooltip title={t('action.edit')}>
        <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit} data-testid="region-edit" />
      </Tooltip>
      <Popconfirm title={t('action.confirmDelete')} onConfirm={del} okButtonProps={{ danger: true }}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="region-delete" />
      </Popconfirm>
    </Space>
  );
}

/** The page. */
export function RegionsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canKeep = useCanKeepRegistry();
  const townships = useTownships();
  const [params] = useSearchParams();
  const [picked, setPicked] = useState<number | undefined>(Number(params.get('township')) || undefined);
  const [q, setQ] = useState<string | undefined>(params.get('q') ?? undefined);
  const [target, setTarget] = useState<RegionTarget | null>(null);
  const township = townships.data?.find((x) => x.id === picked) ?? townships.data?.[0];
  const villages = usePagedList<Region>('/regions', { level: 'village', parentId: township?.id, q }, 20);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['townships'] });
    qc.invalidateQueries({ queryKey: ['/regions'] });
  };
  const tCols: ColumnsType<Region> = [
    { title: t('office.region.township'), dataIndex: 'name' },
    { title: t('office.region.code'), dataIndex: 'code', width: 130 },
  ];
  if (canKeep)
    tCols.push({
      key: 'x',
      width: 76,
      render: (_, r) => (
        <RowActions r={r} onEdit={() => setTarget({ level: 'township', region: r })} onDeleted={refresh} />
      ),
    });
  const vCols: ColumnsType<Region> = [
    { title: t('office.region.code'), dataIndex: 'code', width: 130 },
    { title: t('office.region.village'), dataIndex: 'name' },
    {
      title: t('office.region.contactName'),
      dataIndex: 'contactName',
      render: (v) => v || <Tag color="warning">{t('office.region.noContact')}</Tag>,
    },
    { title: t('office.region.contactPhone'), dataIndex: 'contactPhone' },
    {
      title: t('office.region.memberCount'),
      dataIndex: 'memberCount',
      width: 90,
      render: (n) => (n ? n : <Tag color="error">0</Tag>),
    },
    {
      title: t('office.region.repCount'),
      dataIndex: 'representativeCount',
      width: 100,
      render: (n) => (n >= DEFAULT_QUOTAS.repsPerVillageMin ? n : <Tag color="warning">{n}</Tag>),
    },
  ];
  if (canKeep)
    vCols.push({
      key: 'x',
      width: 76,
      render: (_, r) => (
        <RowActions r={r} onEdit={() => setTarget({ level: 'village', region: r })} onDeleted={refresh} />
      ),
    });
  return (
    <div>
      <PageHead
        title={t('nav.regions')}
        extra={
          canKeep && (
            <Button icon={<PlusOutlined />} onClick={() => setTarget({ level: 'township' })} data-testid="township-add">
              {t('office.region.addTownship')}
            </Button>
          )
        }
      />
      <Flex gap={16} wrap align="start">
        <Card
          size="small"
          title={t('office.region.townships')}
          style={{ flex: '1 1 280px', maxInlineSize: 380 }}
          data-testid="township-table"
        >
          <Table<Region>
            size="small"
            rowKey="id"
            loading={townships.isLoading}
            dataSource={townships.data ?? []}
            columns={tCols}
            pagination={false}
            scroll={{ y: 560 }}
            rowClassName={(r) => (r.id === township?.id ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({
              onClick: () => {
                setPicked(r.id);
                villages.resetPage();
              },
              style: { cursor: 'pointer' },
            })}
          />
        </Card>
        <Card
          size="small"
          style={{ flex: '3 1 520px', minInlineSize: 0 }}
          title={township ? t('office.region.villagesOf', { name: township.name }) : t('office.region.villages')}
          extra={
            <Flex gap={8}>
              <Input.Search
                allowClear
                placeholder={t('office.region.searchVillage')}
                onSearch={(v) => {
                  setQ(v.trim() || undefined);
                  villages.resetPage();
                }}
                style={{ inlineSize: 200 }}
                data-testid="village-search"
              />
              {canKeep && township && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setTarget({ level: 'village', parent: township })}
                  data-testid="village-add"
                >
                  {t('office.region.addVillage')}
                </Button>
              )}
            </Flex>
          }
        >
          {township ? (
            <div data-testid="village-table">
              <Table<Region> {...villages.tableProps} size="small" columns={vCols} scroll={{ x: 'max-content' }} />
            </div>
          ) : (
            <Empty />
          )}
        </Card>
      </Flex>
      <RegionDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
