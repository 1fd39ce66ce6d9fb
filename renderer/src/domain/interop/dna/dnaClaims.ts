import type { DnaEntity, DnaProject, DnaStatement, DnaVariable } from './types'

// The analyst's choices for turning DNA statements into claims, and the claims they give, still
// in DNA's terms: which statement type holds claims, which short-text variable names the
// claimant (person or organisation), which one the issue (concept), and what agreement means as
// a stance. The later mapping to Standpoint's model only swaps entities for actors and issues.

export interface DnaClaimChoice {
  statementTypeId: number
  claimantVariableId: number
  issueVariableId: number
  /** A boolean variable (agreement) or an integer one; null when stance is not coded. */
  stanceVariableId: number | null
  /** Stance for a boolean true / false; DNA's agreement 1 / 0 is in favour / against. */
  stanceWhenTrue: number
  stanceWhenFalse: number
}

export interface DnaClaimDraft {
  statement: DnaStatement
  claimant: DnaEntity
  issue: DnaEntity
  /** −2..+2, or null when no stance variable was chosen. */
  stance: number | null
  /** The statement's other values by variable name (the unchosen person or organisation, notes...). */
  extra: Record<string, string | number | boolean>
}

export interface DnaClaimPlan {
  drafts: DnaClaimDraft[]
  skipped: { statementId: number; reason: string }[]
}

export const STANCE_RANGE = { min: -2, max: 2 } as const

/**
 * DNA's own conventions: the 'DNA Statement' type (else the one with most statements),
 * organisation as claimant (else person), concept as issue, agreement 1 → +1 and 0 → −1.
 */
export function suggestClaimChoice(project: DnaProject): DnaClaimChoice | null {
  const counts = new Map<number, number>()
  for (const statement of project.statements) counts.set(statement.statementTypeId, (counts.get(statement.statementTypeId) ?? 0) + 1)
  const candidates = project.statementTypes.filter((type) => shortText(type.variables).length >= 2)
  const type =
    candidates.find((candidate) => candidate.label.trim().toLowerCase() === 'dna statement') ??
    [...candidates].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0]
  if (!type) return null
  const texts = shortText(type.variables)
  const named = (...names: string[]) => texts.find((variable) => names.includes(variable.name.trim().toLowerCase()))
  const claimant = named('organization', 'organisation') ?? named('person') ?? texts[0]!
  const issue = named('concept') ?? texts.find((variable) => variable !== claimant)!
  const stance =
    type.variables.find((variable) => variable.dataType === 'boolean' && variable.name.trim().toLowerCase() === 'agreement') ??
    type.variables.find((variable) => variable.dataType === 'boolean' || variable.dataType === 'integer') ??
    null
  return { statementTypeId: type.id, claimantVariableId: claimant.id, issueVariableId: issue.id, stanceVariableId: stance?.id ?? null, stanceWhenTrue: 1, stanceWhenFalse: -1 }
}

/** Every statement becomes a draft claim or is skipped with its reason. */
export function planClaims(project: DnaProject, choice: DnaClaimChoice): DnaClaimPlan {
  const type = project.statementTypes.find((candidate) => candidate.id === choice.statementTypeId)
  const entities = new Map(project.entities.map((entity) => [entity.id, entity]))
  const variables = new Map(project.statementTypes.flatMap((candidate) => candidate.variables).map((variable) => [variable.id, variable]))
  const name = (id: number | null) => (id === null ? '' : (variables.get(id)?.name ?? `variable ${id}`))
  const drafts: DnaClaimDraft[] = []
  const skipped: DnaClaimPlan['skipped'] = []
  for (const statement of project.statements) {
    const skip = (reason: string) => skipped.push({ statementId: statement.id, reason })
    if (statement.statementTypeId !== choice.statementTypeId) {
      const other = project.statementTypes.find((candidate) => candidate.id === statement.statementTypeId)
      skip(`It is a "${other?.label ?? statement.statementTypeId}" statement; claims come from "${type?.label ?? choice.statementTypeId}".`)
      continue
    }
    const entityOf = (variableId: number): DnaEntity | null => {
      const value = statement.values[variableId]
      if (value?.dataType !== 'short text' || value.text.trim() === '') return null
      return entities.get(value.entityId) ?? null
    }
    const claimant = entityOf(choice.claimantVariableId)
    if (!claimant) {
      skip(`It names no ${name(choice.claimantVariableId)}, the claimant.`)
      continue
    }
    const issue = entityOf(choice.issueVariableId)
    if (!issue) {
      skip(`It names no ${name(choice.issueVariableId)}, the issue.`)
      continue
    }
    let stance: number | null = null
    if (choice.stanceVariableId !== null) {
      const value = statement.values[choice.stanceVariableId]
      if (value?.dataType === 'boolean') stance = value.value ? choice.stanceWhenTrue : choice.stanceWhenFalse
      else if (value?.dataType === 'integer') {
        if (value.value < STANCE_RANGE.min || value.value > STANCE_RANGE.max) {
          skip(`Its ${name(choice.stanceVariableId)} is ${value.value}, outside the stance scale −2 to +2.`)
          continue
        }
        stance = value.value
      } else {
        skip(`It has no ${name(choice.stanceVariableId)}, the stance.`)
        continue
      }
    }
    const chosen = new Set([choice.claimantVariableId, choice.issueVariableId, choice.stanceVariableId])
    const extra: DnaClaimDraft['extra'] = {}
    for (const [key, value] of Object.entries(statement.values)) {
      const variableId = Number(key)
      if (chosen.has(variableId)) continue
      const text = value.dataType === 'short text' || value.dataType === 'long text' ? value.text : value.value
      if (text !== '') extra[name(variableId)] = text
    }
    drafts.push({ statement, claimant, issue, stance, extra })
  }
  return { drafts, skipped }
}

function shortText(variables: DnaVariable[]): DnaVariable[] {
  return variables.filter((variable) => variable.dataType === 'short text')
}
