// /registry/sectors: the sector tree of each term; office staff add, rename, reorder and delete sectors and start a new term.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Select, Skeleton, Tag, Tooltip, Tree } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import { PageHead } from '../components/page-head';
import { type Sector, useCanKeepRegistry, useSectors, useTerms } from '../components/registry-data';
import { NewTermModal } from './new-term-modal';
import { type NameTarget, SectorNameModal } from './sector-name-modal';

type Target = NameTarget & { id?: number; parentId?: number | null };

/** The page. */
export function SectorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canKeep = useCanKeepRegistry();
  const terms = useTerms();
  const [termId, setTermId] = useState<number>();
  const [newTerm, setNewTerm] = useState(false);
  const [target, setTarget] = useState<Target | null>(null);
  // Everything is expanded unless the user folded it, so a newly added sub-group is visible at once.
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const current = terms.data?.find((x) => x.isCurrent);
  const shownTermId = termId ?? current?.id;
  const sectors = useSectors(shownTermId);
  const editable = canKeep && !!shownTermId && shownTermId === current?.id;
  const refresh = () => qc.invalidateQueries({ queryKey: ['sectors'] });

  const run = async (fn: () => Promise<unknown>, ok = t('msg.saved')) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error(applyApiError(e));
      throw e;
    } finally {
      await refresh();
    }
  };
  const submitName = async (name: string) => {
    if (!target) return;
    await run(() =>
      target.mode === 'rename'
        ? api(`/sectors/${target.id}`, { method: 'PATCH', body: { name } })
        : api('/sectors', {
            body: {
              name,
              parentId: target.parentId ?? null,
              termId: shownTermId,
              sortOrder: nextOrder(target.parentId ?? null),
            },
          }),
    ).then(
      () => setTarget(null),
      () => undefined,
    );
  };
  const siblingsOf = (parentId: number | null) => (sectors.data?.items ?? []).filter((s) => s.parentId === parentId);
  const nextOrder = (parentId: number | null) => (siblingsOf(parentId).length + 1) * 10;
  const move = (s: Sector, delta: -1 | 1) =>
    run(async () => {
      const list = [...siblingsOf(s.parentId)];
      const i = list.findIndex((x) => x.id === s.id);
      const j = i + delta;
      if (j < 0 || j >= list.length) return;
      [list[i], list[j]] = [list[j], list[i]];
      for (const [k, x] of list.entries()) {
        const order = (k + 1) * 10;
        if (x.sortOrder !== order) await api(`/sectors/${x.id}`, { method: 'PATCH', body: { sortOrder: order } });
      }
    }).catch(() => undefined);
  const remove = (s: Sector) =>
    run(() => api(`/sectors/${s.id}`, { method: 'DELETE' }), t('msg.deleted')).catch(() => undefined);

  const nodeTitle = (s: Sector, index: number, count: number) => (
    <Flex align="center" gap={8} data-testid={`sector-node-${s.id}`} style={{ minBlockSize: 32 }}>
      <span>{s.name}</span>
      <Tag>{t('office.sector.members', { n: s.memberCount })}</Tag>
      {editable && (
        <Flex gap={2} className="jl-sector-actions" onClick={(e) => e.stopPropagation()}>
          {s.parentId === null && (
            <Tooltip title={t('office.sector.addChild')}>
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined />}
                data-testid="sector-add-child"
                onClick={() => setTarget({ mode: 'add', parentId: s.id, parentName: s.name })}
              />
            </Tooltip>
          )}
          <Tooltip title={t('office.sector.rename')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              data-testid="sector-rename"
              onClick={() => setTarget({ mode: 'rename', id: s.id, name: s.name })}
            />
          </Tooltip>
          <Tooltip title={t('office.sector.moveUp')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              data-testid="sector-up"
              onClick={() => move(s, -1)}
            />
          </Tooltip>
          <Tooltip title={t('office.sector.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              data-testid="sector-down"
              onClick={() => move(s, 1)}
            />
          </Tooltip>
          <Popconfirm
            title={t('office.sector.confirmDelete', { name: s.name })}
            onConfirm={() => remove(s)}
            okButtonProps={{ danger: true }}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="sector-delete" />
          </Popconfirm>
        </Flex>
      )}
    </Flex>
  );
  const toNodes = (list: Sector[]): any[] =>
    list.map((s, i) => ({ key: s.id, title: nodeTitle(s, i, list.length), children: toNodes(s.children ?? []) }));

  if (terms.isLoading) return <Skeleton active />;
  return (
    <div>
      <PageHead
        title={t('nav.sectors')}
        extra={
          <Flex gap={8} wrap>
            <Select
              data-testid="term-select"
              value={shownTermId}
              onChange={setTermId}
              style={{ minWidth: 200 }}
              options={(terms.data ?? []).map((x) => ({
                value: x.id,
                label: x.isCurrent ? `${x.name}（${t('office.sector.current')}）` : x.name,
              }))}
            />
            {editable && (
              <Button
                icon={<PlusOutlined />}
                data-testid="sector-add-top"
                onClick={() => setTarget({ mode: 'add', parentId: null })}
              >
                {t('office.sector.addTop')}
              </Button>
            )}
            {canKeep && (
              <Button danger data-testid="term-new" onClick={() => setNewTerm(true)}>
                {t('office.sector.newTerm')}
              </Button>
            )}
          </Flex>
        }
      />
      {shownTermId && shownTermId !== current?.id && (
        <Alert type="info" showIcon title={t('office.sector.pastTerm')} style={{ marginBlockEnd: 12 }} />
      )}
      <Card size="small" data-testid="sector-tree">
        {sectors.isLoading ? (
          <Skeleton active />
        ) : sectors.data?.tree.length ? (
          <Tree
            blockNode
            selectable={false}
            treeData={toNodes(sectors.data.tree)}
            expandedKeys={sectors.data.items.map((x) => x.id).filter((id) => !collapsed.has(id))}
            onExpand={(keys) => {
              const open = new Set(keys.map(Number));
              setCollapsed(new Set(sectors.data!.items.map((x) => x.id).filter((id) => !open.has(id))));
            }}
          />
        ) : (
          <Empty description={t('office.sector.empty')} />
        )}
      </Card>
      <SectorNameModal target={target} onClose={() => setTarget(null)} onSubmit={submitName} />
      <NewTermModal
        open={newTerm}
        terms={terms.data ?? []}
        onClose={() => setNewTerm(false)}
        onDone={(x) => {
          setNewTerm(false);
          setTermId(x.id);
        }}
      />
    </div>
  );
}
