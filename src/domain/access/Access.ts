/**
 * What one signed-in person may do, worked out by the server on every request from their
 * active memberships (buildAccess.ts). Pure data: the rules (recordRules.ts) read it.
 */
export interface Access {
  readonly userId: string;
  /** Account-wide roles; only 'coordinator' matters here (it may create cohorts). */
  readonly roles: readonly string[];
  /** Audience tokens this person holds: they may read records carrying any of them. */
  readonly tokens: ReadonlySet<string>;
  /** Cohorts this person coordinates. */
  readonly coordinates: ReadonlySet<string>;
  /** Sets this person facilitates (active facilitator membership). */
  readonly facilitates: ReadonlySet<string>;
  /** Sets this person is an active participant or facilitator of. */
  readonly memberOf: ReadonlySet<string>;
  /** Participants this person coaches (active coach membership). */
  readonly coaches: ReadonlySet<string>;
}

/** A record as the rules see it: any JSON object (fields read with the helpers below). */
export type Doc = Readonly<Record<string, unknown>>;

export function textField(doc: Doc | undefined, field: string): string | undefined {
  const value = doc?.[field];
  return typeof value === 'string' ? value : undefined;
}

export function canRead(access: Pick<Access, 'tokens'>, audience: readonly string[]): boolean {
  return audience.some((token) => access.tokens.has(token));
}
