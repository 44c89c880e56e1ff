import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { ChangePasscodeForm } from './ChangePasscodeForm';
import { IDLE_HINT, IdleMinuteOptions } from './IdleMinutesSelect';
import { describedBy, Field } from '../ui/Field';
import { useLockController } from './LockContext';
import { RemovePasscodeForm } from './RemovePasscodeForm';
import { SetPasscodeForm } from './SetPasscodeForm';

type Open = 'none' | 'set' | 'change' | 'remove';

/**
 * Settings → Passcode lock. For shared tablets: a passcode locks the app after a while and
 * keeps everything written here encrypted on the tablet (docs/decisions/016).
 */
export function PasscodeSection() {
  const id = useId();
  const controller = useLockController();
  const status = useStore(controller.store, (state) => state.status);
  const idleMinutes = useStore(controller.store, (state) => state.idleMinutes);
  const [open, setOpen] = useState<Open>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setOpen('none');
    setNotice(message);
  };
  const hasPasscode = status === 'unlocked';
  const idleHint = IDLE_HINT;

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Passcode lock</h2>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {hasPasscode ? (
        <>
          <p>
            A passcode is set. Everything you write is stored encrypted on this tablet, and Setwise locks after {idleMinutes}{' '}
            {idleMinutes === 1 ? 'minute' : 'minutes'} without use. While locked, nothing syncs; it catches up when you unlock.
          </p>
          <Field id={`${id}-idle`} label="Lock after" hint={idleHint}>
            <select
              id={`${id}-idle`}
              aria-describedby={describedBy(`${id}-idle`, idleHint)}
              value={idleMinutes}
              onChange={(event) => void controller.setIdleMinutes(Number(event.target.value)).then(() => setNotice('Saved.'))}
            >
              <IdleMinuteOptions />
            </select>
          </Field>
          {open === 'change' ? <ChangePasscodeForm controller={controller} onDone={done('Your passcode has been changed.')} /> : null}
          {open === 'remove' ? <RemovePasscodeForm controller={controller} onDone={done('The passcode has been removed.')} /> : null}
          {open === 'none' ? (
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => controller.lockNow()}>
                Lock now
              </button>
              <button type="button" className="button" onClick={() => setOpen('change')}>
                Change passcode…
              </button>
              <button type="button" className="button" onClick={() => setOpen('remove')}>
                Remove passcode…
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p>
            On a tablet other people use, set a passcode. Setwise then asks for it after a few minutes without use, and keeps
            everything you write here encrypted, so nobody can read it from the tablet without the passcode.
          </p>
          <p>
            If you forget it, you can sign in again and download what you synced — changes not yet synced would be lost. There is
            no other way in.
          </p>
          {open === 'set' ? (
            <SetPasscodeForm controller={controller} onDone={done('Passcode set. Everything on this tablet is now encrypted.')} />
          ) : (
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => setOpen('set')}>
                Set a passcode…
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
