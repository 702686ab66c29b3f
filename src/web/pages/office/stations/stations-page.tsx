// /stations: the contact stations (委员联络站) the signed-in staff may see — the office all, a township's information
// officer their township's, leaders read-only — with a form to create or change one and its A4 QR posters.
import { EditOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dropdown, Flex, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, qs } from '../../../api';
import { useAuth } from '../../../auth';
import { PageHead } from '../components/page-head';
import { useTownships } from '../components/registry-data';
import { MemberSelect, VillageSelect } from '../components/remote-select';
import { CrudModal, type CrudTarget } from '../registry/crud-modal';

/** A station as GET /contact-stations lists it. */
export interface Station {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  regionLevel: 'township' | 'village';
  townshipId: number;
  townshipName: string;
  address: string;
  openHours: string;
  published: boolean;
  active: boolean;
  itemCount: number;
  members: { id: number; name: string }[];
  abilities: { canEdit: boolean; canPrint: boolean };
}

/** The two poster variants of a station. */
function PosterMenu({ id }: { id: number }) {
  const { t } = useTranslation();
  const href = (lang: string) => downloadUrl(`/contact-stations/${id}/poster.pdf`, { lang });
  const items = [
    { key: 'zh', label: <a href={href('zh')}>{t('dir.posterZh')}</a> },
    { key: 'zh-ug', label: <a href={href('zh-ug')}>{t('dir.posterUg')}</a> },
  ];
  return (
    <Dropdown menu={{ items }}>
      <Button type="link" size="small" icon={<QrcodeOutlined />} data-testid="station-poster">
        {t('dir.poster')}
      </Button>
    </Dropdown>
  );
}

/** The page. */
export function StationsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const [target, setTarget] = useState<CrudTarget<Station> | null>(null);
  const townships = useTownships();
  // An information officer works in one township: the form starts there, and the list offers only it.
  const auth = useAuth();
  const own = auth.has('info_officer') && !auth.has('admin') ? (auth.me?.townshipId ?? undefined) : undefined;
  const list = useQuery({
    queryKey: ['contact-stations', townshipId],
    queryFn: () =>
      api<{ items: Station[]; abilities: { canCreate: boolean } }>(`/contact-stations${qs({ regionId: townshipId })}`),
  });
  const columns: ColumnsType<Station> = [
    { title: t('stn.name'), dataIndex: 'name' },
    {
      title: t('stn.place'),
      key: 'place',
      render: (_, s) => (s.regionLevel === 'village' ? `${s.townshipName} · ${s.regionName}` : s.townshipName),
    },
    { title: t('stn.address'), dataIndex: 'address', render: (v) => v || '—' },
    { title: t('stn.openHours'), dataIndex: 'openHours', render: (v) => v || '—' },
    {
      title: t('stn.members'),
      key: 'members',
      render: (_, s) => s.members.map((m) => m.name).join('、') || '—',
    },
    {
      title: t('stn.state'),
      key: 'state',
      render: (_, s) => (
        <Space size={4} wrap>
          {s.active ? null : <Tag>{t('stn.inactive')}</Tag>}
          {s.published ? <Tag color="green">{t('stn.published')}</Tag> : <Tag>{t('stn.unpublished')}</Tag>}
        </Space>
      ),
    },
    { title: t('stn.items'), dataIndex: 'itemCount', width: 90 },
    {
      key: 'x',
      render: (_, s) => (
        <Space size={0}>
          {s.abilities.canEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              data-testid="station-edit"
              onClick={() =>
                setTarget({
                  row: s,
                  initial: {
                    villageId: s.regionLevel === 'village' ? s.regionId : undefined,
                    memberIds: s.members.map((m) => m.id),
                  },
                })
              }
            >
              {t('action.edit')}
            </Button>
          )}
          {s.abilities.canPrint && <PosterMenu id={s.id} />}
        </Space>
      ),
    },
  ];
  const editing = target?.row;
  return (
    <div>
      <PageHead
        title={t('nav.stations')}
        sub={t('stn.hint')}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('stn.township')}
              value={townshipId}
              onChange={setTownshipId}
              options={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              style={{ minWidth: 180 }}
            />
            {list.data?.abilities.canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="station-add"
                onClick={() =>
                  setTarget({
                    initial: { townshipId: townshipId ?? own, published: true, active: true, memberIds: [] },
                  })
                }
              >
                {t('stn.add')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        <Table<Station>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <CrudModal<Station>
        target={target}
        path="/contact-stations"
        testId="station"
        title={editing ? `${t('action.edit')} · ${editing.name}` : t('stn.add')}
        toBody={(v) => ({
          name: v.name,
          regionId: v.villageId ?? v.townshipId,
          address: v.address ?? '',
          openHours: v.openHours ?? '',
          memberIds: v.memberIds ?? [],
          published: !!v.published,
          active: !!v.active,
        })}
        onClose={() => setTarget(null)}
        onSaved={() => qc.invalidateQueries({ queryKey: ['contact-stations'] })}
      >
        {(form) => (
          <>
            <Form.Item name="name" label={t('stn.name')} rules={[{ required: true, max: 60 }]}>
              <Input maxLength={60} data-testid="station-name" />
            </Form.Item>
            <Form.Item name="townshipId" label={t('stn.township')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(townships.data ?? [])
                  .filter((x) => !own || x.id === own)
                  .map((x) => ({ value: x.id, label: x.name }))}
                onChange={() => form.setFieldValue('villageId', undefined)}
                data-testid="station-township"
              />
            </Form.Item>
            <Form.Item name="villageId" label={t('stn.village')} extra={t('stn.villageHint')}>
              <VillageSelect
                known={
                  editing?.regionLevel === 'village' ? [{ value: editing.regionId, label: editing.regionName }] : []
                }
              />
            </Form.Item>
            <Form.Item name="address" label={t('stn.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="openHours" label={t('stn.openHours')} rules={[{ max: 100 }]}>
              <Input maxLength={100} placeholder={t('stn.openHoursHint')} />
            </Form.Item>
            <Form.Item name="memberIds" label={t('stn.members')} extra={t('stn.membersHint')}>
              <MemberSelect
                mode="multiple"
                known={(editing?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
              />
            </Form.Item>
            <Space size={24}>
              <Form.Item name="published" label={t('stn.published')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="active" label={t('stn.activeLabel')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </>
        )}
      </CrudModal>
    </div>
  );
}
