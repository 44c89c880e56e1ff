import type { ReactNode } from 'react';
import type { PosterSectionView, PosterView } from '../../domain/review/buildPoster';
import type { PosterSection, PosterSize } from '../../domain/review/poster';
import { MeasureChart } from '../measures/MeasureChart';
import { PosterSectionBlock } from './PosterSectionBlock';

const EMPTY_TEXT: Readonly<Record<PosterSection, string>> = {
  focus: 'No focus yet.',
  issue: 'Not written on your challenge yet.',
  desiredOutcomes: 'Not written on your challenge yet — add them there, or write them here.',
  actionsTaken: 'No trials yet. Plan one under Trials, or write here what you did.',
  impact: 'No measures yet. Add one under Measures to show your impact in numbers.',
  learningPoints: 'Nothing yet: the learning points come from your trials’ reviews.',
  themes: 'No themes chosen on your challenge yet.',
};

function Paragraphs({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} className="prose">
          {line}
        </p>
      ))}
    </>
  );
}

/** What the records say in a section, laid out for the poster. */
function fromRecords(view: PosterView, section: PosterSectionView): { content: ReactNode; empty: boolean } {
  const { built } = view;
  switch (section.section) {
    case 'focus':
    case 'issue':
    case 'desiredOutcomes': {
      const text = built[section.section];
      return { content: <Paragraphs lines={text.split(/\n\s*\n/).filter((line) => line.trim() !== '')} />, empty: text.trim() === '' };
    }
    case 'actionsTaken':
      return {
        empty: built.actionsTaken.length === 0,
        content: (
          <ul className="poster-list">
            {built.actionsTaken.map((action) => (
              <li key={action.trialId}>
                <strong>{action.what}</strong>
                {action.withWhom ? <> — with {action.withWhom}</> : null}
                <span className="poster-list__meta">{[action.when, action.status].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        ),
      };
    case 'impact':
      // The charts, each with its change in words, follow the section's words (see `always`).
      return { empty: built.impact.length === 0, content: null };
    case 'learningPoints':
    case 'themes': {
      const items = built[section.section];
      return {
        empty: items.length === 0,
        content: (
          <ul className={section.section === 'themes' ? 'poster-list poster-list--themes' : 'poster-list'}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ),
      };
    }
  }
}

/** The measure charts under "Impact": they come from the records whatever the words say. */
function ImpactCharts({ view }: { view: PosterView }) {
  return (
    <div className="poster-impact">
      {view.built.impact.map(({ measure, readings }) => (
        <div key={measure.id} className="poster-impact__measure">
          <h4>{measure.name}</h4>
          <MeasureChart measure={measure} readings={readings} />
        </div>
      ))}
    </div>
  );
}

/**
 * The poster itself, laid out like a conference poster: a title across the top, then the
 * sections in two columns (three on A3), each kept whole on paper.
 */
export function PosterSheet({ view, size }: { readonly view: PosterView; readonly size: PosterSize }) {
  return (
    <article className={`poster poster--${size.toLowerCase()}`} aria-labelledby="poster-title">
      <header className="poster__header">
        <p className="poster__kicker">Impact poster</p>
        <h2 id="poster-title" className="poster__title">
          {view.title}
        </h2>
      </header>
      <div className="poster__columns">
        {view.sections.map((section) => {
          const shown = fromRecords(view, section);
          return (
            <PosterSectionBlock
              key={section.section}
              view={section}
              fromRecords={shown.content}
              always={section.section === 'impact' && view.built.impact.length > 0 ? <ImpactCharts view={view} /> : undefined}
              empty={shown.empty}
              emptyText={EMPTY_TEXT[section.section]}
            />
          );
        })}
      </div>
    </article>
  );
}
