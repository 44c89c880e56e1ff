import { formatUkDateTime } from '../../domain/dates';
import type { CohortOverview } from '../../domain/sets/cohortApi';
import { useCohortApi } from './CohortApiContext';
import { percentText } from './cohortText';
import { useServerAnswer } from './useServerAnswer';

/**
 * How the cohort is going, in counts only: the server sends no one's writing, and this screen
 * would not show it if it did.
 */
export function CohortOverviewSection({ cohortId }: { readonly cohortId: string }) {
  const api = useCohortApi();
  const { answer, refreshing, reload } = useServerAnswer(() => api.overview(cohortId), [cohortId]);

  return (
    <section aria-labelledby="overview-heading">
      <div className="cohort-section-header">
        <h2 id="overview-heading">Overview</h2>
        <button type="button" className="button" onClick={reload} disabled={answer.state === 'loading' || refreshing}>
          {refreshing ? 'Counting…' : 'Count again'}
        </button>
      </div>
      <p className="muted">Counts only. What people write stays theirs: you see how much, never what.</p>
      {answer.state === 'loading' ? <p className="muted">Counting…</p> : null}
      {answer.state === 'failed' ? (
        <p role="alert">{answer.offline ? 'The overview needs a connection to the Setwise server. Try again when you are online.' : answer.message}</p>
      ) : null}
      {answer.state === 'ready' ? <OverviewTables overview={answer.data} /> : null}
    </section>
  );
}

function OverviewTables({ overview }: { readonly overview: CohortOverview }) {
  const setName = (setId: string | null) => overview.sets.find((set) => set.setId === setId)?.name ?? 'Not in a set';
  return (
    <>
      <p>Counted on {formatUkDateTime(overview.generatedAt)}.</p>
      <h3 id="overview-sets-heading">Sets</h3>
      {overview.sets.length === 0 ? (
        <p className="muted">No sets yet.</p>
      ) : (
        <div className="cohort-table-scroll">
          <table className="data" aria-labelledby="overview-sets-heading">
            <thead>
              <tr>
                <th scope="col">Set</th>
                <th scope="col">Participants</th>
                <th scope="col">Meetings held</th>
                <th scope="col">Attendance</th>
                <th scope="col">Active in the last 30 days</th>
              </tr>
            </thead>
            <tbody>
              {overview.sets.map((set) => (
                <tr key={set.setId}>
                  <th scope="row">{set.name}</th>
                  <td>{set.participants}</td>
                  <td>{set.meetingsHeld}</td>
                  <td>{percentText(set.attendanceRate)}</td>
                  <td>{set.activeLast30Days}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="overview-people-heading">Participants</h3>
      {overview.participants.length === 0 ? (
        <p className="muted">No participants have joined yet.</p>
      ) : (
        <div className="cohort-table-scroll">
          <table className="data" aria-labelledby="overview-people-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Set</th>
                <th scope="col">Status</th>
                <th scope="col">Entries written</th>
                <th scope="col">Active in the last 30 days</th>
              </tr>
            </thead>
            <tbody>
              {overview.participants.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">{person.displayName}</th>
                  <td>{setName(person.setId)}</td>
                  <td>{person.status === 'active' ? 'Active' : 'Withdrawn'}</td>
                  <td>{person.entries}</td>
                  <td>{person.activeLast30Days ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
