import { useMeetingMode } from '../meetings/meetingModeStore';
import { useUiPreferences } from '../state/uiPreferences';
import { useTimelineFilters } from '../timeline/timelineFilterStore';
import type { Account } from './accountStore';
import { LEFTOVER_SESSION_KEY } from './endLeftoverSession';

/** Every key Setwise writes to Web Storage starts with this. */
const APP_KEY_PREFIX = 'setwise.';

/**
 * Device-wide keys that hold nothing of any person and so stay when someone's data goes. Every
 * other Setwise key describes the person using the app: who they are (the account), their
 * journal's tag filter (one of their tags), the timeline's filters, meeting mode's rounds.
 */
const DEVICE_WIDE_KEYS: ReadonlySet<string> = new Set([LEFTOVER_SESSION_KEY]);

function webStorages(): Storage[] {
  const found: Storage[] = [];
  if (typeof localStorage !== 'undefined') found.push(localStorage);
  if (typeof sessionStorage !== 'undefined') found.push(sessionStorage);
  return found;
}

function mentionsOf(person: Account | null): string[] {
  if (!person) return [];
  return [person.userId, person.email].map((text) => text.trim().toLowerCase()).filter((text) => text.length > 0);
}

/**
 * Removes a person's keys from localStorage and sessionStorage. Any key whose name or value
 * mentions them (their user id or email) goes. With `everythingOfTheApp` — they are the one
 * using the app here — so does every Setwise key but the device-wide ones, and the stores that
 * persist those keys go back to their defaults first, so they do not write the person's state
 * straight back.
 */
export function removeUserStorageKeys(person: Account | null, options: { readonly everythingOfTheApp: boolean }): void {
  if (options.everythingOfTheApp) {
    useUiPreferences.setState(useUiPreferences.getInitialState(), true);
    useTimelineFilters.setState(useTimelineFilters.getInitialState(), true);
    useMeetingMode.setState(useMeetingMode.getInitialState(), true);
  }
  const mentions = mentionsOf(person);
  const mentioned = (text: string | null) => text !== null && mentions.some((mention) => text.toLowerCase().includes(mention));
  for (const storage of webStorages()) {
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null) keys.push(key);
    }
    for (const key of keys) {
      const ours = key.startsWith(APP_KEY_PREFIX) && !DEVICE_WIDE_KEYS.has(key);
      if ((options.everythingOfTheApp && ours) || mentioned(key) || mentioned(storage.getItem(key))) storage.removeItem(key);
    }
  }
}
