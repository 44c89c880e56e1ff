/** Words for a change the server set aside: what kind of item, and the writing it carried. */

const KIND_WORDS: Record<string, string> = {
  logEntries: 'A journal entry',
  challenges: 'Your challenge',
  challengeRevisions: 'A version of your challenge',
  trials: 'A trial',
  measures: 'A measure',
  readings: 'A reading of a measure',
  photos: 'A photo',
  cohorts: 'A cohort',
  learningSets: 'A set',
  memberships: 'A place in a set',
  calendarEvents: 'A date in the calendar',
  meetings: 'Set meeting notes',
  meetingRounds: 'A round of a set meeting',
  meetingActions: 'An action from a set meeting',
  comments: 'A comment',
  coachingSessions: 'Coaching notes',
};

export function setAsideKindWords(table: string): string {
  return KIND_WORDS[table] ?? 'An item';
}

const LABELS: Record<string, string> = {
  body: 'What you wrote',
  issue: 'The issue',
  what: 'What you tried',
  nextSteps: 'Agreed next steps',
  nextStepNote: 'About the next step',
  wentWell: 'What went well',
  notEffective: 'What was not effective',
  learning: 'What you learnt',
};

/** Fields that hold no writing of the person's: ids, dates, choices from a list, bookkeeping. */
function isWritingField(key: string): boolean {
  if (/(Id|Ids|At|On|Date)$/.test(key)) return false;
  return !['id', 'owner', 'visibility', 'status', 'template', 'unit', 'role', 'clocks', 'conflicts', 'themes', 'nextStep'].includes(key);
}

function labelFor(key: string): string {
  const label = LABELS[key];
  if (label) return label;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface TypedText {
  readonly label: string;
  readonly text: string;
}

/** The writing in a refused change, field by field (template answers and lists included). */
export function typedTextOf(fields: Readonly<Record<string, unknown>>): TypedText[] {
  const found: TypedText[] = [];
  const visit = (key: string, value: unknown, depth: number) => {
    if (!isWritingField(key)) return;
    if (typeof value === 'string') {
      if (value.trim() !== '') found.push({ label: labelFor(key), text: value });
    } else if (Array.isArray(value)) {
      const lines = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
      if (lines.length > 0) found.push({ label: labelFor(key), text: lines.join('\n') });
    } else if (typeof value === 'object' && value !== null && depth < 2) {
      for (const [innerKey, inner] of Object.entries(value)) visit(innerKey, inner, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(fields)) visit(key, value, 0);
  return found;
}
