// Team coding as the rest of the app sees it: the sidebar's Team section, the status bar's
// coder switcher, the first-start question, and what the reader needs for blind coding and
// for comparing coders (visibility, coder marks, the adjudication panel).
export { TeamSection } from './TeamSection'
export { CoderSwitcher } from './CoderSwitcher'
export { CoderPrompt } from './CoderPrompt'
export { useCodingView, useCodersById, useCoderState, type CodingView } from './useCoding'
export { useReaderCoding, ADJUDICATED_MARK, type CoderMark, type ReaderCoding } from './readerCoding'
export { AdjudicationPanel } from './AdjudicationPanel'
export { openTeamDialog } from './teamDialogs'
