// Date-time display for office tables: one fixed, sortable format whatever the browser's locale.
import dayjs from 'dayjs';

/** "2026-04-02 14:05", or a dash when empty. */
export const formatTime = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');
/** "2026-04-02 14:05:09" for the audit log, where seconds matter. */
export const formatTimeSec = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm:ss');
