import { DataSection } from '../features/export'
import { TeamSection } from '../features/team'
import { buildHash, followRouteLink, SCREEN_LABELS, SCREENS, type Screen } from '../shared/routing'

const ICONS: Record<Screen, string> = {
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM16.2 4.6l3.8-1 4 15.4-3.9 1z',
  claims: 'M8 6h13M8 12h13M8 18h13M3 6h1.5M3 12h1.5M3 18h1.5',
  positions: 'M3 3h18v18H3zM3 9h18M3 15h18M9 3v18M15 3v18',
  actors: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-7 8-7s8 3 8 7',
  codebook: 'M5 3h11l3 3v15H5zM8 8h8M8 12h8M8 16h5',
  agreement: 'M4 12l4 4 8-8M9 12l4 4 8-8',
}

/** `onIntent`: the pointer or focus reached a screen's link, a moment before a likely click. */
export function Sidebar({ current, onIntent }: { current: Screen; onIntent?: (screen: Screen) => void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" stroke="currentColor" strokeWidth="2.4" fill="none" strokeLinecap="round" />
        </svg>
        <span>Standpoint</span>
      </div>
      <ul>
        {SCREENS.map((screen, index) => (
          <li key={screen}>
            <a
              href={buildHash(screen)}
              className="nav-link"
              aria-current={screen === current ? 'page' : undefined}
              onClick={followRouteLink}
              onPointerEnter={() => onIntent?.(screen)}
              onFocus={() => onIntent?.(screen)}
              title={index < 9 ? `${SCREEN_LABELS[screen]} (Alt+${index + 1})` : SCREEN_LABELS[screen]}
            >
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                <path d={ICONS[screen]} stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinejoin="round" />
              </svg>
              {SCREEN_LABELS[screen]}
            </a>
          </li>
        ))}
      </ul>
      <TeamSection />
      <DataSection />
    </nav>
  )
}
