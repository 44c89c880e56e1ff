import { useEffect, useRef, useState } from 'react';
import { SignOutDialog } from './SignOutDialog';

/** The "Sign out" button and its confirmation; focus returns to the button when it closes. */
export function SignOutControl({ canSync }: { readonly canSync: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // After the dialog has gone, not in its close handler: while a modal dialog is open the page
  // behind it is inert and cannot take focus.
  useEffect(() => {
    if (confirming) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      buttonRef.current?.focus();
    }
  }, [confirming]);

  return (
    <>
      <button ref={buttonRef} type="button" className="button" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
        Sign out
      </button>
      {confirming ? <SignOutDialog canSync={canSync} onClose={() => setConfirming(false)} /> : null}
    </>
  );
}
