import { useEffect, useRef, useState } from 'react';
import { formatUkDate } from '../../domain/dates';
import type { ImpactMeasure, MeasureReading } from '../../domain/impactMeasure';
import { describeMeasureChange } from '../../domain/review/measureChange';
import { chartGeometry, chartLabels } from './chartGeometry';
import { formatForMeasure } from './measureText';
import './measureChart.css';

export type ChartMeasure = Pick<ImpactMeasure, 'name' | 'unit' | 'unitLabel' | 'baselineValue' | 'baselineDate' | 'target'>;
export type ChartReading = Pick<MeasureReading, 'id' | 'date' | 'value'>;

interface MeasureChartProps {
  readonly measure: ChartMeasure;
  /** Oldest first. */
  readonly readings: readonly ChartReading[];
  /**
   * The numbers as a table: always there for screen readers, and shown on screen by a "Show the
   * numbers" button ('button', the default). 'listed' is for a page that lists the readings in
   * its own table straight after the chart, so they are not read out twice.
   */
  readonly numbers?: 'button' | 'listed';
}

const HEIGHT = 240;
const DEFAULT_WIDTH = 480;
const PRINT_SIZE = { width: 440, height: 220 } as const;

/**
 * Draws the chart at the width it is shown, so its 16px labels stay 16px on screen. Without
 * ResizeObserver (jsdom) it keeps the default width and the chart scales with the page.
 */
function useMeasuredWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.min(720, Math.max(280, measured)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

interface ChartSvgProps {
  readonly measure: ChartMeasure;
  readonly readings: readonly ChartReading[];
  readonly width: number;
  readonly height: number;
  readonly className: string;
  /** The label for screen readers; none for the printed copy, which is hidden from them. */
  readonly label: string | null;
}

/** The drawing itself: value grid, month axis, dashed target, line through square and dots. */
function ChartSvg({ measure, readings, width, height, className, label }: ChartSvgProps) {
  const geometry = chartGeometry({
    baseline: { date: measure.baselineDate, value: measure.baselineValue },
    readings,
    target: measure.target,
    percent: measure.unit === 'percent',
    width,
    height,
  });
  const { plot, points, targetY } = geometry;
  const format = (value: number) => formatForMeasure(measure, value);
  const labels = chartLabels(geometry, format, measure.target === null ? null : `Target ${format(measure.target)}`);
  const a11y = label === null ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label };

  return (
    <svg className={className} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMinYMid meet" focusable="false" {...a11y}>
      <g className="measure-chart__grid">
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} />
            <text x={plot.left - 8} y={tick.position} textAnchor="end" dominantBaseline="middle">
              {format(tick.value)}
            </text>
          </g>
        ))}
      </g>
      <g className="measure-chart__axis">
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        {geometry.xTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={tick.position} x2={tick.position} y1={plot.bottom} y2={plot.bottom + 6} />
            <text x={tick.position} y={plot.bottom + 26} textAnchor="start">
              {tick.label}
            </text>
          </g>
        ))}
      </g>
      {targetY === null || labels.target === null ? null : (
        <g className="measure-chart__target">
          <line x1={plot.left} x2={plot.right} y1={targetY} y2={targetY} strokeDasharray="8 6" />
          <text x={labels.target.x} y={labels.target.y} textAnchor={labels.target.anchor}>
            {labels.target.text}
          </text>
        </g>
      )}
      <path className="measure-chart__line" d={geometry.path} fill="none" />
      {points.map((point, index) =>
        point.kind === 'baseline' ? (
          <rect key="baseline" className="measure-chart__baseline" x={point.x - 6} y={point.y - 6} width={12} height={12} />
        ) : (
          <circle key={`${point.date}-${index}`} className="measure-chart__reading" cx={point.x} cy={point.y} r={6} />
        ),
      )}
      {labels.values.map((value, index) => (
        <text key={`value-${index}`} className="measure-chart__value" x={value.x} y={value.y} textAnchor={value.anchor}>
          {value.text}
        </text>
      ))}
    </svg>
  );
}

/** The chart's numbers: the baseline, every reading and the target. */
function NumbersTable({ measure, readings, shown }: { measure: ChartMeasure; readings: readonly ChartReading[]; shown: boolean }) {
  const format = (value: number) => formatForMeasure(measure, value);
  return (
    <table className={shown ? 'data measure-chart__table' : 'visually-hidden'}>
      <caption>Readings of {measure.name}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{formatUkDate(measure.baselineDate)} (baseline)</td>
          <td>{format(measure.baselineValue)}</td>
        </tr>
        {readings.map((reading) => (
          <tr key={reading.id}>
            <td>{formatUkDate(reading.date)}</td>
            <td>{format(reading.value)}</td>
          </tr>
        ))}
      </tbody>
      {measure.target === null ? null : (
        <tfoot>
          <tr>
            <th scope="row">Target</th>
            <td>{format(measure.target)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/**
 * A measure's readings over time against its baseline (a square) and target (a dashed line),
 * with the change in words. The numbers are also a table, always there for screen readers.
 * Line, markers and words carry the meaning, never colour alone, so it prints in black.
 */
export function MeasureChart({ measure, readings, numbers = 'button' }: MeasureChartProps) {
  const { ref, width } = useMeasuredWidth();
  const [showNumbers, setShowNumbers] = useState(false);
  const words = describeMeasureChange(measure, readings);
  return (
    <figure className="measure-chart">
      <div ref={ref} className="measure-chart__frame">
        <ChartSvg measure={measure} readings={readings} width={width} height={HEIGHT} className="measure-chart__svg" label={`${measure.name}: ${words}`} />
        {/* Paper is not the screen it was drawn on: a copy drawn for a poster column prints instead. */}
        <ChartSvg {...PRINT_SIZE} measure={measure} readings={readings} className="measure-chart__svg measure-chart__svg--print" label={null} />
      </div>
      <figcaption className="measure-chart__words">{words}</figcaption>
      <p className="measure-chart__key" aria-hidden="true">
        <span className="measure-chart__key-baseline" /> baseline <span className="measure-chart__key-reading" /> reading
        {measure.target === null ? null : (
          <>
            {' '}
            <span className="measure-chart__key-target" /> target
          </>
        )}
      </p>
      {numbers === 'listed' ? null : (
        <NumbersTable measure={measure} readings={readings} shown={showNumbers} />
      )}
      {numbers === 'button' ? (
        <div className="button-row measure-chart__buttons">
          <button type="button" className="button" aria-pressed={showNumbers} onClick={() => setShowNumbers((shown) => !shown)}>
            Show the numbers
          </button>
        </div>
      ) : null}
    </figure>
  );
}
