import { REFLECTION_TEMPLATE_IDS } from '../../domain/reflectionTemplates';

/** Values a form fills in by itself: dates and times, record ids (UUIDs). Not anyone's words. */
const FILLED_IN_BY_THE_FORM = /^(\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const TEMPLATE_IDS: ReadonlySet<string> = new Set(REFLECTION_TEMPLATE_IDS);

function isBytes(value: object): boolean {
  // Duck-typed: a Blob read back from IndexedDB may come from another realm than this page's.
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength > 0;
  const blob = value as { size?: unknown; arrayBuffer?: unknown };
  return typeof blob.size === 'number' && typeof blob.arrayBuffer === 'function' && blob.size > 0;
}

/**
 * Whether an autosaved draft (any feature's: its shape is the form's own) holds something the
 * person typed or picked — words, or a photo — rather than only what a blank form holds (empty
 * fields, today's date, the chosen template). Drafts never sync, so such a draft exists only
 * on this device. Errs towards "yes": a false alarm costs a click, a miss loses writing.
 */
export function draftHoldsWriting(value: unknown): boolean {
  const waiting: unknown[] = [value];
  while (waiting.length > 0) {
    const next = waiting.pop();
    if (typeof next === 'string') {
      const text = next.trim();
      if (text !== '' && !FILLED_IN_BY_THE_FORM.test(text) && !TEMPLATE_IDS.has(text)) return true;
    } else if (typeof next === 'object' && next !== null) {
      if (isBytes(next)) return true;
      waiting.push(...(Array.isArray(next) ? next : Object.values(next)));
    }
  }
  return false;
}
