import type { CalendarDay } from '@shared/calendar';
import { Card, Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayRun, dayMap, dayRuns, isWeekend, monthCells } from '../days';
import './calendar.css';

interface Props {
  year: number;
  days: readonly CalendarDay[];
}

const WEEKDAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const todayIso = () => new Date().toLocaleDateString('sv-SE');

/** Twelve compact month grids (Monday first): 休 on holidays, 班 on make-up working days, weekends shaded. */
export function YearGrid({ year, days }: Props) {
  const { t, i18n } = useTranslation();
  const byDate = useMemo(() => dayMap(days), [days]);
  const runs = useMemo(() => dayRuns(days), [days]);
  const monthName = useMemo(() => new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }), [i18n]);
  const weekdays = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { weekday: 'narrow', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return WEEKDAY_IDS.map((id, i) => ({ id, weekend: i >= 5, label: f.format(new Date(Date.UTC(2024, 0, 1 + i))) }));
  }, [i18n]);
  const today = todayIso();

  return (
    <Flex vertical gap={12}>
      <Legend />
      <Row gutter={[12, 12]}>
        {MONTHS.map((m) => {
          const prefix = `${year}-${String(m).padStart(2, '0')}`;
          const { lead, dates } = monthCells(year, m);
          const workdays = dates.filter((d) => isWorkday(d, byDate.get(d))).length;
          return (
            <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
              <Card
                size="small"
                title={monthName.format(new Date(Date.UTC(year, m - 1, 1)))}
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('calendar.monthWorkdays', { count: workdays })}
                  </Typography.Text>
                }
                styles={{ body: { padding: 8 } }}
                role="group"
                aria-label={`${prefix}`}
              >
                <div className="zoneos-cal-grid">
                  {weekdays.map((w) => (
                    <div key={w.id} className={`zoneos-cal-head${w.weekend ? ' zoneos-cal-weekend' : ''}`}>
                      {w.label}
                    </div>
                  ))}
                  {lead > 0 && <div style={{ gridColumn: `span ${lead}` }} />}
                  {dates.map((date) => (
                    <DayCell key={date} date={date} day={byDate.get(date)} today={date === today} />
                  ))}
                </div>
                <MonthRuns runs={runs.filter((r) => r.from.startsWith(prefix) || r.to.startsWith(prefix))} />
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}

function isWorkday(date: string, day: CalendarDay | undefined): boolean {
  if (day) return day.kind === 'workday';
  return !isWeekend(date);
}

function DayCell({ date, day, today }: { date: string; day?: CalendarDay; today: boolean }) {
  const { t } = useTranslation();
  const classes = ['zoneos-cal-day'];
  if (isWeekend(date)) classes.push('zoneos-cal-weekend');
  if (day) classes.push(`zoneos-cal-${day.kind}`);
  if (today) classes.push('zoneos-cal-today');
  const label = day ? `${date} ${day.name} · ${t(`calendar.kind.${day.kind}`)}` : date;
  const cell = (
    <div className={classes.join(' ')}>
      <span>{Number(date.slice(8))}</span>
      {day && <span className="zoneos-cal-badge">{t(`calendar.badge.${day.kind}`)}</span>}
      {day && <span className="zoneos-cal-sr">{label}</span>}
    </div>
  );
  return day ? <Tooltip title={label}>{cell}</Tooltip> : cell;
}

/** The festivals of a month under its grid: 春节 休 02-15 – 02-23 (9 days), 班 02-14. */
function MonthRuns({ runs }: { runs: DayRun[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <div className="zoneos-cal-runs" />;
  return (
    <Flex vertical gap={2} className="zoneos-cal-runs">
      {runs.map((r) => (
        <Flex key={r.from} gap={6} align="baseline">
          <Tag color={r.kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {t(`calendar.badge.${r.kind}`)}
          </Tag>
          <Typography.Text style={{ fontSize: 12 }}>
            {r.name} {r.from.slice(5)}
            {r.count > 1 && ` – ${r.to.slice(5)} ${t('calendar.daysCount', { count: r.count })}`}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const item = (cls: string, badge: string | null, label: string) => (
    <Flex gap={6} align="center" key={cls}>
      <span className={`zoneos-cal-day zoneos-cal-swatch ${cls}`}>
        {badge && <span className="zoneos-cal-badge">{badge}</span>}
      </span>
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
    </Flex>
  );
  return (
    <Flex gap={16} wrap align="center" role="note" aria-label={t('calendar.legend.title')}>
      {item('zoneos-cal-holiday', t('calendar.badge.holiday'), t('calendar.legend.holiday'))}
      {item('zoneos-cal-workday', t('calendar.badge.workday'), t('calendar.legend.workday'))}
      {item('zoneos-cal-weekend', null, t('calendar.legend.weekend'))}
      {item('zoneos-cal-today', null, t('calendar.legend.today'))}
    </Flex>
  );
}
