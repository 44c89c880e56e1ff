import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MeasureChart } from '../../../../src/app/measures/MeasureChart';
import { MeasuresPage } from '../../../../src/app/measures/MeasuresPage';
import { freshRepositories, renderPage } from '../support/renderPage';

const PHONICS = {
  name: 'Pupils passing the KS1 phonics check',
  unit: 'percent' as const,
  unitLabel: '',
  baselineValue: 27,
  baselineDate: '2025-09-15',
  target: 70,
};
const READINGS = [
  { id: 'r1', date: '2026-01-20', value: 52 },
  { id: 'r2', date: '2026-07-01', value: 79 },
];

describe('MeasureChart', () => {
  it('is an image labelled with the change in words, and shows the words', () => {
    render(<MeasureChart measure={PHONICS} readings={READINGS} />);
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName('Pupils passing the KS1 phonics check: 27% → 79%, target 70% met');
    expect(screen.getByText('27% → 79%, target 70% met')).toBeInTheDocument();
    // Axis labels with months and values, and the target's words: not colour alone.
    expect(within(chart).getByText('Sep 2025')).toBeInTheDocument();
    expect(within(chart).getByText('Target 70%')).toBeInTheDocument();
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.querySelectorAll('rect')).toHaveLength(1);
  });

  it('has the numbers as a table: the baseline, each reading, the target', () => {
    render(<MeasureChart measure={PHONICS} readings={READINGS} />);
    const table = screen.getByRole('table', { name: 'Readings of Pupils passing the KS1 phonics check' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Date', 'Value']);
    const rows = within(table).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['15 September 2025 (baseline)27%', '20 January 202652%', '1 July 202679%', 'Target70%']);
    expect(table).toHaveClass('visually-hidden');
  });

  it('"Show the numbers" shows the table on screen too', async () => {
    const user = userEvent.setup();
    render(<MeasureChart measure={PHONICS} readings={READINGS} />);
    const button = screen.getByRole('button', { name: 'Show the numbers' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('table')).not.toHaveClass('visually-hidden');
  });

  it('with no readings yet says so, and shows the baseline alone', () => {
    render(<MeasureChart measure={{ ...PHONICS, target: null }} readings={[]} />);
    expect(screen.getByRole('img')).toHaveAccessibleName('Pupils passing the KS1 phonics check: No readings yet — baseline 27%');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('on the measure page: the chart and its words, the readings listed once', async () => {
    const repositories = freshRepositories();
    const measure = await repositories.measures.create({ ...PHONICS });
    await repositories.measures.addReading({ measureId: measure.id, date: '2026-07-01', value: 79, note: '' });
    renderPage('/measures', <MeasuresPage />, `/measures/${measure.id}`, repositories);

    const detail = await screen.findByRole('region', { name: PHONICS.name });
    expect(await within(detail).findByRole('img', { name: `${PHONICS.name}: 27% → 79%, target 70% met` })).toBeInTheDocument();
    expect(within(detail).getByText('27% → 79%, target 70% met')).toBeInTheDocument();
    expect(within(detail).getAllByRole('table')).toHaveLength(1);
  });
});
