import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiagnosticPage } from '../../../../src/app/diagnostic/DiagnosticPage';
import { flushPendingSaves } from '../../../../src/app/ui/pendingSaves';
import { freshRepositories, renderPage } from '../support/renderPage';

const quality = (name: string) => screen.getByRole('group', { name });

describe('Leadership diagnostic', () => {
  it('takes the diagnostic: a quality rated in words and noted, still there after a remount', async () => {
    const repositories = freshRepositories();
    const first = renderPage('/diagnostic', <DiagnosticPage />, '/diagnostic', repositories);
    expect(await screen.findByRole('heading', { name: 'Not taken yet' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name this sitting' })).toHaveValue('Start of the year');
    await first.user.click(screen.getByRole('button', { name: 'Take the diagnostic' }));

    const resilience = await waitFor(() => quality('Resilience'));
    expect(within(resilience).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      '1 Not yet', '2 Emerging', '3 Developing', '4 Secure', '5 A real strength',
    ]);
    await first.user.click(within(resilience).getByRole('radio', { name: '2 Emerging' }));
    await first.user.type(within(resilience).getByRole('textbox', { name: 'Note on resilience' }), 'Setbacks stay with me for days.');
    await waitFor(() => expect(within(resilience).getByText('Saved on this device')).toBeInTheDocument());
    expect(screen.getByText('Only you can see this')).toBeInTheDocument();
    const path = first.location.history?.at(-1) ?? '';
    expect(path).toMatch(/^\/diagnostic\/.+/);
    first.unmount();
    await flushPendingSaves();

    renderPage('/diagnostic', <DiagnosticPage />, path, repositories);
    const again = await waitFor(() => quality('Resilience'));
    expect(within(again).getByRole('radio', { name: '2 Emerging' })).toBeChecked();
    expect(within(again).getByRole('textbox', { name: 'Note on resilience' })).toHaveValue('Setbacks stay with me for days.');
    expect(screen.getByText(/1 of 11 qualities rated/)).toBeInTheDocument();
  });

  it('a second sitting compared with the first shows each change, side by side and in a table', async () => {
    const repositories = freshRepositories();
    const start = await repositories.diagnostics.start('Start of the year', '2026-09-14');
    await repositories.diagnostics.rate(start.id, 'resilience', 2);
    await repositories.diagnostics.note(start.id, 'resilience', 'Setbacks stay with me.');
    await repositories.diagnostics.rate(start.id, 'communicator', 3);

    const { user, location } = renderPage('/diagnostic', <DiagnosticPage />, '/diagnostic', repositories);
    expect(await screen.findByRole('link', { name: /Start of the year/ })).toHaveTextContent('14 September 2026 · 2 of 11 qualities rated');
    expect(screen.getByRole('textbox', { name: 'Name this sitting' })).toHaveValue('Later in the year');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Take the diagnostic' }));
    const resilience = await waitFor(() => quality('Resilience'));
    await user.click(within(resilience).getByRole('radio', { name: '4 Secure' }));
    await user.type(within(resilience).getByRole('textbox', { name: 'Note on resilience' }), 'Bounced back after the inspection.');
    await waitFor(() => expect(within(resilience).getByText('Saved on this device')).toBeInTheDocument());

    await user.click(screen.getByRole('link', { name: 'Compare sittings' }));
    expect(location.history?.at(-1)).toBe('/diagnostic/compare');
    const card = await screen.findByRole('region', { name: 'Resilience' });
    expect(card).toHaveTextContent('2 → 4, up 2');
    expect(card).toHaveTextContent('Start of the year: 2 · Emerging');
    expect(card).toHaveTextContent('Later in the year: 4 · Secure');
    expect(card).toHaveTextContent('Setbacks stay with me.');
    await waitFor(() => expect(card).toHaveTextContent('Bounced back after the inspection.'));
    expect(screen.getByRole('region', { name: 'Effective communicator' })).toHaveTextContent('3 → not rated');

    const table = screen.getByRole('table', { name: /Summary: Start of the year \(14 September 2026\) and Later in the year \(1 March 2027\)/ });
    const row = within(table).getByRole('row', { name: /Resilience/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Resilience');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2 · Emerging', '4 · Secure', '2 → 4, up 2']);

    // Choosing which two: the later one against itself shows no change.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare' }), 'Later in the year (1 March 2027)');
    expect(await screen.findByRole('region', { name: 'Resilience' })).toHaveTextContent('4 → 4, no change');
  });

  it('compare explains itself before there are two sittings', async () => {
    renderPage('/diagnostic', <DiagnosticPage />, '/diagnostic/compare');
    expect(await screen.findByRole('heading', { name: 'Nothing to compare yet' })).toBeInTheDocument();
  });
});
