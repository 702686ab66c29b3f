// /registry/users: accounts and API tokens (office staff only).
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../components/page-head';
import { TokensTab } from './tokens-tab';
import { UsersTab } from './users-tab';

/** The page with its two tabs. */
export function UsersPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHead title={t('nav.users')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'users', label: t('office.user.tab'), children: <UsersTab /> },
            {
              key: 'tokens',
              label: <span data-testid="tab-tokens">{t('office.token.tab')}</span>,
              children: <TokensTab />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
