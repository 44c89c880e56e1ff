import { useAppNoticeStore } from '../state/appNoticeStore';

/**
 * When a new version needs to change the device's database while Setwise is still open in
 * another tab, the change waits for that tab. Say what to do instead of hanging.
 */
export function AppNoticeBanner() {
  const notice = useAppNoticeStore((state) => state.notice);
  if (notice === 'upgrade-blocked') {
    return (
      <div className="update-prompt" role="alert">
        <span>Setwise is updating how it stores your writing. Close Setwise in your other tabs or windows to finish — nothing is lost.</span>
      </div>
    );
  }
  if (notice === 'updated-elsewhere') {
    return (
      <div className="update-prompt" role="alert">
        <span>Setwise was updated in another tab. Reload this tab to keep writing — everything you saved is kept.</span>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  return null;
}
