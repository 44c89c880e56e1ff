import { useEffect } from 'react';
import { useToastStore } from './toastStore';

const VISIBLE_MS = 8000;

/** Renders the current toast in a polite live region, so screen readers hear it too. */
export function ToastHost() {
  const toast = useToastStore((state) => state.toast);
  const dismiss = useToastStore((state) => state.dismiss);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => dismiss(toast.id), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast, dismiss]);

  return (
    <div className="toast-region" aria-live="polite">
      {toast ? (
        <div className="toast" role="status">
          <span>{toast.message}</span>
          {toast.actionLabel && toast.onAction ? (
            <button
              type="button"
              className="button button--quiet toast__action"
              onClick={() => {
                dismiss(toast.id);
                void toast.onAction?.();
              }}
            >
              {toast.actionLabel}
            </button>
          ) : null}
          <button type="button" className="button button--quiet" aria-label="Dismiss message" onClick={() => dismiss(toast.id)}>
            ✕
          </button>
        </div>
      ) : null}
    </div>
  );
}
