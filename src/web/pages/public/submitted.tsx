// The success screen: the tracking code, large, with copy and follow links.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shows the code the citizen must keep. */
export function Submitted({ code, followed, onAnother }: { code: string; followed?: boolean; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(code).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section className="pub-card" style={{ textAlign: 'center', display: 'grid', gap: 8 }}>
      <div aria-hidden="true" style={{ fontSize: 44, color: '#1b6e20', lineHeight: 1 }}>
        ✓
      </div>
      <h1>{t('pub.done.title')}</h1>
      <p className="pub-muted" style={{ margin: 0 }}>
        {t('pub.done.sub')}
      </p>
      {followed !== undefined && (
        <div
          role="status"
          className={`pub-alert ${followed ? 'pub-alert-ok' : 'pub-alert-warn'}`}
          data-testid="pub-joined"
        >
          {t(followed ? 'pub.door.joined' : 'pub.door.notJoined')}
        </div>
      )}
      <div className="pub-muted">{t('pub.done.codeLabel')}</div>
      <div className="pub-code" data-testid="pub-code">
        {code}
      </div>
      <button type="button" className="pub-btn pub-btn-block" onClick={copy} data-testid="pub-copy">
        {t('pub.done.copy')}
      </button>
      {copied && (
        <div role="status" className="pub-alert pub-alert-ok">
          {t('pub.done.copied')}
        </div>
      )}
      <Link to={`/public/opinions/${code}`} className="pub-btn pub-btn-primary pub-btn-block" data-testid="pub-follow">
        {t('pub.done.follow')}
      </Link>
      <button type="button" className="pub-btn pub-btn-block" style={{ border: 0 }} onClick={onAnother}>
        {t('pub.done.another')}
      </button>
    </section>
  );
}
