import { formatSigned } from '../../domain/positions/format'

/** What the colours, the small numbers and the marker mean; every step carries its sign. */
export function Legend() {
  return (
    <p className="positions-legend" aria-label="Legend">
      <span className="muted">Mean stance</span>
      {(['m2', 'm1', '0', 'p1', 'p2'] as const).map((tone, index) => (
        <span key={tone} className={`legend-swatch tone-${tone}`}>
          {formatSigned(index - 2)}
        </span>
      ))}
      <span className="muted">·n claims</span>
      <span className="legend-shift">
        <span className="shift-marker legend-marker" aria-hidden="true">
          ⇄
        </span>
        <span className="muted">shift: changed sign</span>
      </span>
    </p>
  )
}
