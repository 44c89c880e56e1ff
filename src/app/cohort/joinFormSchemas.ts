import { z } from 'zod';
import { normaliseInvitationCode } from '../../domain/sets/invitationCode';

/** A typed code: forgiving about case, spaces and dashes; the canonical 16 symbols out. */
export const codeFormSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Enter your invitation code.')
    .transform((typed, ctx) => {
      const canonical = normaliseInvitationCode(typed);
      if (canonical) return canonical;
      ctx.addIssue({ code: 'custom', message: 'Codes have 16 letters and numbers, like K7QM-2XWP-9TRD-HC4B. Check it and try again.' });
      return z.NEVER;
    }),
});
export type CodeFormValues = z.input<typeof codeFormSchema>;
export type CodeFormOutput = z.output<typeof codeFormSchema>;
