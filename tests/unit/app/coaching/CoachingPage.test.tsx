import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { CoachingPage } from '../../../../src/app/coaching/CoachingPage';
import { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
import { NavBar } from '../../../../src/app/shell/NavBar';
import { formatUkDate, toIsoDate } from '../../../../src/domain/dates';
import { newId } from '../../../../src/domain/ids';
import { renderInApp, type AppHarness } from '../../support/renderInApp';
import { actAs, addMembership, PRIYA, SAM, seedPriyasSetAndCoach, SET } from '../sharing/seedPeople';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

function renderCoaching(): AppHarness {
  app = renderInApp(
    () => (
      <>
        <NavBar />
        <Route path="/coaching" nest>
          <CoachingPage />
        </Route>
      </>
    ),
    { path: '/coaching' },
  );
  return app;
}

describe('Coaching', () => {
  it('lets a coach add a session for their coachee, listed again after a reload', async () => {
    const harness = renderCoaching();
    await actAs(harness.db, SAM);
    await seedPriyasSetAndCoach(harness.db);

    expect(await screen.findByRole('link', { name: 'Coaching' })).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Coaching Priya Shah' });
    await userEvent.click(within(section).getByRole('button', { name: 'Add a session with Priya Shah' }));
    const form = within(section).getByRole('form', { name: 'New session with Priya Shah' });
    expect(within(form).getByLabelText('Date of the session')).toHaveValue(toIsoDate(new Date()));
    await userEvent.click(within(form).getByRole('button', { name: 'Outcomes of the diagnostic' }));
    expect(within(form).getByLabelText('Focus')).toHaveValue('Outcomes of the diagnostic');
    await userEvent.type(within(form).getByLabelText('Notes'), 'Resilience rated lowest; talked about the phonics INSET.');
    await userEvent.type(within(form).getByLabelText('Agreed next steps'), 'Priya plans the KS1 team meeting.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the session' }));

    const title = `${formatUkDate(toIsoDate(new Date()))} — Outcomes of the diagnostic`;
    const session = await within(section).findByRole('article', { name: title });
    expect(within(session).getByText('You and Priya Shah can see this')).toBeInTheDocument();
    expect(within(section).queryByRole('form', { name: 'New session with Priya Shah' })).not.toBeInTheDocument();
    const [stored] = await harness.repositories.coaching.listForMe();
    expect(stored).toMatchObject({ coachId: SAM, participantId: PRIYA, focus: 'Outcomes of the diagnostic' });
    expect(await harness.repositories.drafts.get(`coaching-new-session:${PRIYA}`)).toBeUndefined();

    harness.reload();
    const reloaded = await screen.findByRole('article', { name: title });
    expect(within(reloaded).getByLabelText('Notes')).toHaveValue('Resilience rated lowest; talked about the phonics INSET.');
    expect(within(reloaded).getByLabelText('Agreed next steps')).toHaveValue('Priya plans the KS1 team meeting.');
  });

  it('keeps a half-written new session as a draft across a reload', async () => {
    const harness = renderCoaching();
    await actAs(harness.db, SAM);
    await seedPriyasSetAndCoach(harness.db);
    await userEvent.click(await screen.findByRole('button', { name: 'Add a session with Priya Shah' }));
    await userEvent.type(screen.getByLabelText('Notes'), 'Rehearsed the conversation with the Year 2 teacher');
    await waitFor(async () => expect(await harness.repositories.drafts.get(`coaching-new-session:${PRIYA}`)).toBeDefined());

    harness.reload();
    const form = await screen.findByRole('form', { name: 'New session with Priya Shah' });
    await waitFor(() => expect(within(form).getByLabelText('Notes')).toHaveValue('Rehearsed the conversation with the Year 2 teacher'));
  });

  it('shows a participant their coach’s session, and saves what they add to the notes', async () => {
    const harness = renderCoaching();
    await actAs(harness.db, PRIYA);
    await seedPriyasSetAndCoach(harness.db);
    const id = newId();
    await writeRecordChange(harness.db, {
      table: 'coachingSessions',
      recordId: id,
      fields: {
        coachId: SAM,
        participantId: PRIYA,
        heldOn: '2026-05-14',
        focus: 'Rehearsing a difficult conversation',
        notes: 'Role-played the talk with the Year 2 teacher.',
        nextSteps: 'Hold the conversation before half term.',
      },
      create: true,
    });
    await harness.db.outbox.clear();

    const section = await screen.findByRole('region', { name: 'Coaching with Sam Lee' });
    const session = await within(section).findByRole('article', { name: '14 May 2026 — Rehearsing a difficult conversation' });
    expect(within(session).getByText('You and your coach (Sam Lee) can see this')).toBeInTheDocument();
    expect(within(session).queryByLabelText('Date of the session')).not.toBeInTheDocument();
    expect(within(session).queryByRole('button', { name: 'Delete this session' })).not.toBeInTheDocument();
    const notes = within(session).getByLabelText('Notes');
    expect(notes).toHaveValue('Role-played the talk with the Year 2 teacher.');

    await userEvent.type(notes, ' I will open with the data.');
    await waitFor(async () =>
      expect((await harness.repositories.coaching.get(id))?.notes).toBe('Role-played the talk with the Year 2 teacher. I will open with the data.'),
    );
    expect(await within(session).findByText('Saved on this device')).toBeInTheDocument();
    // Only the notes were written: the coach's next steps are not re-stamped.
    const rows = await harness.db.outbox.toArray();
    expect(rows.map((row) => Object.keys(row.fields))).toEqual([['notes']]);
  });

  it('lists for a coach what their coachee shared with them, and nothing private', async () => {
    const harness = renderCoaching();
    await seedPriyasSetAndCoach(harness.db);
    // Priya's records, as her device wrote them and the server relayed them to Sam's.
    await actAs(harness.db, PRIYA);
    const shared = await harness.repositories.logEntries.create({ occurredAt: '2026-05-12T15:00:00.000Z', body: 'Felt the change team stall today.' });
    await harness.repositories.logEntries.setVisibility(shared.id, 'coach');
    await harness.repositories.logEntries.create({ occurredAt: '2026-05-13T15:00:00.000Z', body: 'Private worry about the head.' });
    const trial = await harness.repositories.trials.create({ what: 'Change teams for every member of staff' });
    await harness.repositories.trials.setVisibility(trial.id, 'set_and_coach');
    await actAs(harness.db, SAM);

    const sharedSection = await screen.findByRole('region', { name: 'What Priya Shah has shared with you' });
    expect(await within(sharedSection).findByText('Felt the change team stall today.')).toBeInTheDocument();
    expect(within(sharedSection).getByText('Change teams for every member of staff')).toBeInTheDocument();
    expect(within(sharedSection).queryByText('Private worry about the head.')).not.toBeInTheDocument();
  });

  it('explains the place when there is no coaching, and leaves it out of the menu', async () => {
    const harness = renderCoaching();
    await actAs(harness.db, PRIYA);
    await addMembership(harness.db, { userId: PRIYA, displayName: 'Priya Shah', role: 'participant', setId: SET });
    expect(await screen.findByRole('heading', { name: 'No coaching yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Journal' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Coaching' })).not.toBeInTheDocument();
  });
});
