// `npx tsx tests/bench/load/main.ts [--devices 200] [--seconds 30] [--only sqlite|postgres]`:
// the server load benchmark on its own, printed as a Markdown table.
import { parseArgs } from 'node:util';
import { measureServerLoad, type ServerLoadOptions } from './measureServerLoad';

const { values } = parseArgs({
  options: {
    devices: { type: 'string' },
    seconds: { type: 'string' },
    only: { type: 'string' },
  },
  strict: true,
});

function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${flag} must be a whole number of at least 1, not ${JSON.stringify(text)}.`);
  return value;
}

const options: ServerLoadOptions = {};
const devices = positive('devices', values.devices);
const seconds = positive('seconds', values.seconds);
if (devices !== undefined) options.devices = devices;
if (seconds !== undefined) options.seconds = seconds;
if (values.only !== undefined) {
  if (values.only !== 'sqlite' && values.only !== 'postgres') throw new Error('--only must be sqlite or postgres.');
  options.only = values.only;
}

const rows = await measureServerLoad(options);
console.log(['| measure | result |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n'));
