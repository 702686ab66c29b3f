// One importable registry: download its template, pick a filled .xlsx, check it without writing or import it, read the report.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, downloadUrl } from '../../../api';
import { uploadWithProgress } from '../components/upload';

export type ImportKind = 'regions' | 'members' | 'representatives';
interface Issue {
  row: number;
  column: string;
  code?: string;
  message: string;
}
interface Report {
  ok: boolean;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: Issue[];
  errorCount: number;
}

const isReport = (x: any): x is Report => x && typeof x === 'object' && Array.isArray(x.errors) && 'created' in x;

/** The card for one kind. */
export function ImportCard({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setReport(null);
    setFailure(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await uploadWithProgress<Report>(`/imports/${kind}?dryRun=${dryRun}`, form, setProgress);
      setReport(r);
      if (!dryRun) qc.invalidateQueries();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(e.body.message);
        if (isReport(e.body.details)) setReport(e.body.details);
      } else setFailure(String(e));
      setProgress(null);
    } finally {
      setBusy(null);
    }
  };
  const tid = `import-${kind}`;
  return (
    <Card
      size="small"
      title={t(`office.import.kinds.${kind}`)}
      data-testid={tid}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={downloadUrl(`/imports/templates/${kind}`, {})}
          data-testid={`${tid}-template`}
        >
          {t('office.import.template')}
        </Button>
      }
    >
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        fileList={file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : []}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          setFailure(null);
          setProgress(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
          setFailure(null);
          setProgress(null);
        }}
        data-testid={`${tid}-file`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('office.import.pick')}</p>
        <p className="ant-upload-hint">{t('office.import.pickHint')}</p>
      </Upload.Dragger>
      <Flex gap={8} wrap style={{ marginBlock: 12 }}>
        <Button
          disabled={!file || !!busy}
          loading={busy === 'check'}
          onClick={() => run(true)}
          data-testid={`${tid}-check`}
        >
          {t('office.import.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || !!busy}
          loading={busy === 'import'}
          onClick={() => run(false)}
          data-testid={`${tid}-run`}
        >
          {t('office.import.run')}
        </Button>
      </Flex>
      {progress !== null && (
        <Progress
          percent={progress}
          size="small"
          status={busy ? 'active' : failure ? 'exception' : 'success'}
          data-testid={`${tid}-progress`}
        />
      )}
      {busy && progress === 100 && (
        <Alert type="info" showIcon title={t('office.import.processing')} style={{ marginBlockStart: 8 }} />
      )}
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBlockStart: 8 }} data-testid={`${tid}-failure`} />
      )}
      {report && <ImportReport report={report} testId={tid} />}
    </Card>
  );
}

function ImportReport({ report, testId }: { report: Report; testId: string }) {
  const { t } = useTranslation();
  const success = report.ok && !report.errors.length;
  return (
    <div data-testid={`${testId}-report`} style={{ marginBlockStart: 12 }}>
      {success && (
        <Alert
          type={report.dryRun ? 'info' : 'success'}
          showIcon
          title={report.dryRun ? t('office.import.checkedOk') : t('office.import.importedOk')}
          style={{ marginBlockEnd: 8 }}
        />
      )}
      <Flex gap={24} wrap>
        <Statistic title={t('office.import.total')} value={report.total} />
        <Statistic
          title={report.dryRun ? t('office.import.willCreate') : t('office.import.created')}
          value={report.created}
        />
        <Statistic
          title={report.dryRun ? t('office.import.willUpdate') : t('office.import.updated')}
          value={report.updated}
        />
        <Statistic title={t('office.import.unchanged')} value={report.unchanged} />
        <Statistic
          title={t('office.import.errors')}
          value={report.errorCount}
          styles={{ content: { color: report.errorCount ? '#cf1322' : undefined } }}
        />
      </Flex>
      {report.errors.length > 0 && (
        <Table<Issue>
          size="small"
          style={{ marginBlockStart: 8 }}
          data-testid={`${testId}-errors`}
          rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
          dataSource={report.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('office.import.row'), dataIndex: 'row', width: 56, render: (n) => (n ? n : '—') },
            { title: t('office.import.column'), dataIndex: 'column', width: 110 },
            { title: t('office.import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
      {report.errorCount > report.errors.length && (
        <Alert
          type="warning"
          title={t('office.import.moreErrors', { n: report.errorCount - report.errors.length })}
          style={{ marginBlockStart: 8 }}
        />
      )}
    </div>
  );
}
