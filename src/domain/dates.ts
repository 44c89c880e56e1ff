/**
 * Dates in records are ISO strings: date-times as UTC `2026-05-14T09:30:00.000Z`, calendar
 * dates as `2026-05-14`. Display follows UK usage: "14 May 2026".
 */
import { z } from 'zod';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Enter a valid date and time.' });
export const isoDateSchema = z.iso.date({ message: 'Enter a valid date.' });

const DAY_MS = 24 * 60 * 60 * 1000;

/** "14 May 2026" for a calendar date or a date-time (local day). */
export function formatUkDate(iso: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "14 May 2026, 09:30" in local time. */
export function formatUkDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${formatUkDate(iso)}, ${hh}:${mm}`;
}

/** Local calendar date `YYYY-MM-DD` of a moment. */
export function toIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function toTime(iso: string): number {
  return iso.length === 10 ? new Date(`${iso}T00:00:00`).getTime() : new Date(iso).getTime();
}

/** True when `iso` lies more than `days` days after `now`: worth asking "is that right?". */
export function isFarFuture(iso: string, now: Date, days: number): boolean {
  const t = toTime(iso);
  return !Number.isNaN(t) && t - now.getTime() > days * DAY_MS;
}

/** `datetime-local` input value (local time, minutes) ⇄ ISO UTC. */
export function toDateTimeLocalValue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${toIsoDate(date)}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export function fromDateTimeLocalValue(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
