import { Screen } from '../../app/ui/Screen'

export function PositionsScreen() {
  return (
    <Screen title="Positions">
      <p className="muted">The positions table is being built.</p>
    </Screen>
  )
}
