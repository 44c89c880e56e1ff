import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { THEME_IDS } from '../../domain/programme';
import { TIMELINE_KINDS, type TimelineFilter, type TimelineKind, type TimelineOrder } from '../../domain/review/timeline';

/**
 * The timeline's filters and order (UI state only). Kept in sessionStorage: they last while
 * the person moves about the app and back, and reset when the browser session ends.
 */
const persistedSchema = z.object({
  kinds: z.array(z.enum(TIMELINE_KINDS)).catch([]).default([]),
  tag: z.string().min(1).nullable().catch(null).default(null),
  trialId: z.string().min(1).nullable().catch(null).default(null),
  theme: z.enum(THEME_IDS).nullable().catch(null).default(null),
  order: z.enum(['newest', 'oldest']).catch('newest').default('newest'),
});
type PersistedTimelineFilters = z.infer<typeof persistedSchema>;

interface TimelineFilterState extends PersistedTimelineFilters {
  /** How far down the page the list was when the person left it (this tab only, not kept). */
  scrollY: number;
  setScrollY(scrollY: number): void;
  toggleKind(kind: TimelineKind): void;
  set(patch: Partial<TimelineFilter & { order: TimelineOrder }>): void;
  /** Shows everything again (the order stays). */
  clearFilters(): void;
}

export const TIMELINE_FILTERS_KEY = 'setwise.timelineFilters';

function parsePersisted(persisted: unknown): PersistedTimelineFilters {
  const result = persistedSchema.safeParse(persisted ?? {});
  return result.success ? result.data : persistedSchema.parse({});
}

export const useTimelineFilters = create<TimelineFilterState>()(
  persist(
    (set) => ({
      ...persistedSchema.parse({}),
      scrollY: 0,
      setScrollY: (scrollY) => set({ scrollY }),
      toggleKind: (kind) =>
        set((state) => ({
          // Kept in the order of TIMELINE_KINDS, so the same choice always looks the same.
          kinds: TIMELINE_KINDS.filter((k) => (k === kind ? !state.kinds.includes(k) : state.kinds.includes(k))),
        })),
      set: ({ kinds, ...patch }) => set({ ...patch, ...(kinds ? { kinds: [...kinds] } : {}) }),
      clearFilters: () => set({ kinds: [], tag: null, trialId: null, theme: null, scrollY: 0 }),
    }),
    {
      name: TIMELINE_FILTERS_KEY,
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ kinds, tag, trialId, theme, order }) => ({ kinds, tag, trialId, theme, order }),
      migrate: (persisted) => parsePersisted(persisted),
      merge: (persisted, current) => ({ ...current, ...parsePersisted(persisted) }),
    },
  ),
);
