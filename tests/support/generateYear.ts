// A generated year of one participant's records, deterministic from a seed: the journal, the
// challenge and its revisions, trials with reviews, measures with readings, photos (small real
// PNG-like byte strings), their rounds and actions from set meetings, coaching sessions and the
// programme calendar. Pure: returns plain records, so Node tests (Dexie on fake-indexeddb) and
// browser benchmarks (raw IndexedDB in the page) can both store them.
import { formatHlc } from '../../src/domain/hlc';
import { THEME_IDS } from '../../src/domain/programme';
import { REFLECTION_TEMPLATE_IDS } from '../../src/domain/reflectionTemplates';

export interface YearOptions {
  readonly seed: number;
  readonly owner: string;
  /** Log entries (the bulk of a year): default 2,000. */
  readonly entries?: number;
  readonly trials?: number;
  readonly measures?: number;
  readonly readingsPerMeasure?: number;
  readonly photos?: number;
  readonly meetings?: number;
  readonly coachingSessions?: number;
}

export type GeneratedRecord = Record<string, unknown> & { id: string; owner: string };

export interface GeneratedYear {
  /** Synced table → records, as the device stores them (ids, clocks, owner…). */
  readonly tables: Readonly<Record<string, GeneratedRecord[]>>;
  /** Photo bytes by SHA-256 hex (the photos' `sha256`). */
  readonly photoBytes: ReadonlyMap<string, { bytes: Uint8Array<ArrayBuffer>; mimeType: string }>;
  /** How many records in all. */
  readonly total: number;
}

