// The invitations table on SQLite, for the SQLite Store (which serialises every call).
import type Database from 'better-sqlite3';
import { asRow, normaliseEmail, toInvitation, toIso } from './codec';
import type { Invitation } from './Store';

type Prepare = (sql: string) => Database.Statement;

export function insertInvitation(prepare: Prepare, invitation: Invitation): void {
  prepare(
    `INSERT INTO invitations (id, code_hash, cohort_id, role, set_id, coachee_id, display_name, email, created_by,
                              created_at, expires_at, used_at, used_by, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
  ).run(
    invitation.id,
    invitation.codeHash,
    invitation.cohortId,
    invitation.role,
    invitation.setId,
    invitation.coacheeId,
    invitation.displayName,
    normaliseEmail(invitation.email),
    invitation.createdBy,
    toIso(invitation.createdAt),
    toIso(invitation.expiresAt),
  );
}

export function selectInvitation(prepare: Prepare, column: 'id' | 'code_hash', value: string): Invitation | undefined {
  // `column` is one of two literals, never input.
  const raw = prepare(`SELECT * FROM invitations WHERE ${column} = ?`).get(value);
  return raw === undefined ? undefined : toInvitation(asRow(raw));
}

export function selectCohortInvitations(prepare: Prepare, cohortId: string): Invitation[] {
  return prepare('SELECT * FROM invitations WHERE cohort_id = ? ORDER BY created_at DESC')
    .all(cohortId)
    .map((raw) => toInvitation(asRow(raw)));
}

export function markInvitationCancelled(prepare: Prepare, id: string, at: Date): void {
  prepare('UPDATE invitations SET cancelled_at = ? WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL').run(toIso(at), id);
}
