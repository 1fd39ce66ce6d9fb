import type { StandpointDB } from '../../db/database'
import { followJournal, type JournalChanges } from '../../db/journal'
import { readClaimsTable, readJournaledRecords, saveClaimsTableArticles } from '../../db/queries/claimsTable'
import { whenIdleAndQuiet } from '../../domain/timeSlices'
import { claimArticle, claimRow, type ClaimArticle } from '../../domain/claims/rows'
import { applyChangedRecords, buildClaimsTableData, type ClaimsTableData } from '../../domain/claims/tableState'
import type { Coder, Id } from '../../domain/model'

// The claims table's data, kept in memory and in step with the workspace: read whole once (in
// slices, with progress), then every write is applied from the change journal: one small read
// of the journal and of the records it names, never all the claims again. No React here, so
// the benchmark page can drive it as the screen does.

export interface ClaimsSourceState {
  data: ClaimsTableData | null
  /** The coders as first read (the screen then follows them live with the assignments). */
  coders: readonly Coder[]
  /** 0..1 while the first read is under way, else null. */
  progress: number | null
  error: unknown
  /** How many journal batches have been applied, and how many full reads made: for tests and the bench. */
  applied: number
  reads: number
}

export class ClaimsSource {
  state: ClaimsSourceState = { data: null, coders: [], progress: null, error: null, applied: 0, reads: 0 }
  private unfollow: (() => void) | null = null
  private queue: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly db: StandpointDB,
    private readonly onChange: () => void,
  ) {}

  /** Reads everything and starts following the journal. */
  start(): Promise<void> {
    this.stopped = false
    return this.load()
  }

  stop(): void {
    this.stopped = true
    this.unfollow?.()
    this.unfollow = null
  }

  /** Resolves once every batch received so far has been applied. */
  settled(): Promise<void> {
    return this.queue
  }

  private set(patch: Partial<ClaimsSourceState>): void {
    this.state = { ...this.state, ...patch }
    this.onChange()
  }

  private async load(): Promise<void> {
    this.unfollow?.()
    this.unfollow = null
    this.set({ progress: 0, reads: this.state.reads + 1 })
    try {
      const snapshot = await readClaimsTable(this.db, claimRow, (progress) => {
        if (!this.stopped) this.set({ progress })
      })
      if (this.stopped) return
      const data = buildClaimsTableData(snapshot)
      this.set({ data, coders: snapshot.coders, progress: null, error: null })
      if (snapshot.articlesStale) {
        const { head, articles } = snapshot
        // A cache for the next cold open: failing to store it costs that open a whole read.
        whenIdleAndQuiet(() => void saveClaimsTableArticles(this.db, head, articles).catch(() => undefined))
      }
      this.unfollow = followJournal(
        this.db,
        snapshot.head,
        (changes) => {
          this.queue = this.queue.then(() => this.apply(changes))
        },
        (error) => this.set({ error }),
      )
    } catch (error) {
      if (!this.stopped) this.set({ progress: null, error })
    }
  }

  private async apply(changes: JournalChanges): Promise<void> {
    if (this.stopped) return
    // Entries we never saw were pruned away: only a full read can be trusted now.
    if (!changes.complete) return this.load()
    const claims = new Set<Id>()
    const actors = new Set<Id>()
    const articles = new Set<Id>()
    let issues = false
    for (const entry of changes.entries) {
      if (entry.table === 'claims') claims.add(entry.id)
      else if (entry.table === 'actors') actors.add(entry.id)
      else if (entry.table === 'articles') articles.add(entry.id)
      else if (entry.table === 'issues') issues = true
    }
    if (claims.size + actors.size + articles.size === 0 && !issues) return
    const known = this.state.data?.articles
    try {
      // Articles matter only as the claims' articles: one no claim names (an import of texts)
      // is read when a claim first names it.
      const records = await readJournaledRecords(this.db, { claims: [...claims], actors: [...actors], issues, articles: [...articles].filter((id) => known?.has(id)) })
      const missing = new Set<Id>()
      for (const claim of records.claims.values()) if (claim && !known?.has(claim.articleId) && !records.articles.has(claim.articleId)) missing.add(claim.articleId)
      if (missing.size > 0) {
        for (const [id, article] of (await readJournaledRecords(this.db, { claims: [], actors: [], issues: false, articles: [...missing] })).articles) records.articles.set(id, article)
      }
      const current = this.state.data
      if (this.stopped || !current) return
      const articleInfo = new Map<Id, ClaimArticle | undefined>()
      for (const [id, article] of records.articles) articleInfo.set(id, article && claimArticle(article))
      const data = applyChangedRecords(current, { claims: records.claims, actors: records.actors, issues: records.issues, articles: articleInfo })
      this.set({ data, applied: this.state.applied + 1 })
    } catch (error) {
      this.set({ error })
    }
  }
}
