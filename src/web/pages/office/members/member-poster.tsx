// The 码上联系 poster download on a member's page: an A4 PDF with the QR code that opens the citizen form addressed
// to the member, in Chinese or Chinese with Uyghur. Office staff and township officers (the server checks the township).
import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../../api';
import { useAuth } from '../../../auth';

/** The poster menu; nothing for roles that may not print posters. */
export function PosterButton({ id, active }: { id: number; active: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (!active || !auth.has('admin', 'info_officer')) return null;
  const href = (lang: string) => downloadUrl(`/directory/members/${id}/poster.pdf`, { lang });
  const items = [
    {
      key: 'zh',
      label: (
        <a href={href('zh')} data-testid="member-poster-zh">
          {t('dir.posterZh')}
        </a>
      ),
    },
    {
      key: 'zh-ug',
      label: (
        <a href={href('zh-ug')} data-testid="member-poster-ug">
          {t('dir.posterUg')}
        </a>
      ),
    },
  ];
  return (
    <Dropdown menu={{ items }}>
      <Button icon={<QrcodeOutlined />} data-testid="member-poster">
        {t('dir.poster')}
      </Button>
    </Dropdown>
  );
}
