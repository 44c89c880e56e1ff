import type { LeadershipChallenge } from '../../domain/challenge';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import type { LogEntry } from '../../domain/logEntry';
import { NEXT_STEP_LABELS, themeLabel, TRIAL_STATUS_LABELS } from '../../domain/programme';
import { getReflectionTemplate, REFLECTION_TEMPLATES } from '../../domain/reflectionTemplates';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { CHALLENGE_FIELD_LABELS } from '../challenge/challengeText';
import { trialDatesText } from '../trials/trialText';

export interface JournalMarkdownInput {
  /** The person's own entries (live), in any order. */
  readonly entries: readonly LogEntry[];
  readonly challenge?: LeadershipChallenge | null;
  readonly trials?: readonly StrategyTrial[];
  /** Newest entries first (as the journal shows them by default) or oldest first. */
  readonly order?: 'newest' | 'oldest';
  /** The person's name, for the title. */
  readonly name?: string | null;
  /** When the document is made (its first line says so). */
  readonly now: Date;
}

/**
 * The person's own writing as text: a line that would read as Markdown structure (a heading,
 * a horizontal rule, a heading underline) is escaped, so their words can never break the
 * document's headings. Everything else — lists, emphasis they typed — stays as written.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^\s{0,3}(#|=+\s*$|([-*_])(\s*\2){2,}\s*$)/.test(line) ? line.replace(/^(\s*)/, '$1\\') : line))
    .join('\n')
    .replace(/^(\s*\n)+|\s+$/g, '');
}

/** A label in bold with the text as its own paragraph (long writing), or on the same line (short facts). */
function labelled(label: string, text: string, inline = false): string {
  const body = markdownText(text);
  if (inline) return `**${label}:** ${body.replace(/\n+/g, ' ')}`;
  return `**${label}**\n\n${body}`;
}

/** "May 2026": the local month of a date-time, as headings group the journal. */
export function monthHeading(iso: string): string {
  return formatUkDate(iso).replace(/^\d{1,2} /, '');
}

/** Prompt labels by prompt id, from every template (an answer keeps its label if the template changed). */
const PROMPT_LABELS = new Map<string, string>(REFLECTION_TEMPLATES.flatMap((template) => template.prompts.map((prompt) => [prompt.id, prompt.label] as const)).reverse());

function entryMarkdown(entry: LogEntry): string {
  const template = getReflectionTemplate(entry.template);
  const parts = [`### ${formatUkDateTime(entry.occurredAt)}`];
  if (template.id !== 'free') parts.push(`*${template.name}*`);
  if (entry.body.trim() !== '') parts.push(markdownText(entry.body));
  // Template answers in the template's order, then any the template no longer asks.
  const ids = [...template.prompts.map((prompt) => prompt.id), ...Object.keys(entry.responses).filter((id) => !template.prompts.some((p) => p.id === id))];
  for (const id of ids) {
    const answer = entry.responses[id] ?? '';
    if (answer.trim() === '') continue;
    parts.push(labelled(template.prompts.find((p) => p.id === id)?.label ?? PROMPT_LABELS.get(id) ?? id, answer));
  }
  if (entry.tags.length > 0) parts.push(`Tags: ${entry.tags.map((tag) => markdownText(tag)).join(', ')}`);
  return parts.join('\n\n');
}

function challengeMarkdown(challenge: LeadershipChallenge): string {
  const parts = ['## My leadership challenge', labelled(CHALLENGE_FIELD_LABELS.focus, challenge.focus, true)];
  for (const field of ['issue', 'desiredOutcomes', 'baseline'] as const) {
    if (challenge[field].trim() !== '') parts.push(labelled(CHALLENGE_FIELD_LABELS[field], challenge[field]));
  }
  if (challenge.successCriteria.length > 0) {
    parts.push(`**${CHALLENGE_FIELD_LABELS.successCriteria}**\n\n${challenge.successCriteria.map((criterion) => `- ${markdownText(criterion).replace(/\n+/g, ' ')}`).join('\n')}`);
  }
  if (challenge.themes.length > 0) parts.push(labelled(CHALLENGE_FIELD_LABELS.themes, challenge.themes.map(themeLabel).join(', '), true));
  return parts.join('\n\n');
}

function trialMarkdown(trial: StrategyTrial): string {
  const parts = [`### ${markdownText(trial.what).replace(/\n+/g, ' ')}`, `*${TRIAL_STATUS_LABELS[trial.status]} · ${trialDatesText(trial)}*`];
  const facts: [string, string, boolean][] = [
    ['Why', trial.why, false],
    ['With whom', trial.withWhom, true],
    ['Judging the impact', trial.impactJudgement, false],
    ['What went well', trial.review.wentWell, false],
    ['What was not effective', trial.review.notEffective, false],
    ['Problems', trial.review.problems, false],
    ['What I learned', trial.review.learning, false],
  ];
  for (const [label, text, inline] of facts) if (text.trim() !== '') parts.push(labelled(label, text, inline));
  if (trial.review.nextStep) {
    const note = trial.review.nextStepNote.trim();
    parts.push(labelled('Next step', `${NEXT_STEP_LABELS[trial.review.nextStep]}${note ? ` — ${note}` : ''}`, true));
  }
  return parts.join('\n\n');
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * The journal as one Markdown document, for reading anywhere (any editor, a printout, another
 * app): the challenge and the trials first, then every entry under its month ("## May 2026"),
 * each headed by its date and time ("### 14 May 2026, 09:30"), with its writing, the template's
 * answers under bold labels, and its tags. Pure: the caller reads the records.
 */
export function journalMarkdown(input: JournalMarkdownInput): string {
  const order = input.order ?? 'newest';
  const entries = [...input.entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
  if (order === 'newest') entries.reverse();
  const name = input.name?.trim();
  const sections = [
    `# Leadership journal${name ? ` — ${markdownText(name)}` : ''}`,
    `Exported from Setwise on ${formatUkDate(input.now.toISOString())}: ${count(entries.length, 'entry', 'entries')}, ${order} first.`,
  ];
  if (input.challenge) sections.push(challengeMarkdown(input.challenge));
  const trials = input.trials ?? [];
  if (trials.length > 0) sections.push(['## My strategy trials', ...trials.map(trialMarkdown)].join('\n\n'));
  let month = '';
  for (const entry of entries) {
    const heading = monthHeading(entry.occurredAt);
    if (heading !== month) {
      month = heading;
      sections.push(`## ${heading}`);
    }
    sections.push(entryMarkdown(entry));
  }
  if (entries.length === 0) sections.push('No journal entries yet.');
  return `${sections.join('\n\n')}\n`;
}

/** "setwise-journal-priya-shah-2026-11-23.md", from the backup's file name rules. */
export function journalFileName(exportName: string): string {
  return exportName.replace(/^setwise-/, 'setwise-journal-').replace(/\.json$/, '.md');
}
