// Property: 2–4 devices of one person, random edits, deletes and syncs through a network that
// drops, duplicates, delays and reorders requests, and a server that restarts. After the
// network heals and everyone syncs, every device holds identical data, and every write the
// server acknowledged is there (or was overwritten by a later write).
// Replay a failure: FC_SEED=<seed> (and the path fast-check prints) npx vitest run --project sync
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareHlc } from '../../src/domain/hlc';
import { DelayedRequests } from './support/delayedRequests';
import { dropRequests, dropResponses, duplicateRequests } from './support/faults';
import { SyncWorld, type Device } from './support/syncWorld';

const seed = Number(process.env.FC_SEED ?? 20261122);
const numRuns = Number(process.env.SYNC_SCHEDULES ?? 1000);
console.log(`sync convergence property: seed ${seed}, ${numRuns} schedules`);

const FAULTS = ['none', 'none', 'none', 'dropRequest', 'dropResponse', 'duplicate', 'delay'] as const;
type Fault = (typeof FAULTS)[number];
type Step =
  | { kind: 'create'; device: number; body: string }
  | { kind: 'editBody'; device: number; entry: number; body: string }
  | { kind: 'editTags'; device: number; entry: number; tags: string[] }
  | { kind: 'delete' | 'restore'; device: number; entry: number }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'deliverDelayed' }
  | { kind: 'restartServer' };

const device = fc.nat(3);
const entry = fc.nat(7);
// What a person types: the app refuses an entry with no writing (all blanks) before it syncs.
const body = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), device, body }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('editBody' as const), device, entry, body }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('editTags' as const), device, entry, tags: fc.uniqueArray(fc.constantFrom('KS1', 'SLT', 'phonics'), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), device, entry }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deliverDelayed' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
);

interface Write {
  readonly device: number;
  readonly recordId: string;
  readonly field: string;
  readonly value: unknown;
  readonly stamp: string;
  acknowledged: boolean;
}

const FAULT_TRANSPORTS: Record<Exclude<Fault, 'delay'>, (inner: typeof fetch) => typeof fetch> = {
  none: (inner) => inner,
  dropRequest: dropRequests(),
  dropResponse: dropResponses(),
  duplicate: duplicateRequests(),
};

let world: SyncWorld;
let schedule = 0;

beforeAll(async () => {
  world = new SyncWorld();
  await world.start();
});
afterAll(async () => {
  await world.stop();
});

async function recordWrite(writes: Write[], deviceIndex: number, d: Device, recordId: string, field: string): Promise<void> {
  const stored = (await d.db.logEntries.get(recordId)) as Record<string, unknown> & { clocks: Record<string, string> };
  writes.push({ device: deviceIndex, recordId, field, value: stored[field], stamp: stored.clocks[field] as string, acknowledged: false });
}

async function runStep(step: Step, devices: Device[], writes: Write[], delayed: DelayedRequests): Promise<void> {
  if (step.kind === 'restartServer') return world.restartServer();
  if (step.kind === 'deliverDelayed') return delayed.deliver();
  const index = step.device % devices.length;
  const d = devices[index] as Device;
  if (step.kind === 'sync') {
    d.useFetch(step.fault === 'delay' ? delayed.holdPushes() : FAULT_TRANSPORTS[step.fault]);
    const before = writes.length;
    try {
      await d.sync();
      for (const write of writes.slice(0, before)) if (write.device === index) write.acknowledged = true;
    } catch {
      // A failed sync is expected under faults; its writes stay queued on the device.
    }
    return;
  }
  if (step.kind === 'create') {
    const created = await d.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: step.body });
    return recordWrite(writes, index, d, created.id, 'body');
  }
  const ids = (await d.db.logEntries.toCollection().primaryKeys()).sort();
  if (ids.length === 0) return;
  const id = ids[step.entry % ids.length] as string;
  const live = await d.repositories.logEntries.get(id);
  if (step.kind === 'delete' || step.kind === 'restore') {
    await (step.kind === 'delete' ? d.repositories.logEntries.remove(id) : d.repositories.logEntries.restore(id));
    return recordWrite(writes, index, d, id, 'deletedAt');
  }
  if (!live) return; // the editor only offers live entries
  if (step.kind === 'editBody') {
    await d.repositories.logEntries.update(id, { body: step.body });
    return recordWrite(writes, index, d, id, 'body');
  }
  if (step.kind === 'editTags') {
    await d.repositories.logEntries.update(id, { tags: step.tags });
    return recordWrite(writes, index, d, id, 'tags');
  }
}

describe('sync convergence under faults', () => {
  // About 20 ms a schedule on 2 cores; the budget grows with SYNC_SCHEDULES (npm run soak: 10000).
  it(`${numRuns} random schedules converge and keep every acknowledged write`, { timeout: 60_000 + numRuns * 50 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.array(stepArbitrary, { maxLength: 24 }), async (deviceCount, steps) => {
        schedule += 1;
        const userId = await world.createUserWithoutPassword(`schedule-${schedule}-${crypto.randomUUID()}@example.org`);
        const devices: Device[] = [];
        for (let i = 0; i < deviceCount; i += 1) devices.push(await world.addSignedInDevice(`d${i}`, userId));
        const writes: Write[] = [];
        const delayed = new DelayedRequests();
        try {
          for (const step of steps) await runStep(step, devices, writes, delayed);
          // The network heals; delayed requests finally arrive; everyone syncs twice.
          await delayed.deliver();
          for (let round = 0; round < 2; round += 1) {
            for (const d of devices) {
              d.useFetch((inner) => inner);
              await d.sync();
            }
          }
          const reference = await devices[0]!.db.logEntries.orderBy('id').toArray();
          for (const d of devices) {
            expect(await d.db.logEntries.orderBy('id').toArray()).toEqual(reference);
            expect(await d.db.outbox.count()).toBe(0);
          }
          const byId = new Map(reference.map((record) => [record.id, record as unknown as Record<string, unknown> & { clocks: Record<string, string> }]));
          for (const write of writes.filter((w) => w.acknowledged)) {
            const final = byId.get(write.recordId);
            expect(final, `acknowledged record ${write.recordId} is missing`).toBeDefined();
            const finalStamp = final!.clocks[write.field] as string;
            expect(compareHlc(finalStamp, write.stamp)).toBeGreaterThanOrEqual(0);
            if (finalStamp === write.stamp) expect(final![write.field]).toEqual(write.value);
          }
        } finally {
          await world.forgetDevices();
        }
      }),
      { seed, numRuns, endOnFailure: true },
    );
  });
});
