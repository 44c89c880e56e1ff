// The documents every peer syncs: the same N small journal entries from a seeded generator,
// made in the page itself (each bench entry imports this file) so that 2.5 MB of JSON never
// crosses the DevTools protocol and every peer gets byte-for-byte the same content.

export interface BenchDocument {
  /** A UUID-shaped id (36 characters), the same length as Setwise's UUIDv7 ids. */
  readonly id: string;
  /** About 30 characters. */
  readonly title: string;
  /** About 200 characters. */
  readonly body: string;
  readonly occurredAt: string;
}

export const DEFAULT_SEED = 20_260_701;

const WORDS = [
  'learning', 'walk', 'phonics', 'reading', 'staff', 'meeting', 'coaching', 'feedback', 'pupils',
  'trial', 'evidence', 'governors', 'curriculum', 'assessment', 'behaviour', 'attendance', 'lesson',
  'observation', 'subject', 'leaders', 'parents', 'writing', 'maths', 'inclusion', 'wellbeing',
  'planning', 'review', 'impact', 'measure', 'baseline', 'target', 'strategy', 'set', 'action',
];

/** mulberry32: tiny, fast and the same in Node and every browser. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function words(next: () => number, targetChars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? 'note';
    out.push(word);
    length += word.length + 1;
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function uuidShaped(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function generateDocuments(count: number, seed = DEFAULT_SEED): BenchDocument[] {
  const next = random(seed);
  const start = Date.UTC(2026, 0, 5, 8);
  return Array.from({ length: count }, (_, index) => ({
    id: uuidShaped(next),
    title: words(next, 24 + Math.floor(next() * 12)),
    body: words(next, 180 + Math.floor(next() * 40)),
    occurredAt: new Date(start + index * 3_600_000).toISOString(),
  }));
}
