import { v7 as uuidv7 } from 'uuid';

/**
 * Every record gets a client-generated UUIDv7: globally unique without asking a server
 * (devices are offline for days) and sortable by creation time, so ids double as a
 * stable secondary sort key.
 */
export function newId(): string {
  return uuidv7();
}
