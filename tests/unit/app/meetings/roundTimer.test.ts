import { describe, expect, it } from 'vitest';
import { formatClock, pauseTimer, readTimer, resetTimer, startTimer, STOPPED_TIMER } from '../../../../src/app/meetings/roundTimer';

const T0 = 1_800_000_000_000;
const seconds = (n: number) => n * 1000;

describe('the round timer', () => {
  it('shows the whole time before it starts', () => {
    expect(readTimer(STOPPED_TIMER, 20, T0)).toEqual({ running: false, fresh: true, clock: '20:00', overBy: null });
  });

  it('counts down from the moment it starts, rounding up to the second', () => {
    const running = startTimer(STOPPED_TIMER, T0);
    expect(readTimer(running, 20, T0 + 1).clock).toBe('20:00');
    expect(readTimer(running, 20, T0 + seconds(1))).toMatchObject({ running: true, clock: '19:59' });
    expect(readTimer(running, 20, T0 + seconds(90)).clock).toBe('18:30');
  });

  it('stands still while paused and carries on from there', () => {
    const paused = pauseTimer(startTimer(STOPPED_TIMER, T0), T0 + seconds(60));
    expect(readTimer(paused, 20, T0 + seconds(600))).toMatchObject({ running: false, fresh: false, clock: '19:00' });
    const resumed = startTimer(paused, T0 + seconds(600));
    expect(readTimer(resumed, 20, T0 + seconds(630)).clock).toBe('18:30');
  });

  it('starting a running timer or pausing a paused one changes nothing', () => {
    const running = startTimer(STOPPED_TIMER, T0);
    expect(startTimer(running, T0 + seconds(5))).toBe(running);
    const paused = pauseTimer(running, T0 + seconds(5));
    expect(pauseTimer(paused, T0 + seconds(9))).toBe(paused);
  });

  it('follows a change of minutes at once, even while running', () => {
    const running = startTimer(STOPPED_TIMER, T0);
    expect(readTimer(running, 20, T0 + seconds(120)).clock).toBe('18:00');
    expect(readTimer(running, 10, T0 + seconds(120)).clock).toBe('8:00');
  });

  it('says how far over time it is once time is up', () => {
    const running = startTimer(STOPPED_TIMER, T0);
    expect(readTimer(running, 1, T0 + seconds(60))).toMatchObject({ clock: '0:00', overBy: null });
    expect(readTimer(running, 1, T0 + seconds(125))).toMatchObject({ clock: '0:00', overBy: '1:05' });
  });

  it('never counts backwards when the device clock jumps back', () => {
    const running = startTimer(STOPPED_TIMER, T0);
    expect(readTimer(running, 20, T0 - seconds(3600)).clock).toBe('20:00');
  });

  it('resets to the whole time', () => {
    const paused = pauseTimer(startTimer(STOPPED_TIMER, T0), T0 + seconds(300));
    expect(readTimer(resetTimer(), 20, T0 + seconds(400))).toMatchObject({ fresh: true, clock: '20:00' });
    expect(paused.elapsedMs).toBe(seconds(300));
  });

  it('formats minutes and seconds', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(seconds(65))).toBe('1:05');
    expect(formatClock(seconds(3600))).toBe('60:00');
    expect(formatClock(-5)).toBe('0:00');
  });
});
