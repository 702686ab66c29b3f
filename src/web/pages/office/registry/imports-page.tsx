// /registry/imports: Excel import of regions, members and representatives, each with a dry-run check first.
import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../components/page-head';
import { ImportCard } from './import-card';

/** The page: one card per kind, in the order they depend on each other. */
export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHead title={t('nav.imports')} />
      <Alert type="info" showIcon title={t('office.import.explain')} style={{ marginBlockEnd: 16 }} />
      <Row gutter={[16, 16]}>
        {(['regions', 'members', 'representatives'] as const).map((k) => (
          <Col key={k} xs={24} xl={8}>
            <ImportCard kind={k} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
