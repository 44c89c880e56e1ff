// `npx tsx tests/bench/peers/main.ts [docs] [runs]`: the peer benchmark on its own (decision
// 012); prints the rows as a Markdown table. Defaults: 10,000 documents, 5 runs of each peer.
import { measurePeers } from './measurePeers';

async function main(): Promise<void> {
  const [docs, runs] = process.argv.slice(2).map(Number);
  const started = Date.now();
  const rows = await measurePeers({
    ...(docs ? { docs } : {}),
    ...(runs ? { runs } : {}),
    log: (message) => console.error(message),
  });
  const table = ['| measure | result |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
  console.log(`\n${table}\n`);
  console.error(`peers: done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