/** mulberry32: small, fast, good enough for test data; the same seed gives the same year. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'phonics', 'learning walk', 'Year 2', 'KS1', 'TA', 'SENCO', 'INSET', 'SLT', 'feedback', 'coaching conversation',
  'parents evening', 'attendance', 'reading buddies', 'lesson study', 'filmed lesson', 'change team', 'moderation',
  'pupil voice', 'marking', 'questioning', 'behaviour', 'transition', 'home visit', 'working wall', 'data drop',
];
const TAGS = ['phonics', 'KS1', 'SLT', 'coaching', 'parents', 'attendance', 'reading', 'lesson-study', 'INSET', 'data'];
const SENTENCE_STARTS = ['Noticed that', 'Talked with the team about', 'Tried', 'Worried about', 'Pleased with', 'Next time, try', 'Learned that'];

/** A SHA-256 hex digest (Web Crypto, available in Node 20 and browsers). */
async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function generateYear(options: YearOptions): Promise<GeneratedYear> {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const start = Date.UTC(2026, 8, 1); // 1 September 2026
  const yearMs = 320 * 24 * 60 * 60 * 1000;
  let idCounter = 0;
  const id = (prefix: string) => `${prefix}-${options.seed}-${(idCounter += 1).toString(36)}`;
  const sentence = () => `${pick(SENTENCE_STARTS)} ${pick(WORDS)} and ${pick(WORDS)} — ${pick(WORDS)} went ${rand() > 0.5 ? 'well' : 'less well'}.`;
  const record = (prefix: string, atMs: number, fields: Record<string, unknown>): GeneratedRecord => {
    const at = new Date(atMs).toISOString();
    const stamp = formatHlc({ wallMs: atMs, counter: 0, node: 'generated' });
    return {
      ...fields,
      id: id(prefix),
      owner: options.owner,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      clocks: Object.fromEntries(Object.keys(fields).map((field) => [field, stamp])),
    };
  };
  const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const challengeContent = {
    focus: 'Improving the quality of teaching',
    issue: 'Lack of good quality teaching in phonics in KS1.',
    desiredOutcomes: 'Good phonics teaching in every KS1 class.',
    baseline: '27% of pupils passed the phonics check.',
    successCriteria: ['70% pass the phonics check', 'No phonics lesson judged inadequate'],
    themes: ['attainment', 'evidence'].filter((theme) => (THEME_IDS as readonly string[]).includes(theme)),
    visibility: 'set',
  };
  const challenge = record('challenge', start, challengeContent);
  const revisions = [0, 1, 2].map((i) =>
    record('revision', start + i * 90 * 86_400_000, {
      challengeId: challenge.id,
      revisedAt: new Date(start + i * 90 * 86_400_000).toISOString(),
      reason: i === 0 ? '' : pick(['The head left.', 'Returned from leave.', 'The school became an academy.']),
      snapshot: challengeContent,
    }),
  );

  const trials = Array.from({ length: options.trials ?? 8 }, (_, i) => {
    const at = start + Math.floor((i / (options.trials ?? 8)) * yearMs);
    return record('trial', at, {
      what: `${pick(['Daily phonics observations', 'Change teams', 'Filming lessons', 'Home visits', 'Learning walks', 'Lesson study'])} ${i + 1}`,
      why: sentence(),
      withWhom: pick(['KS1 team', 'TAs', 'SLT', 'Year 2 teachers']),
      startDate: dateOf(at),
      reviewDate: dateOf(at + 42 * 86_400_000),
      impactJudgement: sentence(),
      challengeId: challenge.id,
      visibility: 'private',
      status: pick(['planned', 'under_way', 'reviewing', 'done']),
      review: { wentWell: sentence(), notEffective: sentence(), problems: sentence(), learning: sentence(), nextStep: pick(['continue', 'refine', 'switch', null]), nextStepNote: '' },
    });
  });

  const measures = Array.from({ length: options.measures ?? 3 }, (_, i) =>
    record('measure', start + i * 86_400_000, {
      name: ['Pupils passing the phonics check', 'Lessons judged good or better', 'Attendance of the target group'][i % 3],
      unit: 'percent',
      unitLabel: '',
      baselineValue: 27 + i * 10,
      baselineDate: dateOf(start),
      target: 70 + i * 5,
      challengeId: challenge.id,
      trialId: trials[i]?.id ?? null,
      visibility: 'private',
    }),
  );
  const readings = measures.flatMap((measure, m) =>
    Array.from({ length: options.readingsPerMeasure ?? 6 }, (_, i) => {
      const at = start + Math.floor(((i + 1) / ((options.readingsPerMeasure ?? 6) + 1)) * yearMs);
      return record('reading', at, { measureId: measure.id, date: dateOf(at), value: Math.min(100, 27 + m * 10 + (i + 1) * 9 + Math.floor(rand() * 4)), note: '' });
    }),
  );

  const entries = Array.from({ length: options.entries ?? 2000 }, (_, i) => {
    const at = start + Math.floor((i / (options.entries ?? 2000)) * yearMs) + Math.floor(rand() * 3_600_000);
    const template = pick(REFLECTION_TEMPLATE_IDS);
    return record('entry', at, {
      occurredAt: new Date(at).toISOString(),
      body: `${sentence()} ${rand() > 0.7 ? sentence() : ''}`.trim(),
      template,
      responses: template === 'free' ? {} : { what: sentence(), soWhat: sentence() },
      tags: [pick(TAGS), ...(rand() > 0.6 ? [pick(TAGS)] : [])].filter((tag, index, all) => all.indexOf(tag) === index),
      challengeId: rand() > 0.7 ? challenge.id : null,
      trialId: rand() > 0.8 ? (pick(trials)?.id ?? null) : null,
      measureId: null,
      visibility: rand() > 0.9 ? 'set' : 'private',
    });
  });

  const photoBytes = new Map<string, { bytes: Uint8Array<ArrayBuffer>; mimeType: string }>();
  const photos: GeneratedRecord[] = [];
  for (let i = 0; i < (options.photos ?? 20); i += 1) {
    const bytes = new Uint8Array(2048 + Math.floor(rand() * 2048));
    for (let b = 0; b < bytes.length; b += 1) bytes[b] = Math.floor(rand() * 256);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    const sha256 = await sha256Hex(bytes);
    photoBytes.set(sha256, { bytes, mimeType: 'image/png' });
    const entry = entries[Math.floor(rand() * entries.length)];
    if (!entry) break;
    photos.push(record('photo', Date.parse(String(entry.occurredAt)), { entryId: entry.id, sha256, mimeType: 'image/png', width: 64, height: 48, bytes: bytes.length, caption: pick(['Working wall', 'Phonics display', '']) }));
  }

  const setId = `set-${options.seed}`;
  const meetings = Array.from({ length: options.meetings ?? 6 }, (_, i) => start + Math.floor(((i + 0.5) / (options.meetings ?? 6)) * yearMs));
  const meetingIds = meetings.map((_, i) => `meeting-${options.seed}-${i}`);
  const rounds = meetings.map((at, i) =>
    record('round', at, { meetingId: meetingIds[i], setId, presenterId: options.owner, position: 0, update: sentence(), questions: sentence(), suggestions: '', memberNotes: sentence() }),
  );
  const actions = meetings.flatMap((at, i) =>
    [0, 1].map(() =>
      record('action', at, { meetingId: meetingIds[i], setId, roundId: rounds[i]?.id ?? null, assigneeId: options.owner, text: `Try ${pick(WORDS)} with ${pick(WORDS)}`, dueOn: dateOf(at + 21 * 86_400_000), status: pick(['open', 'done', 'carried_over']), completedOn: null, carriedFromId: null }),
    ),
  );
  const coaching = Array.from({ length: options.coachingSessions ?? 4 }, (_, i) => {
    const at = start + Math.floor(((i + 0.3) / (options.coachingSessions ?? 4)) * yearMs);
    return record('coaching', at, { coachId: `coach-${options.seed}`, participantId: options.owner, heldOn: dateOf(at), focus: pick(['Outcomes of the diagnostic', 'Rehearsing a difficult conversation', 'Delegation']), notes: sentence(), nextSteps: sentence() });
  });

  const tables: Record<string, GeneratedRecord[]> = {
    logEntries: entries,
    challenges: [challenge],
    challengeRevisions: revisions,
    trials,
    measures,
    readings,
    photos,
    meetingRounds: rounds,
    meetingActions: actions,
    coachingSessions: coaching,
  };
  const total = Object.values(tables).reduce((sum, list) => sum + list.length, 0);
  return { tables, photoBytes, total };
}
