import { z } from 'zod';
import { MIN_PASSCODE_LENGTH } from '../db/encryption/createPasscodeLockRepository';
import { IDLE_MINUTE_CHOICES } from '../db/encryption/passcodeLockSettings';

const newPasscode = z.string().min(MIN_PASSCODE_LENGTH, `Use at least ${MIN_PASSCODE_LENGTH} characters — longer is safer.`);
const idleMinutes = z.coerce.number().refine((value) => (IDLE_MINUTE_CHOICES as readonly number[]).includes(value), 'Choose how soon Setwise locks.');

export const unlockFormSchema = z.object({ passcode: z.string().min(1, 'Enter your passcode.') });
export type UnlockFormValues = z.input<typeof unlockFormSchema>;

export const setPasscodeFormSchema = z
  .object({ passcode: newPasscode, confirm: z.string(), idleMinutes })
  .refine((values) => values.passcode === values.confirm, { path: ['confirm'], error: 'The two passcodes are not the same.' });
export type SetPasscodeFormValues = z.input<typeof setPasscodeFormSchema>;
export type SetPasscodeFormOutput = z.output<typeof setPasscodeFormSchema>;

export const changePasscodeFormSchema = z
  .object({ current: z.string().min(1, 'Enter your current passcode.'), passcode: newPasscode, confirm: z.string() })
  .refine((values) => values.passcode === values.confirm, { path: ['confirm'], error: 'The two passcodes are not the same.' });
export type ChangePasscodeFormValues = z.input<typeof changePasscodeFormSchema>;

export const removePasscodeFormSchema = z.object({ current: z.string().min(1, 'Enter your current passcode.') });
export type RemovePasscodeFormValues = z.input<typeof removePasscodeFormSchema>;
