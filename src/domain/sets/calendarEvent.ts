import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';

/** The programme's rhythm (DOMAIN.md): workshops, seminars, set meetings, coaching windows. */
export const CALENDAR_EVENT_KINDS = ['workshop', 'seminar', 'set_meeting', 'coaching_window'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];
export const CALENDAR_EVENT_KIND_WORDS: Record<CalendarEventKind, string> = {
  workshop: 'Core workshop',
  seminar: 'Seminar',
  set_meeting: 'Set meeting',
  coaching_window: 'Coaching window',
};

export const calendarEventContentSchema = z
  .object({
    cohortId: z.string().min(1),
    /** Set meetings belong to one set; everything else is for the whole cohort. */
    setId: z.string().min(1).nullable().default(null),
    kind: z.enum(CALENDAR_EVENT_KINDS),
    title: z.string().trim().min(1, { error: 'Give it a title, e.g. "Core workshop 1: leading change".' }).max(200),
    startsOn: isoDateSchema,
    /** For windows that span days (coaching windows); null for a one-day event. */
    endsOn: isoDateSchema.nullable().default(null),
    /** "09:30" local time, or '' when not fixed yet. */
    startTime: z.string().regex(/^(\d{2}:\d{2})?$/, { error: 'Enter a time like 09:30.' }).default(''),
    place: z.string().trim().max(200).default(''),
  })
  .refine((e) => e.endsOn === null || e.endsOn >= e.startsOn, { error: 'It must end on or after the day it starts.', path: ['endsOn'] })
  .refine((e) => e.kind !== 'set_meeting' || e.setId !== null, { error: 'Choose the set that meets.', path: ['setId'] });
export type CalendarEventContent = z.infer<typeof calendarEventContentSchema>;

export const calendarEventSchema = syncedRecordSchema.extend(calendarEventContentSchema.shape);
export type CalendarEvent = z.infer<typeof calendarEventSchema>;
