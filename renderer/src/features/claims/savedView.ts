import { db } from '../../db/instance'
import { readSetting } from '../../db/repositories/settings'
import { CLAIMS_TABLE_VIEW, type ClaimsTableView } from '../../domain/claims/view'

// The claims table's saved columns, widths and sort, read once per session. A module of its own
// so the app can ask for it as it starts without loading the table's code (viewState.ts brings
// the filters and the columns with it).

let saved: Promise<ClaimsTableView | null> | null = null

/** The saved setup; the first call reads it. A failed read rejects (the table keeps its defaults). */
export function readSavedClaimsView(): Promise<ClaimsTableView | null> {
  saved ??= readSetting(db, CLAIMS_TABLE_VIEW)
  return saved
}

/**
 * Reads the saved setup now (the app calls it as it starts), so the table's first render is
 * sorted as the analyst left it rather than by default and then again.
 */
export function restoreClaimsView(): void {
  readSavedClaimsView().catch(() => undefined)
}
