import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import type { Bucket } from '../../domain/positions/buckets'
import { formatMean, formatSigned } from '../../domain/positions/format'
import type { PositionRow } from '../../domain/positions/rows'

// Stance over time for the rows the analyst ticked: one line per row, drawn with uPlot. The x
// axis is the table's bucket columns, evenly spaced like the table, so the chart reads as the
// table's rows drawn as lines.

export const MAX_TIMELINE_ROWS = 8

// Okabe–Ito colours (colour-blind safe), paired with dash patterns so lines differ in more than hue.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8c6d1f']
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]]

export function seriesStyle(index: number): { stroke: string; dash: number[] } {
  return { stroke: COLOURS[index % COLOURS.length]!, dash: DASHES[Math.floor(index / 2) % DASHES.length]! }
}

const HEIGHT = 200

export function Timeline({ rows, buckets, bucketOffset }: { rows: PositionRow[]; buckets: Bucket[]; bucketOffset: number }) {
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const target = container.current
    if (!target || rows.length === 0 || buckets.length === 0) return
    const xs = buckets.map((_, index) => index)
    const lines = rows.map((row) => buckets.map((_, index) => row.series?.byBucket.get(bucketOffset + index)?.mean ?? null))
    const label = (value: number): string => (Number.isInteger(value) ? (buckets[value]?.key ?? '') : '')
    // Canvas text does not follow CSS: take the theme's colours (light or dark) from the page.
    const style = getComputedStyle(target)
    const ink = style.getPropertyValue('--text-muted').trim() || '#5d6778'
    const grid = style.getPropertyValue('--border').trim() || '#d7dce3'
    const surface = style.getPropertyValue('--surface').trim() || '#ffffff'
    const plot = new uPlot(
      {
        width: Math.max(320, target.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, buckets.length - 0.5)] }, y: { range: [-2.25, 2.25] } },
        axes: [
          {
            values: (_plot, splits) => splits.map(label),
            incrs: [1, 2, 3, 4, 6, 12, 13, 26, 52, 104, 365],
            space: 64,
            stroke: ink,
            grid: { show: false },
            ticks: { stroke: grid },
          },
          {
            values: (_plot, splits) => splits.map((value) => (Number.isInteger(value) ? formatSigned(value) : '')),
            incrs: [1],
            size: 40,
            stroke: ink,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
          },
        ],
        series: [
          { label: 'Bucket', value: (_plot, value) => (value === null ? '' : label(value)) },
          ...rows.map((row, index) => ({
            label: `${row.actorName} · ${row.issueLabel}`,
            ...seriesStyle(index),
            width: 2,
            // A position holds until the actor says otherwise: draw through empty buckets.
            spanGaps: true,
            points: { show: true, size: 7, fill: surface },
            value: (_plot: uPlot, value: number | null) => (value === null ? '—' : formatMean(value)),
          })),
        ],
        cursor: { drag: { x: false, y: false } },
        legend: { live: true },
      },
      [xs, ...lines],
      target,
    )
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, target.clientWidth), height: HEIGHT }))
    observer.observe(target)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [rows, buckets, bucketOffset])

  const described = rows.map((row) => `${row.actorName} on ${row.issueLabel}`).join('; ')
  return (
    <figure className="positions-timeline-figure">
      <figcaption className="visually-hidden">Stance over time, from −2 to +2, for {described}</figcaption>
      <div ref={container} className="positions-timeline-chart" />
    </figure>
  )
}
