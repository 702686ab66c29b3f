// The inbox's bulk action 归入民生问题: the selected items start a new problem (the create form, preset with them) or
// join an existing one that is not closed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { ProblemRow } from './types';

function ToProblemModal({ ids, onClose }: { ids: number[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [problemId, setProblemId] = useState<number | undefined>();
  const [error, setError] = useState<string | null>(null);
  const problems = useQuery({
    queryKey: ['/problems', 'open'],
    queryFn: async () => (await api<{ items: ProblemRow[] }>('/problems')).items,
    enabled: mode === 'existing',
    select: (rows) => rows.filter((p) => p.status !== 'solved' && p.status !== 'partly_solved'),
  });
  const add = useMutation({
    mutationFn: () => api(`/problems/${problemId}/items`, { body: { opinionIds: ids } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['/problems'] });
      qc.invalidateQueries({ queryKey: ['problem', problemId] });
      message.success(t('prb.items.linked', { count: ids.length }));
      onClose(true);
      navigate(`/problems/${problemId}`);
    },
    onError: (e) => setError(applyApiError(e)),
  });
  const ok = () => {
    setError(null);
    if (mode === 'new') {
      onClose(true);
      navigate(`/problems/new?ids=${ids.join(',')}`);
    } else if (problemId) add.mutate();
  };
  return (
    <Modal
      open
      destroyOnHidden
      title={t('prb.bulk.title', { count: ids.length })}
      onCancel={() => onClose(false)}
      onOk={ok}
      okText={t('prb.bulk.go')}
      okButtonProps={
        { disabled: mode === 'existing' && !problemId, loading: add.isPending, 'data-testid': 'prb-bulk-ok' } as any
      }
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} data-testid="prb-bulk-mode">
          <Space orientation="vertical">
            <Radio value="new">{t('prb.bulk.new')}</Radio>
            <Radio value="existing">{t('prb.bulk.existing')}</Radio>
          </Space>
        </Radio.Group>
        {mode === 'existing' && (
          <Select
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('prb.bulk.pick')}
            loading={problems.isLoading}
            value={problemId}
            onChange={setProblemId}
            options={(problems.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.title} · ${p.regionName} · ${p.year}`,
            }))}
            data-testid="prb-bulk-pick"
          />
        )}
      </Space>
    </Modal>
  );
}

/** The bulk bar's button; `onDone` clears the inbox selection once the items went somewhere. */
export function ToProblemButton({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="op-bulk-to-problem">
        {t('prb.bulk.button')}
      </Button>
      {open && (
        <ToProblemModal
          ids={ids}
          onClose={(done) => {
            setOpen(false);
            if (done) onDone();
          }}
        />
      )}
    </>
  );
}
