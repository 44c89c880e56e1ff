import { create } from 'zustand';

/** A notice about the app itself (not the person's data), shown as a banner until resolved. */
export type AppNotice = 'upgrade-blocked' | 'updated-elsewhere' | null;

export const useAppNoticeStore = create<{ notice: AppNotice; setNotice(notice: AppNotice): void }>((set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
