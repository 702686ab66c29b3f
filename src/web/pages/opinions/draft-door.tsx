// The staff new-item form's side help while typing: open items that read like the draft (score, people, status, a link
// that opens the item in a new tab, where merging is one click) and the suggested category (top 3 with %; a click sets
// the form's category). Both ask after a pause and stay quiet when the server cannot answer.
import { Card, Flex, Form, type FormInstance, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { type TypedFetcher, typedBody, useTypedLookup } from '../public/door-typed';
import { fmtDate, StatusTag } from './bits';

/** One open item as POST /opinions/similar-draft answers it. */
interface DraftMatch {
  id: number;
  trackingCode: string | null;
  title: string;
  status: string;
  receivedAt: string;
  regionName: string | null;
  categoryName: string | null;
  peopleCount: number;
  handlingUnit: string | null;
  score: number;
}
interface Suggestion {
  categoryId: number;
  name: string;
  probability: number;
}

/** Through api(): the CSRF header of the signed-in app; a failure is no answer. */
const staffPost: TypedFetcher = (path, body) => api(path, { body }).catch(() => null);

/** The two cards under the text fields, fed by what the form holds. */
export function DraftDoor({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const title: string = Form.useWatch('title', form) ?? '';
  const content: string = Form.useWatch('content', form) ?? '';
  const regionId: number | undefined = Form.useWatch('regionId', form) ?? undefined;
  const categoryId: number | undefined = Form.useWatch('categoryId', form) ?? undefined;
  const typed = typedBody(title, content);
  const similar = useTypedLookup<{ items: DraftMatch[] }>(
    '/opinions/similar-draft',
    typed && regionId ? { ...typed, regionId } : typed,
    staffPost,
  );
  const suggested = useTypedLookup<{ items: Suggestion[] }>('/opinions/suggest-category', typed, staffPost);
  const matches = typed ? (similar?.items ?? []) : [];
  const cats = typed ? (suggested?.items ?? []) : [];
  return (
    <>
      {cats.length > 0 && (
        <Flex wrap gap={8} align="center" style={{ marginBlockEnd: 16 }} data-testid="op-draft-categories">
          <Typography.Text type="secondary">{t('op.draft.suggested')}</Typography.Text>
          {cats.map((c) => (
            <Tag.CheckableTag
              key={c.categoryId}
              checked={c.categoryId === categoryId}
              onChange={() => form.setFieldValue('categoryId', c.categoryId)}
              data-testid="op-draft-category"
              style={{ border: '1px solid #d9d9d9', paddingBlock: 2 }}
            >
              {c.name} {Math.round(c.probability * 100)}%
            </Tag.CheckableTag>
          ))}
        </Flex>
      )}
      {matches.length > 0 && (
        <Card
          size="small"
          title={t('op.draft.similarTitle')}
          style={{ marginBlockEnd: 16 }}
          data-testid="op-draft-similar"
        >
          <Typography.Paragraph type="secondary" style={{ marginBlockEnd: 8 }}>
            {t('op.draft.similarHint')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={matches}
            renderItem={(m) => (
              <List.Item data-testid="op-draft-similar-row" data-id={m.id}>
                <Flex vertical gap={2} style={{ inlineSize: '100%' }}>
                  <Flex justify="space-between" align="baseline" gap={8} wrap>
                    <a
                      href={`/opinions/${m.id}`}
                      target="_blank"
                      rel="noopener"
                      style={{ fontWeight: 600, flex: 1, wordBreak: 'break-word' }}
                    >
                      {m.title}
                    </a>
                    <StatusTag status={m.status} />
                  </Flex>
                  <Typography.Text type="secondary">
                    {[
                      t('op.similar.score', { pct: Math.round(m.score * 100) }),
                      t('op.draft.people', { count: m.peopleCount }),
                      m.handlingUnit,
                      m.trackingCode,
                      m.regionName,
                      fmtDate(m.receivedAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
