import type { TextSpan } from '../../domain/anchoring'
import type { Actor } from '../../domain/model'
import type { SuggestedMention } from '../../domain/suggestedMentions'

export interface SuggestionRequest {
  id: number
  body: string
  actors: readonly Actor[]
  taken: readonly TextSpan[]
  dismissed: readonly string[]
}

export type SuggestionResponse = { id: number; suggestions: SuggestedMention[] } | { id: number; error: string }
