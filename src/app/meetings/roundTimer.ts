/**
 * A presenter's countdown in meeting mode, as plain data and pure functions of "now" (ms since
 * the epoch, passed in). Keeping the start moment rather than counting ticks means the time is
 * right even after the tablet sleeps, the screen changes or the app reloads — and it never
 * needs the network.
 */
export interface RoundTimerState {
  /** When the current run started; null while stopped or paused. */
  readonly startedAt: number | null;
  /** Time run before the current run (earlier runs, up to each pause). */
  readonly elapsedMs: number;
}

export const STOPPED_TIMER: RoundTimerState = { startedAt: null, elapsedMs: 0 };

export function isRunning(timer: RoundTimerState): boolean {
  return timer.startedAt !== null;
}

/** Time run so far; a clock that jumped backwards never makes it shrink below the last pause. */
export function elapsedMs(timer: RoundTimerState, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

export function startTimer(timer: RoundTimerState, now: number): RoundTimerState {
  return timer.startedAt === null ? { startedAt: now, elapsedMs: timer.elapsedMs } : timer;
}

export function pauseTimer(timer: RoundTimerState, now: number): RoundTimerState {
  return timer.startedAt === null ? timer : { startedAt: null, elapsedMs: elapsedMs(timer, now) };
}

export function resetTimer(): RoundTimerState {
  return STOPPED_TIMER;
}

export interface TimerReading {
  readonly running: boolean;
  /** Not started yet (nothing run). */
  readonly fresh: boolean;
  /** "19:59"; "0:00" once time is up. */
  readonly clock: string;
  /** How far over time, e.g. "1:05"; null while there is time left. */
  readonly overBy: string | null;
}

/** "m:ss", rounding up, so a countdown shows 20:00 until a whole second has passed. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What the timer shows now for a round of `minutes` minutes. */
export function readTimer(timer: RoundTimerState, minutes: number, now: number): TimerReading {
  const left = minutes * 60_000 - elapsedMs(timer, now);
  return {
    running: isRunning(timer),
    fresh: !isRunning(timer) && timer.elapsedMs === 0,
    clock: formatClock(left),
    overBy: left < 0 ? formatClock(-left) : null,
  };
}
