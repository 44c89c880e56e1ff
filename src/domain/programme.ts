/**
 * The programme's own vocabulary, from the seed evaluations (see ../shared/DOMAIN.md).
 * Stored values are stable ids; labels are what people read.
 */

export const THEMES = [
  { id: 'families', label: 'Raised engagement with families' },
  { id: 'evidence', label: 'Constructive use of evidence' },
  { id: 'reflection', label: 'Reflection for action' },
  { id: 'attainment', label: 'Raising attainment' },
  { id: 'collaboration', label: 'Active collaboration' },
  { id: 'sustainability', label: 'Developing sustainability' },
] as const;
export type ThemeId = (typeof THEMES)[number]['id'];
export const THEME_IDS = THEMES.map((t) => t.id) as [ThemeId, ...ThemeId[]];

/** Foci the impact posters used; a participant may also write their own. */
export const CHALLENGE_FOCI = [
  'Managing change',
  'Improving the quality of teaching',
  'Supporting professional development and teacher performance',
  "Maximising children's achievement through distributed leadership",
] as const;

/** Interventions the seed programmes tried; offered as a pick-list, always editable. */
export const INTERVENTIONS = [
  'Lesson study',
  'Peer coaching',
  'Learning walks',
  'Joint practice development',
  'Filming lessons for self-reflection',
  'Change teams',
  'Parent workshops',
  'Shared lesson observation',
] as const;

export const TRIAL_STATUSES = ['planned', 'under_way', 'reviewing', 'done'] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];
export const TRIAL_STATUS_LABELS: Record<TrialStatus, string> = {
  planned: 'Planned',
  under_way: 'Under way',
  reviewing: 'Reviewing',
  done: 'Done',
};

/** The learning cycle's last step: what happens to the strategy next. */
export const NEXT_STEPS = ['continue', 'refine', 'switch'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  continue: 'Continue',
  refine: 'Refine',
  switch: 'Switch to something else',
};

export const MEASURE_UNITS = ['percent', 'count', 'score', 'free'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const MEASURE_UNIT_LABELS: Record<MeasureUnit, string> = {
  percent: 'Percentage (%)',
  count: 'Count',
  score: 'Score',
  free: 'Other unit',
};

export function themeLabel(id: string): string {
  return THEMES.find((t) => t.id === id)?.label ?? id;
}
