// The phone's bottom bar: the role's first four phone entries and 我的, which opens a drawer with the whole desktop
// menu (the same menu items the side menu shows, so nothing a role has on a desk is missing on a phone) and the
// settings: password, language, larger text, sign out.
import { UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Menu, type MenuProps, Switch, Typography } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLargeText } from '../theme';
import { LanguageSwitch } from './language-switch';

interface Tab {
  path: string;
  icon: ReactNode;
  label: string;
}

interface Props {
  tabs: Tab[];
  /** The nav path the current page belongs to. */
  selected?: string;
  /** The desktop side menu's items. */
  items: NonNullable<MenuProps['items']>;
  onNavigate: (path: string) => void;
  /** The user menu (password, language, sign out). */
  userItems: { key: string; label: ReactNode; onClick?: () => void }[];
}

const tabStyle = (on: boolean) =>
  ({
    flex: 1,
    minInlineSize: 0,
    minBlockSize: 56,
    padding: '6px 2px',
    border: 0,
    background: 'none',
    color: on ? '#b71c1c' : '#4a4a4a',
    fontSize: 14,
    lineHeight: 1.2,
    fontWeight: on ? 600 : 400,
    overflowWrap: 'anywhere',
  }) as const;

/** Fixed bottom tab bar with a 我的 drawer. */
export function PhoneTabBar({ tabs, selected, items, onNavigate, userItems }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [large, setLarge] = useLargeText();
  const largeId = useId();
  const inTabs = tabs.some((x) => x.path === selected);
  const go = (path: string) => {
    setOpen(false);
    onNavigate(path);
  };
  return (
    <>
      <nav
        className="jl-tabbar"
        aria-label={t('app.name')}
        data-testid="phone-tabbar"
        style={{
          position: 'fixed',
          insetInline: 0,
          insetBlockEnd: 0,
          display: 'flex',
          background: '#fff',
          borderBlockStart: '1px solid #ddd',
          paddingBlockEnd: 'env(safe-area-inset-bottom)',
          zIndex: 100,
        }}
      >
        {tabs.map((x) => (
          <button
            type="button"
            key={x.path}
            data-path={x.path}
            aria-current={x.path === selected ? 'page' : undefined}
            onClick={() => go(x.path)}
            style={tabStyle(x.path === selected)}
          >
            <div style={{ fontSize: 22 }} aria-hidden>
              {x.icon}
            </div>
            {x.label}
          </button>
        ))}
        <button
          type="button"
          data-testid="tab-more"
          aria-expanded={open}
          onClick={() => setOpen(true)}
          style={tabStyle(open || (!!selected && !inTabs))}
        >
          <div style={{ fontSize: 22 }} aria-hidden>
            <UserOutlined />
          </div>
          {t('app.more')}
        </button>
      </nav>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size="88%"
        title={t('app.moreTitle')}
        styles={{ body: { padding: 0 } }}
        rootClassName="jl-more-drawer"
      >
        <nav aria-label={t('app.moreTitle')} data-testid="more-drawer">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={['registry']}
            items={items}
            onClick={(e) => go(e.key)}
            style={{ borderInlineEnd: 0 }}
          />
        </nav>
        <section aria-label={t('app.settings')} style={{ padding: 16, borderBlockStart: '1px solid #eee' }}>
          <Typography.Title level={5} style={{ marginBlockStart: 0 }}>
            {t('app.settings')}
          </Typography.Title>
          <Flex align="center" justify="space-between" style={{ minBlockSize: 44 }}>
            <span>{t('app.langLabel')}</span>
            <LanguageSwitch className="jl-drawer-select" />
          </Flex>
          <Flex align="center" justify="space-between" style={{ minBlockSize: 44 }}>
            <label htmlFor={largeId}>{t('app.largerText')}</label>
            <Switch id={largeId} data-testid="larger-text" checked={large} onChange={setLarge} />
          </Flex>
          <Flex vertical gap={8} style={{ marginBlockStart: 8 }}>
            {userItems.map((u) => (
              <Button
                key={u.key}
                block
                data-testid={`more-${u.key}`}
                onClick={() => {
                  setOpen(false);
                  u.onClick?.();
                }}
              >
                {u.label}
              </Button>
            ))}
          </Flex>
        </section>
      </Drawer>
    </>
  );
}
