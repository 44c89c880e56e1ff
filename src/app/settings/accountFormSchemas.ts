import { z } from 'zod';

/**
 * The sign-in and first-run setup forms. The server checks the same rules (src/server/auth/
 * bodies.ts) and has the last word; checking here first means a typo is pointed out at once,
 * even offline, in the same words.
 */
const email = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .pipe(z.email({ error: 'Enter an email address like priya@oakfield.sch.uk.' }));

/** Must match PASSWORD_MIN_LENGTH on the server. */
export const NEW_PASSWORD_MIN_LENGTH = 10;

export const signInFormSchema = z.object({
  email,
  // No length rule when signing in: older passwords may predate today's rule.
  password: z.string().min(1, 'Enter your password.'),
});
export type SignInFormValues = z.input<typeof signInFormSchema>;
export type SignInFormOutput = z.output<typeof signInFormSchema>;

export const setupFormSchema = z.object({
  displayName: z.string().trim().min(1, 'Enter your name.').max(100, 'Use a name of at most 100 characters.'),
  email,
  password: z.string().min(NEW_PASSWORD_MIN_LENGTH, `Use a password of at least ${NEW_PASSWORD_MIN_LENGTH} characters.`),
});
export type SetupFormValues = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;
