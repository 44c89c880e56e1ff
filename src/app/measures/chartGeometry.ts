/**
 * Scales and points for a measure's line chart, in SVG user units. Pure: no DOM, no React.
 * Dates are calendar dates (YYYY-MM-DD) placed by whole days in UTC, so the chart is the same
 * in every time zone.
 */

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ChartInput {
  /** The baseline and its date: the first point of the line. */
  readonly baseline: { readonly date: string; readonly value: number };
  readonly readings: readonly { readonly date: string; readonly value: number }[];
  readonly target: number | null;
  /** Percentages always run 0–100; other units fit their values. */
  readonly percent: boolean;
  readonly width: number;
  readonly height: number;
}

export interface ChartPoint {
  readonly kind: 'baseline' | 'reading';
  readonly date: string;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export interface ChartTick {
  readonly position: number;
  readonly label: string;
}

export interface ChartGeometry {
  /** The plotting area inside the axes. */
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly points: readonly ChartPoint[];
  /** SVG path data for the line through the points, oldest first. */
  readonly path: string;
  /** y of the target line, or null without a target. */
  readonly targetY: number | null;
  readonly xTicks: readonly ChartTick[];
  /** y positions and the values they show (formatted by the caller's unit). */
  readonly yTicks: readonly { readonly position: number; readonly value: number }[];
}

/** Room for the axis labels: values on the left, months underneath. */
export const CHART_PADDING = { left: 56, right: 16, top: 24, bottom: 40 } as const;
/** A month label ("Sep 2026") needs about this much room at 16px. */
const MONTH_LABEL_ROOM = 84;
/** …of which the text itself takes about this much. */
const MONTH_LABEL_WIDTH = 72;
/** A value label needs about this much height. */
const VALUE_LABEL_ROOM = 36;

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(isoDate: string): number {
  const [y = 1970, m = 1, d = 1] = isoDate.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** "Sep 2026" for the month a day number falls in. */
export function monthLabel(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${MONTHS_SHORT[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

function firstOfMonth(day: number, monthsLater = 0): number {
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1) / DAY_MS);
}

/** A step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The value range: 0–100 for percentages; otherwise from 0 (or below) to a round number above. */
export function valueDomain(values: readonly number[], percent: boolean, intervals: number): { min: number; max: number; step: number } {
  if (percent) return { min: 0, max: 100, step: intervals >= 4 ? 25 : 50 };
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low + 1);
  const step = niceStep(high - low, intervals);
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

/**
 * The time range: from the first of the month of the earliest point to the first of the month
 * after the latest, so the month labels sit on real month starts and one point is never alone
 * at an edge.
 */
export function dayDomain(days: readonly number[]): { min: number; max: number } {
  const earliest = Math.min(...days);
  const latest = Math.max(...days);
  return { min: firstOfMonth(earliest), max: firstOfMonth(latest, 1) };
}

/**
 * Month starts from min up to (not including) max, every n months so that the labels never
 * overlap. The label sits at the start of its month, the month's points to its right.
 */
export function monthTicks(min: number, max: number, room: number): number[] {
  const months: number[] = [min];
  for (let day = firstOfMonth(min, 1); day < max; day = firstOfMonth(day, 1)) months.push(day);
  const fits = Math.max(1, Math.floor(room / MONTH_LABEL_ROOM));
  const every = Math.ceil(months.length / fits);
  return months.filter((_, index) => index % every === 0);
}

export function chartGeometry(input: ChartInput): ChartGeometry {
  const plot = {
    left: CHART_PADDING.left,
    right: Math.max(CHART_PADDING.left + 1, input.width - CHART_PADDING.right),
    top: CHART_PADDING.top,
    bottom: Math.max(CHART_PADDING.top + 1, input.height - CHART_PADDING.bottom),
  };
  const dated = [
    { kind: 'baseline' as const, ...input.baseline },
    ...[...input.readings].sort((a, b) => a.date.localeCompare(b.date)).map((r) => ({ kind: 'reading' as const, date: r.date, value: r.value })),
  ];
  const days = dated.map((point) => dayNumber(point.date));
  const time = dayDomain(days);
  const values = [...dated.map((point) => point.value), ...(input.target === null ? [] : [input.target])];
  const intervals = Math.max(1, Math.min(5, Math.floor((plot.bottom - plot.top) / VALUE_LABEL_ROOM)));
  const range = valueDomain(values, input.percent, intervals);

  const x = (day: number) => plot.left + ((day - time.min) / (time.max - time.min)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - ((value - range.min) / (range.max - range.min)) * (plot.bottom - plot.top);

  const points = dated.map((point, index) => ({ ...point, x: x(days[index] ?? time.min), y: y(point.value) }));
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
  const yTicks: { position: number; value: number }[] = [];
  for (let value = range.min; value <= range.max + range.step / 1e6; value += range.step) {
    const rounded = Number(value.toPrecision(12));
    yTicks.push({ position: y(rounded), value: rounded });
  }
  // A label starts at its month; one that would run off the right edge is left out.
  const xTicks = monthTicks(time.min, time.max, plot.right - plot.left)
    .map((day) => ({ position: x(day), label: monthLabel(day) }))
    .filter((tick, index) => index === 0 || tick.position + MONTH_LABEL_WIDTH <= input.width);
  return { plot, points, path, targetY: input.target === null ? null : y(input.target), xTicks, yTicks };
}

/** A text label in SVG units: `y` is its baseline. */
export interface ChartLabel {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly text: string;
}

interface Box {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

/** Roughly how wide 16px bold text is: enough to keep labels apart. */
const CHAR_WIDTH = 9.5;
const TEXT_HEIGHT = 16;

function labelBox(label: ChartLabel): Box {
  const width = label.text.length * CHAR_WIDTH;
  const x1 = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
  return { x1, x2: x1 + width, y1: label.y - TEXT_HEIGHT + 2, y2: label.y + 4 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** True when the line between two points passes through the box (checked at small steps). */
function crosses(from: ChartPoint, to: ChartPoint, box: Box): boolean {
  const steps = 32;
  for (let step = 0; step <= steps; step++) {
    const x = from.x + ((to.x - from.x) * step) / steps;
    const y = from.y + ((to.y - from.y) * step) / steps;
    if (x >= box.x1 && x <= box.x2 && y >= box.y1 && y <= box.y2) return true;
  }
  return false;
}

/**
 * Where the words go: the first and latest values above their points (below when there is no
 * room), and the target's words on its line where they hit neither the line nor a point.
 */
export function chartLabels(
  geometry: Pick<ChartGeometry, 'plot' | 'points' | 'targetY'>,
  format: (value: number) => string,
  targetText: string | null,
): { values: ChartLabel[]; target: ChartLabel | null } {
  const { plot, points, targetY } = geometry;
  const first = points[0];
  const last = points.at(-1);
  const labelled = first && last && points.length > 1 ? [first, last] : first ? [first] : [];
  const values = labelled.map((point) => {
    const text = format(point.value);
    const half = (text.length * CHAR_WIDTH) / 2;
    const x = Math.min(plot.right - half, Math.max(plot.left + half, point.x));
    return { x, y: point.y - 14 - TEXT_HEIGHT < 0 ? point.y + 26 : point.y - 14, anchor: 'middle' as const, text };
  });
  if (targetY === null || targetText === null) return { values, target: null };

  const candidates: ChartLabel[] = [
    { x: plot.right, y: targetY - 8, anchor: 'end', text: targetText },
    { x: plot.right, y: targetY + 20, anchor: 'end', text: targetText },
    { x: plot.left + 8, y: targetY - 8, anchor: 'start', text: targetText },
    { x: plot.left + 8, y: targetY + 20, anchor: 'start', text: targetText },
    { x: (plot.left + plot.right) / 2, y: targetY - 8, anchor: 'middle', text: targetText },
    { x: (plot.left + plot.right) / 2, y: targetY + 20, anchor: 'middle', text: targetText },
  ];
  const obstacles: Box[] = [
    ...points.map((point) => ({ x1: point.x - 8, x2: point.x + 8, y1: point.y - 8, y2: point.y + 8 })),
    ...values.map(labelBox),
  ];
  const clear = (label: ChartLabel) => {
    const box = labelBox(label);
    if (box.y1 < 0 || box.y2 > plot.bottom) return false;
    if (obstacles.some((obstacle) => overlaps(box, obstacle))) return false;
    return !points.some((point, index) => index > 0 && crosses(points[index - 1] ?? point, point, box));
  };
  return { values, target: candidates.find(clear) ?? candidates[0] ?? null };
}
