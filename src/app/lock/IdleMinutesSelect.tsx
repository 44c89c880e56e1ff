import type { UseFormRegisterReturn } from 'react-hook-form';
import { IDLE_MINUTE_CHOICES } from '../db/encryption/passcodeLockSettings';
import { describedBy, Field } from '../ui/Field';

export const IDLE_HINT = 'Also when Setwise has been in the background, or the tablet asleep, for that long.';

/** The choices of how long without use before Setwise locks itself. */
export function IdleMinuteOptions() {
  return IDLE_MINUTE_CHOICES.map((minutes) => (
    <option key={minutes} value={minutes}>
      {minutes === 1 ? '1 minute' : `${minutes} minutes`} without use
    </option>
  ));
}

/** How long without use before Setwise locks itself. */
export function IdleMinutesSelect({ id, registration, error }: { readonly id: string; readonly registration: UseFormRegisterReturn; readonly error?: string | undefined }) {
  return (
    <Field id={id} label="Lock after" hint={IDLE_HINT} error={error}>
      <select id={id} aria-describedby={describedBy(id, IDLE_HINT, error)} {...registration}>
        <IdleMinuteOptions />
      </select>
    </Field>
  );
}
