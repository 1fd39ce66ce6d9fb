import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import type { PositionCell } from '../../domain/positions/engine'
import { formatMean, formatSigned } from '../../domain/positions/format'
import type { PositionRow, ViewBucket } from '../../domain/positions/rows'

// Stance over time for the rows the analyst ticked, as small multiples: one panel per row, all
// on the same axes (the table's period columns across, stance −2…+2 up, the zero line drawn
// heavier), so rows compare by position, not by colour. The line is neutral ink: no series
// colour competes with the red–blue stance scale. A change of sign (a shift) is marked with a
// dashed line at its period; hovering a point tells the period, the mean and how many claims
// it rests on.

export const MAX_TIMELINE_ROWS = 24

const HEIGHT = 120

function cssColour(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback
}

function Panel({ row, buckets }: { row: PositionRow; buckets: ViewBucket[] }) {
  const container = useRef<HTMLDivElement>(null)
  const readout = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    const target = container.current
    if (!target || buckets.length === 0) return
    const cells: (PositionCell | undefined)[] = buckets.map((entry) => row.series?.byOrdinal.get(entry.ordinal))
    const xs = buckets.map((_, index) => index)
    const means = cells.map((cell) => cell?.mean ?? null)
    const label = (value: number): string => (Number.isInteger(value) ? (buckets[value]?.bucket.key ?? '') : '')
    // Canvas text does not follow CSS: take the theme's colours (light or dark) from the page.
    const ink = cssColour(target, '--text', '#1d2330')
    const muted = cssColour(target, '--text-muted', '#5d6778')
    const grid = cssColour(target, '--border', '#d7dce3')
    const surface = cssColour(target, '--surface', '#ffffff')
    const against = cssColour(target, '--stance-m1', '#ef8a62')
    const favour = cssColour(target, '--stance-p1', '#67a9cf')
    const describe = (index: number | null | undefined): string => {
      if (index === null || index === undefined) return 'Hover a point for its period, mean and claims.'
      const cell = cells[index]
      const period = buckets[index]?.bucket.key ?? ''
      if (!cell) return `${period}: no claims`
      return `${period}: mean ${formatMean(cell.mean)} from ${cell.count} ${cell.count === 1 ? 'claim' : 'claims'}${cell.shift ? ' (shift: the sign changed)' : ''}`
    }
    const plot = new uPlot(
      {
        width: Math.max(240, target.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 9 } },
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, buckets.length - 0.5)] }, y: { range: [-2.3, 2.3] } },
        axes: [
          {
            values: (_plot, splits) => splits.map(label),
            incrs: [1, 2, 3, 4, 6, 12, 13, 26, 52, 104, 365],
            space: 64,
            stroke: muted,
            size: 26,
            grid: { show: false },
            ticks: { stroke: grid },
          },
          {
            label: 'Stance',
            labelSize: 14,
            labelFont: '11px system-ui, sans-serif',
            values: (_plot, splits) => splits.map((value) => (Number.isInteger(value) ? formatSigned(value) : '')),
            incrs: [1],
            // Every whole stance labelled, −2 to +2, even on a short panel.
            space: 10,
            size: 34,
            stroke: muted,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
          },
        ],
        series: [{}, { stroke: ink, width: 2, spanGaps: true, points: { show: true, size: 7, fill: surface, stroke: ink } }],
        hooks: {
          // Faint bands behind the plot say which side is for and which against; the zero line is heavier.
          drawClear: [
            (u) => {
              const { ctx } = u
              const { left, width } = u.bbox
              const zero = u.valToPos(0, 'y', true)
              const top = u.valToPos(2.3, 'y', true)
              const bottom = u.valToPos(-2.3, 'y', true)
              ctx.save()
              ctx.globalAlpha = 0.1
              ctx.fillStyle = favour
              ctx.fillRect(left, top, width, zero - top)
              ctx.fillStyle = against
              ctx.fillRect(left, zero, width, bottom - zero)
              ctx.restore()
            },
          ],
          draw: [
            (u) => {
              const { ctx } = u
              const { left, top, width, height } = u.bbox
              const zero = u.valToPos(0, 'y', true)
              ctx.save()
              ctx.strokeStyle = ink
              ctx.lineWidth = 1.5
              ctx.beginPath()
              ctx.moveTo(left, zero)
              ctx.lineTo(left + width, zero)
              ctx.stroke()
              ctx.setLineDash([4, 3])
              ctx.lineWidth = 1
              cells.forEach((cell, index) => {
                if (!cell?.shift) return
                const x = u.valToPos(index, 'x', true)
                ctx.beginPath()
                ctx.moveTo(x, top)
                ctx.lineTo(x, top + height)
                ctx.stroke()
              })
              ctx.restore()
            },
          ],
          setCursor: [
            (u) => {
              if (readout.current) readout.current.textContent = describe(u.cursor.idx)
            },
          ],
        },
      },
      [xs, means],
      target,
    )
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(240, target.clientWidth), height: HEIGHT }))
    observer.observe(target)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [row, buckets])

  const series = row.series
  return (
    <figure className="timeline-panel">
      <figcaption>
        <span className="timeline-title" dir="auto">
          {row.label} · {row.issueLabel}
        </span>{' '}
        <span className="muted">
          · {series ? `${series.count} ${series.count === 1 ? 'claim' : 'claims'}, first ${formatSigned(series.firstStance)}, last ${formatSigned(series.lastStance)}${series.reversals > 0 ? `, ${series.reversals} ${series.reversals === 1 ? 'shift' : 'shifts'}` : ''}` : 'no claims'}
        </span>
      </figcaption>
      <div ref={container} className="timeline-chart" role="img" aria-label={`Stance of ${row.label} on ${row.issueLabel} over time, from −2 to +2`} />
      <p ref={readout} className="timeline-readout muted" aria-live="polite">
        Hover a point for its period, mean and claims.
      </p>
    </figure>
  )
}

export function Timeline({ rows, buckets }: { rows: PositionRow[]; buckets: ViewBucket[] }) {
  return (
    <div className="timeline-panels">
      {rows.map((row) => (
        <Panel key={row.id} row={row} buckets={buckets} />
      ))}
    </div>
  )
}
