// Team sync (issue 14): what the shell and the Data section use of it.
export { SyncButtons, SyncStatusItem } from './SyncSection'
