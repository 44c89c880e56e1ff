// The backup file's schema: today's version 2, and version 1 files people already downloaded
// (the fixture is one as the version-1 export wrote it) still read.
import { describe, expect, it } from 'vitest';
import { isOwnWriting } from '../../../src/app/sync/isOwnWriting';
import { BACKUP_ERRORS, BACKUP_VERSION, parseBackupFile } from '../../../src/domain/backup/backupFile';
import { OWN_WRITING_TABLES } from '../../../src/domain/sync/ownWritingTables';
import { SYNC_TABLE_NAMES } from '../../../src/domain/sync/syncTables';
import fixture from './fixtures/setwise-export-v1.json';

/** A fresh copy of the version-1 file each time (tests change it). */
const v1 = (): Record<string, unknown> => JSON.parse(JSON.stringify(fixture)) as Record<string, unknown>;

describe('the backup file', () => {
  it('reads a version-1 file: its records as they are, the tables it did not have yet empty', () => {
    const result = parseBackupFile(v1());
    if (!result.ok) throw new Error(`${result.message} ${result.detail ?? ''}`);
    const { file } = result;
    expect(file).toMatchObject({ format: 'setwise-export', version: 1, exportedAt: '2026-11-23T10:15:00.000Z', person: { userId: 'priya', displayName: 'Priya Shah' } });
    expect(file.logEntries.map((e) => e.id)).toEqual(['entry-1', 'entry-2']);
    // Exactly as in the file: nothing added, nothing normalised.
    expect(file.logEntries[1]).toEqual((v1().logEntries as unknown[])[1]);
    expect(file.photos.map((p) => p.dataUrl)).toEqual(['data:image/png;base64,iVBORw0KGgoBAgMEBQYHCPr7/P0=', null]);
    expect(file.meetingRounds[0]?.meeting).toEqual({ id: 'meeting-1', heldOn: '2026-03-10', place: 'Oakfield Primary, library' });
    expect(file.meetingActions[0]?.meeting).toBeNull();
    expect(file.diagnostics).toEqual([]);
    expect(file.posters).toEqual([]);
  });

  it('keeps fields it does not know, in the file and in records (a newer app’s)', () => {
    const json = v1();
    json.version = BACKUP_VERSION;
    json.device = { name: 'Priya’s iPad' };
    (json.logEntries as Record<string, unknown>[])[0]!.mood = 'hopeful';
    const result = parseBackupFile(json);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.device).toEqual({ name: 'Priya’s iPad' });
    expect(result.file.logEntries[0]?.mood).toBe('hopeful');
  });

  it('refuses other files, newer versions and damaged backups with their own words', () => {
    expect(parseBackupFile({ hello: 'world' })).toMatchObject({ ok: false, problem: 'notABackup', message: 'This is not a Setwise backup.' });
    expect(parseBackupFile([1, 2, 3])).toMatchObject({ ok: false, message: BACKUP_ERRORS.notABackup });
    expect(parseBackupFile(null)).toMatchObject({ ok: false, message: BACKUP_ERRORS.notABackup });
    expect(parseBackupFile({ ...v1(), version: BACKUP_VERSION + 1 })).toMatchObject({
      ok: false,
      problem: 'newerVersion',
      message: 'This backup was made by a newer version of Setwise — update first.',
    });
    const damaged = v1();
    (damaged.logEntries as Record<string, unknown>[])[0]!.clocks = 'not clocks';
    expect(parseBackupFile(damaged)).toMatchObject({ ok: false, problem: 'damaged', message: BACKUP_ERRORS.damaged, detail: expect.stringContaining('logEntries.0.clocks') });
    expect(parseBackupFile({ ...v1(), version: 'two' })).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('restores the same tables the sync engine treats as a person’s own writing', () => {
    const ownByEngine = SYNC_TABLE_NAMES.filter((table) => isOwnWriting(table, { owner: 'me' }, 'me'));
    expect([...OWN_WRITING_TABLES].sort()).toEqual([...ownByEngine].sort());
  });
});
