// What one simulated device writes: new and edited log entries, as push batches in exactly the
// shape the app sends. The app builds a mutation in three steps — the repository validates the
// content (logEntryRepository), writeRecordChange stamps it with the device's HLC and opens an
// outbox row, and pushPendingChanges' toMutations adds the record's createdAt. This file
// repeats those steps without Dexie: 200 fake-indexeddb databases in one Node process would
// make the load generator, not the server, the thing being measured.
import { formatHlc, HLC_ZERO, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../src/domain/hlc';
import { newId } from '../../../src/domain/ids';
import { logEntryContentSchema, logEntryInputSchema } from '../../../src/domain/logEntry';
import type { Mutation, PushRequest } from '../../../src/domain/sync/protocol';

/** An entry this device wrote and may edit again: what its next edit must say it was based on. */
interface OwnEntry {
  readonly id: string;
  readonly createdAt: string;
  bodyStamp: string;
}

/** Sentences a school leader might write; entries are 2–5 of them (roughly 150–500 characters). */
const SENTENCES = [
  'Learning walk in Year 3 this morning: phonics groups were tighter than last week.',
  'Met the maths lead about the new fluency starter; she wants two more weeks of data.',
  'Two parents asked about the reading records again, so the letter home needs to be clearer.',
  'Staff meeting ran over; the behaviour policy discussion needs its own slot next term.',
  'Coaching conversation with the new ECT went well — she named the transition as the hard part.',
  'Attendance for the target group is up to 93% from 89% since the breakfast club started.',
  'The set challenged me on whether the trial measures what I think it measures. Fair point.',
  'Governors liked the impact summary but asked for the baseline to be shown alongside.',
] as const;
const TAGS = ['phonics', 'attendance', 'coaching', 'KS1', 'KS2', 'governors', 'behaviour', 'maths'] as const;

/** Edits pick from this many of the device's latest entries, as people revisit recent writing. */
const RECENT_ENTRIES = 20;
/** Share of changes that edit an earlier entry rather than write a new one. */
const EDIT_SHARE = 0.25;

type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

function writing(random: Random): string {
  const count = 2 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => pick(SENTENCES, random)).join(' ');
}

export class EntryWriter {
  /** Like getDeviceId: a UUIDv7 without dashes, the HLC node id. */
  readonly deviceId = newId().replace(/-/g, '');
  private last: Hlc = HLC_ZERO;
  /** Server time minus local time, learnt from every response (observeRemoteClock). */
  private clockOffsetMs = 0;
  private readonly recent: OwnEntry[] = [];

  constructor(private readonly random: Random = Math.random) {}

  /** One push request with `changes` mutations (new entries, sometimes an edit of an earlier one). */
  nextBatch(changes: number): { request: PushRequest; newEntries: number } {
    const mutations: Mutation[] = [];
    let newEntries = 0;
    const editedThisBatch = new Set<string>();
    for (let i = 0; i < changes; i += 1) {
      const candidate = this.recent.length > 0 && this.random() < EDIT_SHARE ? pick(this.recent, this.random) : undefined;
      // The outbox folds two edits of one record into one row, so a batch never holds two
      // mutations of the same record: a second edit of the same entry becomes a new entry.
      const edit = candidate && !editedThisBatch.has(candidate.id) ? candidate : undefined;
      if (edit) editedThisBatch.add(edit.id);
      else newEntries += 1;
      mutations.push(edit ? this.editEntry(edit) : this.newEntry());
    }
    return { request: { batchId: newId(), deviceId: this.deviceId, mutations }, newEntries };
  }

  /** What a push or pull response tells the device's clock (observeRemoteClock). */
  observe(serverTime: number, localTimeAtResponse: number, latestStamp?: string): void {
    this.clockOffsetMs = serverTime - localTimeAtResponse;
    if (latestStamp) this.last = receiveHlc(this.last, parseHlc(latestStamp), serverTime, this.deviceId);
  }

  private stamp(now: Date): string {
    this.last = tickHlc(this.last, now.getTime() + this.clockOffsetMs, this.deviceId);
    return formatHlc(this.last);
  }

  /** logEntries.create → writeRecordChange(create) → toMutations. */
  private newEntry(): Mutation {
    const now = new Date();
    const nowIso = now.toISOString();
    const hlc = this.stamp(now);
    const tags = this.random() < 0.5 ? [pick(TAGS, this.random)] : [];
    const content = logEntryInputSchema.parse({ occurredAt: nowIso, body: writing(this.random), tags });
    const fields: Record<string, unknown> = { deletedAt: null, ...content, createdAt: nowIso };
    const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
    const entry: OwnEntry = { id: newId(), createdAt: nowIso, bodyStamp: hlc };
    this.recent.push(entry);
    if (this.recent.length > RECENT_ENTRIES) this.recent.shift();
    // A new record's long-text fields were based on nothing: '' (writeRecordChange).
    return { mutationId: newId(), table: 'logEntries', recordId: entry.id, fields, clocks, bases: { body: '', responses: '' }, hlc };
  }

  /** logEntries.update(id, { body }) → writeRecordChange → toMutations. */
  private editEntry(entry: OwnEntry): Mutation {
    const hlc = this.stamp(new Date());
    const { body } = logEntryContentSchema.pick({ body: true }).parse({ body: `${writing(this.random)} (edited)` });
    const base = entry.bodyStamp;
    entry.bodyStamp = hlc;
    return {
      mutationId: newId(),
      table: 'logEntries',
      recordId: entry.id,
      fields: { body, createdAt: entry.createdAt },
      clocks: { body: hlc, createdAt: hlc },
      bases: { body: base },
      hlc,
    };
  }
}
