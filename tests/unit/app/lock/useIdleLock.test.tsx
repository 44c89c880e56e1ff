import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { LockController, LockState } from '../../../../src/app/lock/createLockController';
import { useIdleLock } from '../../../../src/app/lock/useIdleLock';

/** A controller whose lockNow only records the call: what the hook decides is under test. */
function fakeController(idleMinutes: number) {
  const store = createStore<LockState>(() => ({ status: 'unlocked', idleMinutes, failedAttempts: 0, retryAfter: null }));
  const lockNow = vi.fn(() => store.setState({ status: 'locked' }));
  const controller = { store, lockNow } as unknown as LockController;
  return { controller, lockNow };
}

function IdleWatcher({ controller, now }: { controller: LockController; now: () => number }) {
  useIdleLock(controller, now);
  return null;
}

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('locking after a while without use', () => {
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('locks after the chosen minutes without a touch, and not before; a touch starts the wait again', () => {
    vi.useFakeTimers();
    let clock = 0;
    const { controller, lockNow } = fakeController(5);
    render(<IdleWatcher controller={controller} now={() => clock} />);
    const passMinutes = (minutes: number) =>
      act(() => {
        clock += minutes * 60_000;
        vi.advanceTimersByTime(minutes * 60_000);
      });

    passMinutes(4);
    window.dispatchEvent(new Event('pointerdown'));
    passMinutes(4);
    expect(lockNow).not.toHaveBeenCalled();
    passMinutes(1.5);
    // The real lockNow ignores calls once locked; the timer may fire again before React re-renders.
    expect(lockNow).toHaveBeenCalled();
    expect(controller.store.getState().status).toBe('locked');
  });

  it('locks on coming back after longer than that in the background (timers do not run while asleep)', () => {
    let clock = 0;
    const { controller, lockNow } = fakeController(2);
    render(<IdleWatcher controller={controller} now={() => clock} />);

    act(() => setVisibility('hidden'));
    clock += 60_000;
    act(() => setVisibility('visible'));
    expect(lockNow).not.toHaveBeenCalled();

    act(() => setVisibility('hidden'));
    clock += 3 * 60_000;
    act(() => setVisibility('visible'));
    expect(lockNow).toHaveBeenCalledTimes(1);
  });
});
