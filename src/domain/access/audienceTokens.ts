/**
 * Audience tokens (docs/decisions/009-sharing-rules-and-audiences.md). The server stores, with
 * every record, the tokens of the people who may read it, and works out for each reader the
 * tokens they hold from their active memberships. A reader sees a record when the two sets
 * meet. Tokens name a relationship, not a list of people, so moving someone between sets
 * changes what they hold without rewriting any record.
 *
 * Invariant: readers only ever hold tokens made by the `reader*` functions below; the
 * `index*` tokens exist so the server can find records (a photo by its bytes, the comments
 * on an item) and are never held by anyone.
 */
export const userToken = (userId: string): string => `user:${userId}`;
/** Everyone active in the set (participants and its facilitator). */
export const setToken = (setId: string): string => `set:${setId}`;
/** Everyone active in the cohort: sees its calendar and sets, not its members' work. */
export const cohortToken = (cohortId: string): string => `cohort:${cohortId}`;
/** The cohort's coordinators: see who is in which set, never anyone's content. */
export const cohortAdminToken = (cohortId: string): string => `cohort-admin:${cohortId}`;
/** The active members and facilitator of the set `ownerId` is in. */
export const sharedWithSetToken = (ownerId: string): string => `share-set:${ownerId}`;
/** `ownerId`'s coach. */
export const sharedWithCoachToken = (ownerId: string): string => `share-coach:${ownerId}`;

/** Index only: records that hang off another record (comments, readings, photos, revisions). */
export const indexAboutToken = (table: string, id: string): string => `about:${table}:${id}`;
/** Index only: photo records by the SHA-256 of their bytes. */
export const indexBlobToken = (sha256: string): string => `blob:${sha256}`;

export const INDEX_PREFIXES: readonly string[] = ['about:', 'blob:'];
export function isIndexToken(token: string): boolean {
  return INDEX_PREFIXES.some((prefix) => token.startsWith(prefix));
}
