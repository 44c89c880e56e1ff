import { useMeetingMode } from './meetingModeStore';
import { readTimer, STOPPED_TIMER } from './roundTimer';
import { useNow } from './useNow';

/**
 * The presenter's countdown, large enough to read across a table. Its state lives in the
 * meeting-mode store, so it keeps running while the facilitator moves between steps.
 */
export function RoundTimer({ roundId, minutes }: { readonly roundId: string; readonly minutes: number }) {
  const timer = useMeetingMode((state) => state.timers[roundId]) ?? STOPPED_TIMER;
  const start = useMeetingMode((state) => state.start);
  const pause = useMeetingMode((state) => state.pause);
  const reset = useMeetingMode((state) => state.reset);
  const now = useNow(timer.startedAt !== null);
  const reading = readTimer(timer, minutes, Math.max(now, timer.startedAt ?? 0));

  return (
    <div className={reading.overBy ? 'round-timer round-timer--over' : 'round-timer'}>
      <p className="round-timer__clock" role="timer" aria-label="Time left">
        {reading.clock}
      </p>
      <p className="round-timer__note" aria-live="polite">
        {reading.overBy ? `Time’s up — over by ${reading.overBy}` : reading.running ? 'Running' : reading.fresh ? `${minutes} minutes` : 'Paused'}
      </p>
      <div className="button-row round-timer__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => (reading.running ? pause(roundId, Date.now()) : start(roundId, Date.now()))}
        >
          {reading.running ? 'Pause' : reading.fresh ? 'Start the timer' : 'Resume'}
        </button>
        <button type="button" className="button" disabled={reading.fresh} onClick={() => reset(roundId)}>
          Reset
        </button>
      </div>
    </div>
  );
}
