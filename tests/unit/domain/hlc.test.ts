import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HLC_ZERO, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../../src/domain/hlc';

const seed = Number(process.env.FC_SEED ?? 20261122);
console.log('fast-check seed', seed);

const HOUR = 60 * 60 * 1000;
const YEAR = 365 * 24 * HOUR;
const T = Date.UTC(2026, 4, 14, 9, 30);
const h = (wallMs: number, counter: number, node: string): Hlc => ({ wallMs, counter, node });
const isAfter = (x: Hlc, y: Hlc) => compareHlc(formatHlc(x), formatHlc(y)) > 0;

const wallArb = fc.integer({ min: 0, max: 999_999_999_999_999 });
const counterArb = fc.integer({ min: 0, max: 999_999 });
const nodeArb = fc.string({ maxLength: 8 }).filter((s) => !s.includes(':'));
const hlcArb = fc.record({ wallMs: wallArb, counter: counterArb, node: nodeArb });

describe('tickHlc', () => {
  const cases: { name: string; last: Hlc; now: number; expected: Hlc }[] = [
    { name: 'wall clock moved on: takes the wall clock, counter resets', last: h(T, 5, 'a'), now: T + 10, expected: h(T + 10, 0, 'a') },
    { name: 'same millisecond: counter increments', last: h(T, 3, 'a'), now: T, expected: h(T, 4, 'a') },
    {
      name: 'clock went backwards an hour: keeps the last wall time, counter increments',
      last: h(T, 0, 'a'),
      now: T - HOUR,
      expected: h(T, 1, 'a'),
    },
    { name: 'counter exhausted: moves to the next millisecond', last: h(T, 999_999, 'a'), now: T, expected: h(T + 1, 0, 'a') },
    { name: 'first stamp ever', last: HLC_ZERO, now: T, expected: h(T, 0, 'dev') },
  ];
  it.each(cases)('$name', ({ last, now, expected }) => {
    const next = tickHlc(last, now, expected.node);
    expect(next).toEqual(expected);
    expect(isAfter(next, last)).toBe(true);
  });

  it('a run of local writes is strictly increasing whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 13 }), { minLength: 1, maxLength: 50 }), (nows) => {
        let last = HLC_ZERO;
        for (const now of nows) {
          const next = tickHlc(last, now, 'device');
          expect(isAfter(next, last)).toBe(true);
          expect(next.wallMs).toBeGreaterThanOrEqual(now);
          last = next;
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('receiveHlc', () => {
  const cases: { name: string; last: Hlc; remote: Hlc; now: number; expected: Hlc }[] = [
    {
      name: 'remote far ahead (a year) is adopted',
      last: h(T, 2, 'a'),
      remote: h(T + YEAR, 7, 'b'),
      now: T,
      expected: h(T + YEAR, 8, 'a'),
    },
    {
      name: 'local wall clock ahead of both: counter resets',
      last: h(T, 4, 'a'),
      remote: h(T - 5, 9, 'b'),
      now: T + 1,
      expected: h(T + 1, 0, 'a'),
    },
    {
      name: 'last stamp ahead: its counter increments',
      last: h(T + 50, 4, 'a'),
      remote: h(T, 9, 'b'),
      now: T,
      expected: h(T + 50, 5, 'a'),
    },
    {
      name: 'same wall time: larger counter + 1',
      last: h(T, 4, 'a'),
      remote: h(T, 9, 'b'),
      now: T - 1,
      expected: h(T, 10, 'a'),
    },
    {
      name: 'remote counter exhausted: next millisecond',
      last: h(T, 0, 'a'),
      remote: h(T, 999_999, 'b'),
      now: T,
      expected: h(T + 1, 0, 'a'),
    },
  ];
  it.each(cases)('$name', ({ last, remote, now, expected }) => {
    const next = receiveHlc(last, remote, now, 'a');
    expect(next).toEqual(expected);
    expect(isAfter(next, last)).toBe(true);
    expect(isAfter(next, remote)).toBe(true);
  });

  it('the result always sorts after both the local and the remote stamp', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 10 ** 14 }), (last, remote, now) => {
        const next = receiveHlc(last, remote, now, 'me');
        expect(isAfter(next, last)).toBe(true);
        expect(isAfter(next, remote)).toBe(true);
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('skewed device clocks', () => {
  it('device A an hour behind B: after A receives B’s stamp, A’s next stamp is later than B’s', () => {
    let a = tickHlc(HLC_ZERO, T - HOUR, 'deviceA');
    const b = tickHlc(HLC_ZERO, T, 'deviceB');
    expect(isAfter(b, a)).toBe(true);
    a = receiveHlc(a, b, T - HOUR + 1000, 'deviceA');
    const aNext = tickHlc(a, T - HOUR + 2000, 'deviceA');
    expect(isAfter(aNext, b)).toBe(true);
    expect(compareHlc(formatHlc(b), formatHlc(aNext))).toBeLessThan(0);
  });

  it('messages between skewed devices never produce a stamp earlier than one already seen', () => {
    const eventArb = fc.record({
      device: fc.constantFrom(0, 1),
      step: fc.integer({ min: -HOUR, max: HOUR }),
      send: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), fc.array(eventArb, { maxLength: 60 }), (skew, events) => {
        const nodes = ['deviceA', 'deviceB'];
        const wall = [T, T + skew];
        const clocks: Hlc[] = [HLC_ZERO, HLC_ZERO];
        const seen = new Set<string>();
        for (const { device, step, send } of events) {
          wall[device] = (wall[device] ?? T) + step;
          const own = tickHlc(clocks[device] ?? HLC_ZERO, wall[device] ?? T, nodes[device] ?? '');
          clocks[device] = own;
          expect(seen.has(formatHlc(own))).toBe(false);
          seen.add(formatHlc(own));
          if (send) {
            const other = 1 - device;
            clocks[other] = receiveHlc(clocks[other] ?? HLC_ZERO, own, wall[other] ?? T, nodes[other] ?? '');
            const reply = tickHlc(clocks[other], wall[other] ?? T, nodes[other] ?? '');
            clocks[other] = reply;
            expect(isAfter(reply, own)).toBe(true);
            seen.add(formatHlc(reply));
          }
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('serialised form', () => {
  it('formats with fixed-width parts', () => {
    expect(formatHlc(h(T, 42, 'abc'))).toBe(`${String(T).padStart(15, '0')}:000042:abc`);
  });

  it('refuses a node id containing ":" and text that is not a stamp', () => {
    expect(() => formatHlc(h(T, 0, 'a:b'))).toThrow('must not contain ":"');
    expect(() => parseHlc('12:34:x')).toThrow('Not a hybrid logical clock stamp: 12:34:x');
    expect(() => parseHlc('')).toThrow();
  });

  it('parse(format(x)) gives x back', () => {
    fc.assert(
      fc.property(hlcArb, (hlc) => {
        expect(parseHlc(formatHlc(hlc))).toEqual(hlc);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('comparing stamps as strings is comparing (wallMs, counter, node)', () => {
    const tupleOrder = (x: Hlc, y: Hlc) =>
      Math.sign(x.wallMs - y.wallMs) || Math.sign(x.counter - y.counter) || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
    // Draw from small ranges too, so equal walls and counters (ties broken by node) are common.
    const closeArb = fc.record({ wallMs: fc.integer({ min: 0, max: 3 }), counter: fc.integer({ min: 0, max: 3 }), node: nodeArb });
    fc.assert(
      fc.property(fc.oneof(hlcArb, closeArb), fc.oneof(hlcArb, closeArb), (x, y) => {
        expect(Math.sign(compareHlc(formatHlc(x), formatHlc(y)))).toBe(tupleOrder(x, y));
        expect(formatHlc(x) < formatHlc(y)).toBe(tupleOrder(x, y) < 0);
      }),
      { seed, numRuns: 300 },
    );
  });
});
