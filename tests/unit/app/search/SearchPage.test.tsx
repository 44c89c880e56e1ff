import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { RepositoryProvider } from '../../../../src/app/db/RepositoryContext';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { SearchPage } from '../../../../src/app/search/SearchPage';
import { generateYear } from '../../../support/generateYear';
import { putYear } from '../../../support/putYear';

const ME = 'user-priya';
const SEED = 7;
const stamp = { createdAt: '2026-05-14T09:00:00.000Z', updatedAt: '2026-05-14T09:00:00.000Z', deletedAt: null, clocks: {} };

let db: SetwiseDatabase;
let repositories: Repositories;

beforeEach(async () => {
  db = new SetwiseDatabase(`search-page-${crypto.randomUUID()}`);
  await putYear(db, await generateYear({ seed: SEED, owner: ME, entries: 400 }), ME);
  await db.memberships.bulkPut([
    { ...stamp, id: 'm1', owner: 'coordinator', cohortId: 'c1', userId: ME, displayName: 'Priya Shah', role: 'participant', setId: 'set-a', coacheeId: null, status: 'active', withdrawnOn: null },
    { ...stamp, id: 'm2', owner: 'coordinator', cohortId: 'c1', userId: 'user-tom', displayName: 'Tom Reed', role: 'participant', setId: 'set-a', coacheeId: null, status: 'active', withdrawnOn: null },
  ]);
  await db.meetings.put({ ...stamp, id: 'meet-1', owner: 'user-fac', setId: 'set-a', heldOn: '2026-05-14', place: '', attendance: {}, checkIn: '', sharedLearning: 'Small steps beat big launches.', roundMinutes: 20, stage: 'closed' });
  await db.meetingRounds.put({ ...stamp, id: 'round-1', owner: 'user-fac', meetingId: 'meet-1', setId: 'set-a', presenterId: 'user-tom', position: 0, update: 'Lunchtime clubs for Year 4.', questions: '', suggestions: '', memberNotes: '' });
  repositories = createRepositories(db);
});

afterEach(async () => {
  await repositories.search.close();
  db.close();
  await db.delete();
});

function renderSearch(path = '/search') {
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  render(
    <RepositoryProvider repositories={repositories}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Route path="/search" component={SearchPage} />
      </Router>
    </RepositoryProvider>,
  );
  return { user, location, field: screen.getByRole('searchbox', { name: 'Search your writing' }) };
}

const results = () => screen.getByRole('list', { name: 'Search results' });

describe('Search page', () => {
  it('shows results as you type, each with kind, date, title and the matched words marked', async () => {
    const mine = await repositories.logEntries.create({ occurredAt: '2026-05-14T10:00:00.000Z', body: 'A learning walk with the zebrafinch display in Year 2.' });
    const { user, field, location } = renderSearch();
    await user.type(field, 'zebra');
    const list = await waitFor(() => results());
    const link = within(list).getByRole('link');
    expect(link).toHaveAttribute('href', `/journal/${mine.id}`);
    expect(link).toHaveTextContent('Log entry · 14 May 2026');
    expect([...link.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['zebrafinch']);
    expect(link).toHaveTextContent('A learning walk with the zebrafinch display in Year 2.');
    expect(screen.getByRole('status')).toHaveTextContent('1 match');
    // The query is kept in the address, so Back from the entry shows these results again.
    expect(location.history?.at(-1)).toBe('/search?q=zebra');
  });

  it('matches the start of a word: "phon" marks phonics; at most 50 shown with the full count', async () => {
    const { user, field } = renderSearch();
    await user.type(field, 'phon');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^The best 50 of [\d,]+ matches/));
    const items = within(results()).getAllByRole('listitem');
    expect(items).toHaveLength(50);
    const marks = results().querySelectorAll('mark');
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.textContent?.toLowerCase()).toBe('phonics');
  });

  it('says so when nothing matches', async () => {
    const { user, field } = renderSearch();
    await user.type(field, 'qwxz');
    expect(await screen.findByText('No matches for “qwxz”.')).toBeInTheDocument();
  });

  it('finds a round by the presenter’s name and links to the meeting', async () => {
    const { user, field } = renderSearch();
    await user.type(field, 'Tom Reed');
    const link = await waitFor(() => within(results()).getByRole('link'));
    expect(link).toHaveTextContent('Meeting round · 14 May 2026');
    expect(link).toHaveTextContent('Tom Reed’s round at the meeting of 14 May 2026');
    expect(link).toHaveAttribute('href', '/set/meetings/meet-1');
  });

  it('follows edits and deletes while open', async () => {
    const entry = await repositories.logEntries.create({ occurredAt: '2026-05-14T10:00:00.000Z', body: 'Moderation with the wombat team.' });
    const { user, field } = renderSearch('/search?q=wombat');
    expect(field).toHaveValue('wombat');
    await waitFor(() => expect(within(results()).getByRole('link')).toHaveAttribute('href', `/journal/${entry.id}`));
    await repositories.logEntries.update(entry.id, { body: 'Moderation with the KS2 team.' });
    expect(await screen.findByText('No matches for “wombat”.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'KS2 team');
    await waitFor(() => expect(within(results()).getByRole('link')).toHaveAttribute('href', `/journal/${entry.id}`));
    await repositories.logEntries.remove(entry.id);
    expect(await screen.findByText('No matches for “KS2 team”.')).toBeInTheDocument();
  });
});
