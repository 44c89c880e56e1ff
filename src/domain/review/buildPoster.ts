import type { LeadershipChallenge } from '../challenge';
import { formatUkDate } from '../dates';
import type { ImpactMeasure, MeasureReading } from '../impactMeasure';
import { themeLabel, TRIAL_STATUS_LABELS } from '../programme';
import type { StrategyTrial } from '../strategyTrial';
import { describeMeasureChange } from './measureChange';
import { POSTER_SECTIONS, type PosterContent, type PosterSection } from './poster';

/** Everything a poster is built from: the participant's own records. */
export interface PosterSources {
  readonly challenge: LeadershipChallenge;
  readonly trials: readonly StrategyTrial[];
  readonly measures: readonly ImpactMeasure[];
  /** Readings of those measures, in any order. */
  readonly readings: readonly MeasureReading[];
  /** The poster's choice of measures; null (or absent) means every measure of the challenge. */
  readonly measureIds?: readonly string[] | null;
}

/** One trial under "Specific actions taken". */
export interface PosterAction {
  readonly trialId: string;
  readonly what: string;
  readonly withWhom: string;
  /** "14 May 2026 to 1 July 2026", "From 14 May 2026", or '' with no dates. */
  readonly when: string;
  readonly status: string;
}

/** One measure under "Impact": its change in words and what its chart needs. */
export interface PosterImpact {
  readonly measure: ImpactMeasure;
  /** Oldest first. */
  readonly readings: readonly MeasureReading[];
  readonly change: string;
}

/** The poster as the records say it. */
export interface BuiltPoster {
  readonly title: string;
  readonly focus: string;
  readonly issue: string;
  readonly desiredOutcomes: string;
  readonly actionsTaken: readonly PosterAction[];
  readonly impact: readonly PosterImpact[];
  readonly learningPoints: readonly string[];
  readonly themes: readonly string[];
}

export const POSTER_SECTION_HEADINGS: Readonly<Record<PosterSection, string>> = {
  focus: 'Focus',
  issue: 'Issue or concern',
  desiredOutcomes: 'Desired outcomes',
  actionsTaken: 'Specific actions taken',
  impact: 'Impact of those actions',
  learningPoints: 'Key learning points',
  themes: 'Themes',
};

/** Sections shown as a list (one item a line when written over), the rest as paragraphs. */
const LIST_SECTIONS: ReadonlySet<PosterSection> = new Set(['actionsTaken', 'impact', 'learningPoints', 'themes']);

export function isListSection(section: PosterSection): boolean {
  return LIST_SECTIONS.has(section);
}

function trialWhen(trial: Pick<StrategyTrial, 'startDate' | 'reviewDate'>): string {
  if (trial.startDate && trial.reviewDate) return `${formatUkDate(trial.startDate)} to ${formatUkDate(trial.reviewDate)}`;
  if (trial.startDate) return `From ${formatUkDate(trial.startDate)}`;
  if (trial.reviewDate) return `Until ${formatUkDate(trial.reviewDate)}`;
  return '';
}

/** Lines of a piece of writing as list items: blank lines and leading bullets dropped. */
export function splitIntoPoints(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

function uniqueInOrder(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLocaleLowerCase('en-GB');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Builds the poster from the records. A participant holds one challenge, so its trials are
 * those linked to it and those linked to none; its measures are those linked to it, to one of
 * those trials, or to nothing. Trials run oldest first, as the year did.
 */
export function buildPoster(sources: PosterSources): BuiltPoster {
  const { challenge } = sources;
  const trials = sources.trials
    .filter((trial) => trial.challengeId === challenge.id || trial.challengeId === null)
    .sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.createdAt.localeCompare(b.createdAt));
  const trialIds = new Set(trials.map((trial) => trial.id));
  const belongs = (measure: ImpactMeasure) =>
    measure.trialId ? trialIds.has(measure.trialId) : measure.challengeId === challenge.id || measure.challengeId === null;
  const chosen = sources.measureIds ?? null;
  const measures = chosen
    ? chosen.flatMap((id) => sources.measures.filter((measure) => measure.id === id))
    : sources.measures.filter(belongs).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const impact = measures.map((measure) => {
    const readings = sources.readings
      .filter((reading) => reading.measureId === measure.id)
      .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
    return { measure, readings, change: describeMeasureChange(measure, readings) };
  });

  return {
    title: challenge.focus,
    focus: challenge.focus,
    issue: challenge.issue,
    desiredOutcomes: challenge.desiredOutcomes,
    actionsTaken: trials.map((trial) => ({
      trialId: trial.id,
      what: trial.what,
      withWhom: trial.withWhom,
      when: trialWhen(trial),
      status: TRIAL_STATUS_LABELS[trial.status],
    })),
    impact,
    learningPoints: uniqueInOrder(trials.flatMap((trial) => [...splitIntoPoints(trial.review.learning), ...splitIntoPoints(trial.review.wentWell)])),
    themes: challenge.themes.map(themeLabel),
  };
}

/** "Lesson study — with the Year 1 teachers — 14 May 2026 to 1 July 2026 — Done". */
export function actionLine(action: PosterAction): string {
  return [action.what, action.withWhom ? `with ${action.withWhom}` : '', action.when, action.status].filter(Boolean).join(' — ');
}

/** What the records say in a section, as lines: the text an "Edit" starts from. */
export function sectionLines(built: BuiltPoster, section: PosterSection): string[] {
  switch (section) {
    case 'focus':
    case 'issue':
    case 'desiredOutcomes':
      return built[section] === '' ? [] : [built[section]];
    case 'actionsTaken':
      return built.actionsTaken.map(actionLine);
    case 'impact':
      return built.impact.map(({ measure, change }) => `${measure.name}: ${change}`);
    case 'learningPoints':
      return [...built.learningPoints];
    case 'themes':
      return [...built.themes];
  }
}

/** A section as it appears on the poster: the person's own words, or the records'. */
export interface PosterSectionView {
  readonly section: PosterSection;
  readonly heading: string;
  /** True when the person has written over what the records say. */
  readonly overridden: boolean;
  /** What the records say, as text (paragraphs, or one list item a line). */
  readonly fromRecords: string;
  /** The text shown: the override, or what the records say. */
  readonly text: string;
  /** The text shown as list items (for list sections) or paragraphs. */
  readonly lines: readonly string[];
}

export interface PosterView {
  readonly title: string;
  readonly sections: readonly PosterSectionView[];
  /** The built poster, for the structured parts (the trials' details, the measure charts). */
  readonly built: BuiltPoster;
}

/**
 * Lays the person's own words over what the records say, section by section. The records
 * are not touched: overrides live on the poster alone.
 */
export function applyOverrides(built: BuiltPoster, overrides: PosterContent['overrides'], title = ''): PosterView {
  const sections = POSTER_SECTIONS.map((section) => {
    const fromRecords = sectionLines(built, section).join(isListSection(section) ? '\n' : '\n\n');
    const override = overrides[section];
    const overridden = override !== undefined;
    const text = overridden ? override : fromRecords;
    const lines = isListSection(section) ? splitIntoPoints(text) : text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return { section, heading: POSTER_SECTION_HEADINGS[section], overridden, fromRecords, text, lines };
  });
  return { title: title.trim() || built.title, sections, built };
}
