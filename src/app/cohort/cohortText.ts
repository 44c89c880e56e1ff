import { formatUkDate } from '../../domain/dates';
import type { CalendarEvent } from '../../domain/sets/calendarEvent';
import type { InvitationSummary } from '../../domain/sets/cohortApi';
import type { Membership } from '../../domain/sets/membership';

/** "1 September 2026 – 16 July 2027" */
export function dateRangeText(startsOn: string, endsOn: string | null): string {
  return endsOn && endsOn !== startsOn ? `${formatUkDate(startsOn)} – ${formatUkDate(endsOn)}` : formatUkDate(startsOn);
}

export function eventWhenText(event: Pick<CalendarEvent, 'startsOn' | 'endsOn' | 'startTime'>): string {
  const dates = dateRangeText(event.startsOn, event.endsOn);
  return event.startTime ? `${dates}, ${event.startTime}` : dates;
}

const ROLE_TITLES: Record<Membership['role'], string> = { participant: 'Participant', facilitator: 'Facilitator', coach: 'Coach' };

export function roleTitle(role: Membership['role']): string {
  return ROLE_TITLES[role];
}

/** "Active", or "Withdrawn on 14 May 2026". */
export function memberStatusText(member: Pick<Membership, 'status' | 'withdrawnOn'>): string {
  if (member.status === 'active') return 'Active';
  return member.withdrawnOn ? `Withdrawn on ${formatUkDate(member.withdrawnOn)}` : 'Withdrawn';
}

const INVITATION_STATE_WORDS: Record<InvitationSummary['state'], string> = {
  pending: 'Waiting to be accepted',
  used: 'Accepted',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

export function invitationStateText(state: InvitationSummary['state']): string {
  return INVITATION_STATE_WORDS[state];
}

/** "82%", or "No meetings marked yet" before any attendance is known. */
export function percentText(rate: number | null): string {
  return rate === null ? 'No meetings marked yet' : `${Math.round(rate * 100)}%`;
}
