// `npx tsx tests/bench/syncBench.ts [count] [runs]`: push/pull throughput on SQLite and Postgres.
import { postgresTarget, sqliteTarget } from '../integration/support/storeTargets';
import { median } from './stats';
import { measureSyncThroughput } from './syncThroughput';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);

for (const makeTarget of [sqliteTarget, postgresTarget]) {
  const target = makeTarget();
  const push: number[] = [];
  const pull: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const timing = await measureSyncThroughput(target, count);
      push.push(timing.pushMs);
      pull.push(timing.pullMs);
    }
  } finally {
    await target.cleanUp();
  }
  const fmt = (values: number[]) => `median ${(median(values) / 1000).toFixed(2)} s (min ${(Math.min(...values) / 1000).toFixed(2)}, max ${(Math.max(...values) / 1000).toFixed(2)})`;
  console.log(`${target.name}: ${count} records — push ${fmt(push)}; pull into a second device ${fmt(pull)}`);
}
