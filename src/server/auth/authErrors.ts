// The JSON answers auth gives, in one place so the app can rely on their `code`s.
import type { ErrorBody } from '../errors';

export const UNAUTHENTICATED: ErrorBody = { error: 'Sign in to sync.', code: 'unauthenticated' };
export const BAD_CREDENTIALS: ErrorBody = {
  error: 'That email and password do not match.',
  code: 'bad-credentials',
};
export const CSRF_REFUSED: ErrorBody = {
  error: 'This request could not be checked. Reload Setwise and try again.',
  code: 'csrf',
};
export const ORIGIN_REFUSED: ErrorBody = {
  error: 'This request came from another website, so it was refused.',
  code: 'origin',
};
export const TOO_MANY_ATTEMPTS: ErrorBody = {
  error: 'Too many sign-in attempts. Try again in 15 minutes.',
  code: 'rate-limited',
};
export const SETUP_DONE: ErrorBody = {
  error: 'Setwise is already set up. Sign in, or ask your coordinator for an account.',
  code: 'setup-done',
};
