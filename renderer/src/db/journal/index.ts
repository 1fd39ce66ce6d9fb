// The change journal: every write to a synced table, in commit order, with tombstones for
// deletions (MODEL-V4.md, "The change journal").
export { changesSince, followJournal, journalHead, loadAndFollowJournal, pruneJournal, readCheckpoint, removeCheckpoint, saveCheckpoint, type JournalChanges } from './changes'
export { JOURNALED_TABLES, isLocalSettingKey, type JournalEntry, type JournalOp, type JournalOrigin, type JournalRow, type JournaledTable, type JournalTuning } from './entries'
export { JOURNAL_MIDDLEWARE, journalMiddleware } from './middleware'
export { markRemote, setJournalMode, type JournalMode } from './modes'
