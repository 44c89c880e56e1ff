import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { pauseTimer, resetTimer, startTimer, STOPPED_TIMER, type RoundTimerState } from './roundTimer';

/**
 * Meeting mode's screen state (UI only, never a record): each round's timer, the step each
 * meeting is on, and whether the presenter has invited suggestions. It lives outside the
 * screens, so a timer keeps running while the facilitator moves between steps, and it is kept
 * in sessionStorage, so a reload mid-meeting comes back to the same step and time.
 */
const timerSchema = z.object({ startedAt: z.number().nullable(), elapsedMs: z.number().min(0) });
const persistedSchema = z.object({
  timers: z.record(z.string(), timerSchema).catch({}).default({}),
  steps: z.record(z.string(), z.number().int().min(0)).catch({}).default({}),
  suggestionsInvited: z.record(z.string(), z.boolean()).catch({}).default({}),
});
type PersistedMeetingMode = z.infer<typeof persistedSchema>;

interface MeetingModeState extends PersistedMeetingMode {
  timerOf(roundId: string): RoundTimerState;
  start(roundId: string, now: number): void;
  pause(roundId: string, now: number): void;
  reset(roundId: string): void;
  setStep(meetingId: string, step: number): void;
  setSuggestionsInvited(roundId: string, invited: boolean): void;
  clear(): void;
}

export const MEETING_MODE_KEY = 'setwise.meetingMode';

function parsePersisted(persisted: unknown): PersistedMeetingMode {
  const result = persistedSchema.safeParse(persisted ?? {});
  return result.success ? result.data : persistedSchema.parse({});
}

export const useMeetingMode = create<MeetingModeState>()(
  persist(
    (set, get) => {
      const updateTimer = (roundId: string, change: (timer: RoundTimerState) => RoundTimerState) =>
        set((state) => ({ timers: { ...state.timers, [roundId]: change(state.timers[roundId] ?? STOPPED_TIMER) } }));
      return {
        ...persistedSchema.parse({}),
        timerOf: (roundId) => get().timers[roundId] ?? STOPPED_TIMER,
        start: (roundId, now) => updateTimer(roundId, (timer) => startTimer(timer, now)),
        pause: (roundId, now) => updateTimer(roundId, (timer) => pauseTimer(timer, now)),
        reset: (roundId) => updateTimer(roundId, () => resetTimer()),
        setStep: (meetingId, step) => set((state) => ({ steps: { ...state.steps, [meetingId]: step } })),
        setSuggestionsInvited: (roundId, invited) =>
          set((state) => ({ suggestionsInvited: { ...state.suggestionsInvited, [roundId]: invited } })),
        clear: () => set(persistedSchema.parse({})),
      };
    },
    {
      name: MEETING_MODE_KEY,
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ timers, steps, suggestionsInvited }) => ({ timers, steps, suggestionsInvited }),
      migrate: (persisted) => parsePersisted(persisted),
      merge: (persisted, current) => ({ ...current, ...parsePersisted(persisted) }),
    },
  ),
);
