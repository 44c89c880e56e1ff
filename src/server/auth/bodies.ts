// Request bodies for the auth routes, checked with zod. A bad body gets a 400 whose message
// says what to fix, in words a person (or the app's form) can show.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorBody } from '../errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE } from './password';

/** Auth bodies are a few short strings; 16 KB is ample and keeps junk cheap to refuse. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

/** A required text field whose missing / wrong-type messages name it. */
function text(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} is missing.` : `${label} must be text.`),
  });
}

/** Emails are compared in lower case, so "Priya@School.org" and "priya@school.org" are one account. */
export const emailField = text('Email')
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an email address like priya@oakfield.sch.uk.' }).max(254, 'That email is too long.'));

export const newPasswordField = text('Password')
  .min(PASSWORD_MIN_LENGTH, PASSWORD_RULE)
  .max(PASSWORD_MAX_LENGTH, `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.`);

export const displayNameField = text('Name')
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'Use a name of at most 100 characters.');

export const SignInBody = z.object({
  email: emailField,
  // No length rule when signing in: the rules may change, and old passwords must still work.
  password: text('Password').min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'That password is too long.'),
});

export const SetupBody = z.object({
  email: emailField,
  password: newPasswordField,
  displayName: displayNameField,
});

/** The parsed body, or undefined after answering 400 with the first problem found. */
export function parseBody<T>(schema: z.ZodType<T>, request: FastifyRequest, reply: FastifyReply): T | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const error: ErrorBody = { error: 'Send a JSON object with Content-Type: application/json.', code: 'invalid-request' };
    void reply.code(400).send(error);
    return undefined;
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const error: ErrorBody = { error: parsed.error.issues[0]?.message ?? 'The request body is not valid.', code: 'invalid-request' };
  void reply.code(400).send(error);
  return undefined;
}
