import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { REFLECTION_TEMPLATE_IDS } from '../../domain/reflectionTemplates';

/**
 * UI preferences kept in localStorage (never records: those live in IndexedDB). The schema
 * gives every field a default, so state written by an older version — or hand-edited, or
 * truncated — still loads; anything unreadable falls back to the defaults.
 */
export const uiPreferencesSchema = z.object({
  journalOrder: z.enum(['newest', 'oldest']).catch('newest').default('newest'),
  journalTag: z.string().nullable().catch(null).default(null),
  lastTemplate: z.enum(REFLECTION_TEMPLATE_IDS).catch('free').default('free'),
  trialStatusFilter: z.enum(['all', 'planned', 'under_way', 'reviewing', 'done']).catch('all').default('all'),
});
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

export const UI_PREFERENCES_KEY = 'setwise.ui';
export const UI_PREFERENCES_VERSION = 1;

export function parseUiPreferences(persisted: unknown): UiPreferences {
  const result = uiPreferencesSchema.safeParse(persisted ?? {});
  return result.success ? result.data : uiPreferencesSchema.parse({});
}

interface UiPreferencesState extends UiPreferences {
  set(patch: Partial<UiPreferences>): void;
}

export const useUiPreferences = create<UiPreferencesState>()(
  persist(
    (set) => ({
      ...uiPreferencesSchema.parse({}),
      set: (patch) => set(patch),
    }),
    {
      name: UI_PREFERENCES_KEY,
      version: UI_PREFERENCES_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ set: _set, ...preferences }) => preferences,
      migrate: (persisted) => parseUiPreferences(persisted),
      merge: (persisted, current) => ({ ...current, ...parseUiPreferences(persisted) }),
    },
  ),
);
