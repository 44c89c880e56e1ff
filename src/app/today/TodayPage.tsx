import { Link } from 'wouter';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { entrySummary } from '../../domain/logEntry';
import { TRIAL_STATUS_LABELS } from '../../domain/programme';
import { useLive } from '../db/useLiveRecords';
import { QuickCapture } from '../journal/QuickCapture';
import { ActionsDueCard } from './ActionsDueCard';
import { NextMeetingCard } from './NextMeetingCard';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Today: write first; then where the year stands — recent entries, the challenge, live trials. */
export function TodayPage() {
  const recent = useLive((repositories) => repositories.logEntries.list().then((entries) => entries.slice(0, 3)));
  const challenge = useLive((repositories) => repositories.challenge.current().then((found) => found ?? null));
  const trials = useLive((repositories) =>
    repositories.trials.list().then((all) => all.filter((trial) => trial.status === 'under_way' || trial.status === 'reviewing')),
  );
  const today = new Date();

  return (
    <>
      <header className="page-header">
        <h1>
          Today <span className="muted today__date">{`${WEEKDAYS[today.getDay()]} ${formatUkDate(today.toISOString())}`}</span>
        </h1>
      </header>
      <QuickCapture />
      <ActionsDueCard />
      <NextMeetingCard />

      <section aria-labelledby="today-recent">
        <h2 id="today-recent">Recent entries</h2>
        {recent && recent.length > 0 ? (
          <ul className="record-list">
            {recent.map((entry) => (
              <li key={entry.id}>
                <Link href={`/journal/${entry.id}`}>
                  <span className="record-list__meta">{formatUkDateTime(entry.occurredAt)}</span>
                  <br />
                  {entrySummary(entry) || '(no text)'}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Your saved entries will appear here.</p>
        )}
      </section>

      <section aria-labelledby="today-challenge">
        <h2 id="today-challenge">My challenge</h2>
        {challenge === null ? (
          <p>
            Your challenge is the question you&apos;ll work on all year. Start with what worries you.{' '}
            <Link href="/challenge/edit">Write my challenge</Link>
          </p>
        ) : challenge ? (
          <p>
            <Link href="/challenge">{challenge.focus}</Link>
            <br />
            <span className="muted">{challenge.issue}</span>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="today-trials">
        <h2 id="today-trials">Trials under way</h2>
        {trials && trials.length > 0 ? (
          <ul className="record-list">
            {trials.map((trial) => (
              <li key={trial.id}>
                <Link href={`/trials/${trial.id}`}>
                  {trial.what} <span className="record-list__meta">· {TRIAL_STATUS_LABELS[trial.status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            No trial under way. <Link href="/trials/new">Plan a trial</Link> to try one thing that moves your challenge.
          </p>
        )}
      </section>
    </>
  );
}
