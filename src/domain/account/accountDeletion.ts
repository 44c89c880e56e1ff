import { z } from 'zod';

/** What the person types to confirm, exactly (the app lower-cases and trims what they typed). */
export const DELETE_ACCOUNT_PHRASE = 'delete my account';

/** The name a deleted person's memberships keep, so their set's records still read well. */
export const FORMER_MEMBER_NAME = 'Former member';

/** POST /api/account/delete */
export const deleteAccountBodySchema = z.object({
  confirm: z.literal(DELETE_ACCOUNT_PHRASE, { error: `Type “${DELETE_ACCOUNT_PHRASE}” to confirm.` }),
  /** Also clear what they added to their own rounds in their set's meeting notes (memberNotes). */
  removeMyMeetingAdditions: z.boolean({ error: 'Say whether to remove what you added to your set’s meeting notes.' }),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;

/** The answer: the account is gone, with how much went with it. */
export const deleteAccountResponseSchema = z.object({
  deleted: z.literal(true),
  /** The person's own records removed (journal, challenge, trials… and their history). */
  records: z.number().int().min(0),
  /** Coaching sessions removed in which they were the participant. */
  coachingSessions: z.number().int().min(0),
  /** Their rounds in set meetings whose notes of theirs were cleared. */
  roundsCleared: z.number().int().min(0),
  /** Memberships kept for the set's records, marked withdrawn and renamed "Former member". */
  membershipsWithdrawn: z.number().int().min(0),
});
export type DeleteAccountResponse = z.infer<typeof deleteAccountResponseSchema>;
