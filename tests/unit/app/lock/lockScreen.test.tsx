// @vitest-environment node
// (Node's WebCrypto: PBKDF2 and AES-GCM run for real; jsdom is loaded for the screen below.)
import { describe, expect, it } from 'vitest';
import { createPasscodeLockRepository } from '../../../../src/app/db/encryption/createPasscodeLockRepository';
import { createDeviceKeyring } from '../../../../src/app/db/encryption/deviceKeyring';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { createLockController } from '../../../../src/app/lock/createLockController';
import { refusalMessage } from '../../../../src/app/lock/refusalMessage';

const ITERATIONS = 2_000;

async function aLockedDevice() {
  const db = new SetwiseDatabase(`lock-${crypto.randomUUID()}`, createDeviceKeyring('checking'));
  const repository = createPasscodeLockRepository(db, { iterations: ITERATIONS });
  let lockedCount = 0;
  const controller = createLockController(repository, () => {
    lockedCount += 1;
  });
  await controller.initialise();
  return { db, controller, lockedCount: () => lockedCount };
}

describe('the lock controller', () => {
  it('is open without a passcode, and locks and unlocks once one is set', async () => {
    const { db, controller, lockedCount } = await aLockedDevice();
    expect(controller.store.getState().status).toBe('off');
    controller.lockNow();
    expect(controller.store.getState().status).toBe('off');

    await controller.setPasscode('kestrel-harbour', 10);
    expect(controller.store.getState()).toMatchObject({ status: 'unlocked', idleMinutes: 10 });
    controller.lockNow();
    expect(controller.store.getState().status).toBe('locked');
    expect(lockedCount()).toBe(1);
    expect(db.keyring.keys).toBeNull();

    const wrong = await controller.unlock('kestrel');
    expect(wrong.ok).toBe(false);
    expect(controller.store.getState()).toMatchObject({ status: 'locked', failedAttempts: 1 });
    expect(await controller.unlock('kestrel-harbour')).toEqual({ ok: true });
    expect(controller.store.getState()).toMatchObject({ status: 'unlocked', failedAttempts: 0 });
    await db.delete();
  });

  it('says why a try was refused and how long to wait', () => {
    const now = Date.parse('2026-11-23T10:00:00.000Z');
    expect(refusalMessage({ ok: false, reason: 'wrong', failedAttempts: 1, retryAfter: null }, now)).toBe('That passcode is not right.');
    expect(refusalMessage({ ok: false, reason: 'wrong', failedAttempts: 3, retryAfter: '2026-11-23T10:00:05.000Z' }, now)).toBe(
      'That passcode is not right. Too many tries: you can try again in 5 s.',
    );
    expect(refusalMessage({ ok: false, reason: 'wait', failedAttempts: 7, retryAfter: '2026-11-23T10:01:20.000Z' }, now)).toBe(
      'Please wait. Too many tries: you can try again in 1 min 20 s.',
    );
  });
});
