// `npm run audit:deps`: runs `npm audit --omit=dev --json` and judges the answer.
//   exit 0  audited: no high or critical advisory in the production dependencies
//   exit 1  audited: at least one high or critical advisory (listed)
//   exit 2  npm audit failed for a reason of this project's own (e.g. no lockfile)
//   exit 3  no advisory database answered: the dependencies were NOT audited
// npm audit's own exit code cannot tell these apart (it is 1 for a low advisory and for a
// registry that refuses the request alike), so the JSON answer is read instead.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXIT = { clean: 0, found: 1, failed: 2, unreachable: 3 } as const;

export type Verdict = { readonly exit: (typeof EXIT)[keyof typeof EXIT]; readonly lines: readonly string[] };

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
interface AuditReport {
  readonly vulnerabilities?: Record<string, { readonly severity?: Severity; readonly via?: readonly (string | { readonly title?: string; readonly url?: string })[] }>;
  readonly metadata: { readonly vulnerabilities: Partial<Record<Severity | 'total', number>> };
}
interface AuditFailure {
  readonly message?: string;
  readonly statusCode?: number;
  readonly error?: { readonly code?: string; readonly summary?: string; readonly detail?: string };
}

// Error codes meaning the advisory database could not be asked or did not answer.
const UNREACHABLE_CODES = new Set(['ENOAUDIT', 'ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_TIMEOUT']);

function parse(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

function isReport(answer: unknown): answer is AuditReport {
  const metadata = (answer as { metadata?: { vulnerabilities?: unknown } } | undefined)?.metadata;
  return typeof metadata?.vulnerabilities === 'object' && metadata.vulnerabilities !== null;
}

function judgeReport(report: AuditReport): Verdict {
  const counts = report.metadata.vulnerabilities;
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`;
  if (serious === 0) return { exit: EXIT.clean, lines: [`${summary}: no high or critical advisory.`] };
  const listed = Object.entries(report.vulnerabilities ?? {})
    .filter(([, finding]) => finding.severity === 'high' || finding.severity === 'critical')
    .map(([name, finding]) => {
      const titles = (finding.via ?? []).map((via) => (typeof via === 'string' ? `via ${via}` : [via.title, via.url].filter(Boolean).join(' '))).join('; ');
      return `  ${finding.severity}: ${name}${titles ? ` — ${titles}` : ''}`;
    });
  return { exit: EXIT.found, lines: [`${summary}: high or critical advisories found.`, ...listed, 'Run `npm audit --omit=dev` for the fixes on offer.'] };
}

/** Reads npm audit's answer (its stdout and stderr) and decides what it means for CI. */
export function judgeAudit(stdout: string, stderr: string): Verdict {
  const answer = parse(stdout);
  if (isReport(answer)) return judgeReport(answer);
  const failure = (answer ?? {}) as AuditFailure;
  const npmErrors = stderr
    .split('\n')
    .filter((line) => line.startsWith('npm error') && !line.includes('A complete log of this run'))
    .map((line) => line.replace(/^npm error\s*/, ''));
  const reason = [failure.message, failure.error?.code, failure.error?.summary, ...npmErrors].filter(Boolean).join('; ') || 'no answer';
  const unreachable =
    typeof failure.statusCode === 'number' ||
    (failure.error?.code !== undefined && UNREACHABLE_CODES.has(failure.error.code)) ||
    /audit endpoint returned an error/.test(stderr);
  if (unreachable) return { exit: EXIT.unreachable, lines: [`npm audit could not reach an advisory database (${reason}): dependencies NOT audited`] };
  return { exit: EXIT.failed, lines: [`npm audit failed (${reason}): dependencies NOT audited`] };
}

function main(): void {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  const verdict = run.error
    ? { exit: EXIT.failed, lines: [`npm audit could not be started (${run.error.message}): dependencies NOT audited`] }
    : judgeAudit(run.stdout, run.stderr);
  const write = verdict.exit === EXIT.clean ? console.log : console.error;
  for (const line of verdict.lines) write(line);
  process.exitCode = verdict.exit;
}

// Run when started as a script (`tsx tests/tools/auditDependencies.ts`), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
