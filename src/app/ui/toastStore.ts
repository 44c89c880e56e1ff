import { create } from 'zustand';

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly actionLabel?: string;
  readonly onAction?: () => void | Promise<void>;
}

interface ToastState {
  readonly toast: Toast | null;
  show(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** One message at a time at the foot of the screen, e.g. "Entry deleted — Undo". */
export const useToastStore = create<ToastState>((set) => ({
  toast: null,
  show: (toast) => set({ toast: { ...toast, id: nextId++ } }),
  dismiss: (id) => set((state) => (state.toast?.id === id ? { toast: null } : state)),
}));
