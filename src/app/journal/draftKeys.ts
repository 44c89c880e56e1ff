/** Where the new-entry draft lives in the drafts table (device-only, never synced). */
export const NEW_ENTRY_DRAFT_KEY = 'new-entry';
export const NEW_ENTRY_PHOTOS_DRAFT_KEY = 'new-entry-photos';
