import { useRegisterSW } from 'virtual:pwa-register/react';
import { flushPendingSaves } from '../ui/pendingSaves';

/**
 * "A new version is ready — reload". Drafts autosave to IndexedDB; before reloading we wait
 * for any autosave still waiting or running, so the reload can never drop a keystroke.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>A new version of Setwise is ready.</span>
      <button
        type="button"
        className="button button--primary"
        onClick={async () => {
          await flushPendingSaves();
          await updateServiceWorker(true);
        }}
      >
        Reload
      </button>
      <button type="button" className="button button--quiet" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
