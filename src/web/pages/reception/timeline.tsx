// A reception day's record: translated event types with what each did (times, names, counts, links), never raw codes.
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One record_events row as GET /reception-days/:id sends it. */
export interface DayEventRow {
  id: number;
  type: string;
  payload: Record<string, any> | null;
  actorName: string | null;
  at: string;
}

/** Edited field names whose label key differs. */
const FIELD: Record<string, string> = { regionId: 'region', memberIds: 'members' };

/** Events a citizen causes from the public pages. */
const CITIZEN = new Set(['booked', 'booking_cancelled']);

/** A slot with its live booking, as the day page has it. */
interface SlotRow {
  id: number;
  start: string;
  end: string;
  booking?: { id: number; name: string } | null;
}

/** The day's events oldest first; slots give booking names and times (cancelled bookings are not among them). */
export function DayTimeline({ events, slots }: { events: DayEventRow[]; slots: SlotRow[] }) {
  const { t } = useTranslation();
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const byBooking = new Map(slots.filter((s) => s.booking).map((s) => [s.booking!.id, s]));
  // Citizens book and cancel without an account; other events name the staff member or member who acted.
  const actor = (e: DayEventRow) => e.actorName || (CITIZEN.has(e.type) ? t('rcp.ev.citizen') : '');
  const details = (e: DayEventRow): ReactNode[] => {
    const p = e.payload ?? {};
    const out: ReactNode[] = [];
    const slot = slotById.get(p.slotId) ?? byBooking.get(p.bookingId);
    if (e.type === 'scheduled') {
      out.push(t('rcp.ev.scheduledInfo', { date: p.date, slots: p.slots ?? 0, members: p.memberIds?.length ?? 0 }));
    }
    if (e.type === 'updated' && Array.isArray(p.fields) && p.fields.length) {
      const labels = p.fields.map((f: string) => t(`rcp.f.${FIELD[f] ?? f}`, { defaultValue: '' }));
      out.push(`${t('rcp.ev.changed')}：${labels.filter(Boolean).join('、') || t('rcp.ev.details')}`);
    }
    if (e.type === 'cancelled') out.push(t('rcp.ev.bookingsCancelled', { n: p.bookingsCancelled ?? 0 }));
    if (['booked', 'checked_in', 'matter_recorded'].includes(e.type) && slot) {
      out.push([slot.booking?.name, `${slot.start}–${slot.end}`].filter(Boolean).join(' · '));
    }
    if (e.type === 'matter_recorded' && p.opinionId) {
      out.push(<Link to={`/opinions/${p.opinionId}`}>{t('rcp.ev.openItem')}</Link>);
    }
    if (e.type === 'held') {
      out.push(t('rcp.ev.heldInfo', { came: p.checkedIn ?? 0, absent: p.noShow ?? 0 }));
      if (p.activityId) out.push(<Link to={`/activities/${p.activityId}`}>{t('rcp.activity')}</Link>);
    }
    return out;
  };
  return (
    <Timeline
      data-testid="rcp-timeline"
      items={events.map((e) => ({
        key: e.id,
        content: (
          <div data-testid="rcp-event" data-type={e.type}>
            <Typography.Text strong>{t(`rcp.ev.${e.type}`, { defaultValue: t('rcp.ev.other') })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {[actor(e), dayjs(e.at).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
            </Typography.Text>
            {details(e).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of one event, never reordered
              <div key={i}>{line}</div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
