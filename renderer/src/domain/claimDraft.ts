import { actorAnswersTo, parseAliases, uniqueNames } from './actorMatching'
import { describeSpan, type TextSpan } from './anchoring'
import { putEdit, type RecordEdit } from './changeHistory'
import { isActorKind, newId, type Actor, type ActorKind, type Article, type Claim, type Id, type Issue, type Mention, type Stance } from './model'
import { foldText } from './text/folding'

// What the tagging forms hold before they are saved, its validation, and the records it turns
// into. A claim may bring a new actor (claimant or addressee) and a new issue along: all of
// them become edits of one change set, written in one transaction.

export type ActorChoice = { kind: 'existing'; id: Id } | { kind: 'new'; name: string; actorKind: ActorKind; aliases: string }
export type IssueChoice = { kind: 'existing'; id: Id } | { kind: 'new'; label: string }

export interface ClaimDraft {
  span: TextSpan
  actor: ActorChoice | null
  issue: IssueChoice | null
  stance: Stance | null
  date: string
  addressee: ActorChoice | null
  note: string
}

export interface MentionDraft {
  span: TextSpan
  actor: ActorChoice | null
  /** The tagged words, to add to the chosen actor's aliases ("Nujaba" for Al-Nujaba Movement). */
  addAlias?: string
}

export type ClaimField = 'actor' | 'issue' | 'stance' | 'date' | 'addressee' | 'note' | 'quote'

export interface DraftProblem {
  field: ClaimField
  message: string
}

/** 'YYYY-MM-DD' naming a real day, or ''. */
export function isValidClaimDate(value: string): boolean {
  if (value === '') return true
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function actorProblem(choice: ActorChoice | null, field: 'actor' | 'addressee', required: boolean): DraftProblem | null {
  if (choice === null) return required ? { field, message: 'Choose the actor who makes the claim, or create one.' } : null
  if (choice.kind === 'new') {
    if (choice.name.trim() === '') return { field, message: 'The new actor needs a name.' }
    if (!isActorKind(choice.actorKind)) return { field, message: 'Choose what kind of actor this is.' }
  }
  return null
}

export function validateClaimDraft(draft: ClaimDraft): DraftProblem[] {
  const problems: DraftProblem[] = []
  if (draft.span.end <= draft.span.start) problems.push({ field: 'quote', message: 'Select the words of the claim in the article first.' })
  const actor = actorProblem(draft.actor, 'actor', true)
  if (actor) problems.push(actor)
  if (draft.issue === null) problems.push({ field: 'issue', message: 'Choose the issue from the codebook, or create one.' })
  else if (draft.issue.kind === 'new' && draft.issue.label.trim() === '') problems.push({ field: 'issue', message: 'The new issue needs a label.' })
  if (draft.stance === null) problems.push({ field: 'stance', message: 'Choose a stance from −2 (strongly against) to +2 (strongly for).' })
  if (!isValidClaimDate(draft.date.trim())) problems.push({ field: 'date', message: 'Give the date as YYYY-MM-DD (a real day), or leave it empty.' })
  const addressee = actorProblem(draft.addressee, 'addressee', false)
  if (addressee) problems.push(addressee)
  return problems
}

export function validateMentionDraft(draft: MentionDraft): DraftProblem[] {
  const problems: DraftProblem[] = []
  if (draft.span.end <= draft.span.start) problems.push({ field: 'quote', message: 'Select the actor’s name in the article first.' })
  const actor = actorProblem(draft.actor, 'actor', true)
  if (actor) problems.push({ field: 'actor', message: actor.message.replace('who makes the claim', 'this text names') })
  return problems
}

export function newActorRecord(choice: Extract<ActorChoice, { kind: 'new' }>, now: string, coderId: Id = ''): Actor {
  const name = choice.name.trim().replace(/\s+/g, ' ')
  return {
    id: newId(),
    name,
    kind: choice.actorKind.trim(),
    aliases: parseAliases(choice.aliases).filter((alias) => foldText(alias) !== foldText(name)),
    notes: '',
    createdAt: now,
    updatedAt: now,
    attributes: {},
    updatedBy: coderId,
  }
}

export function newIssueRecord(label: string, now: string, description = '', coderId: Id = ''): Issue {
  return {
    id: newId(),
    label: label.trim().replace(/\s+/g, ' '),
    description: description.trim(),
    parentId: null,
    createdAt: now,
    updatedAt: now,
    code: '',
    updatedBy: coderId,
  }
}

/** Resolves actor choices to ids, creating each new actor once even if chosen twice. */
function actorResolver(now: string, edits: RecordEdit[], coderId: Id): (choice: ActorChoice | null) => Id | null {
  const created = new Map<string, Actor>()
  return (choice) => {
    if (choice === null) return null
    if (choice.kind === 'existing') return choice.id
    const key = foldText(choice.name)
    const known = created.get(key)
    if (known) return known.id
    const actor = newActorRecord(choice, now, coderId)
    created.set(key, actor)
    edits.push(putEdit('actors', actor))
    return actor.id
  }
}

/**
 * The records a valid claim draft becomes: any new actors and issue, then the claim (new, or
 * `existing` updated in place). The anchor is described afresh from the current body. A new
 * claim is coded by `coderId`; an edit keeps its coder and records `coderId` as its editor.
 */
export function buildClaimEdits(draft: ClaimDraft, context: { article: Article; existing?: Claim; now: string; coderId: Id }): { claim: Claim; edits: RecordEdit[] } {
  const problems = validateClaimDraft(draft)
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join(' '))
  const { article, existing, now, coderId } = context
  const edits: RecordEdit[] = []
  const resolveActor = actorResolver(now, edits, coderId)
  const actorId = resolveActor(draft.actor)!
  const addresseeId = resolveActor(draft.addressee)
  let issueId: Id
  if (draft.issue!.kind === 'existing') {
    issueId = draft.issue!.id
  } else {
    const issue = newIssueRecord(draft.issue!.label, now, '', coderId)
    edits.push(putEdit('issues', issue))
    issueId = issue.id
  }
  const claim: Claim = {
    id: existing?.id ?? newId(),
    articleId: article.id,
    actorId,
    // The form edits one issue: the claim's first. Any others it carries stay.
    issueIds: [...new Set([issueId, ...(existing?.issueIds.slice(1) ?? [])])],
    stance: draft.stance!,
    date: draft.date.trim(),
    addresseeId,
    note: draft.note.trim(),
    anchor: describeSpan(article.body, draft.span),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    coderId: existing?.coderId ?? coderId,
    updatedBy: coderId,
    externalId: existing?.externalId ?? '',
    attributes: existing?.attributes ?? {},
    adjudicatedFrom: existing?.adjudicatedFrom ?? [],
  }
  edits.push(putEdit('claims', claim))
  return { claim, edits }
}

export function buildMentionEdits(
  draft: MentionDraft,
  context: { article: Article; existing?: Mention; now: string; coderId: Id; /** The chosen existing actor, when an alias is to be added. */ actor?: Actor },
): { mention: Mention; edits: RecordEdit[] } {
  const problems = validateMentionDraft(draft)
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join(' '))
  const { article, existing, now, actor, coderId } = context
  const edits: RecordEdit[] = []
  const actorId = actorResolver(now, edits, coderId)(draft.actor)!
  const alias = draft.addAlias?.trim().replace(/\s+/g, ' ') ?? ''
  if (alias !== '') {
    if (draft.actor?.kind === 'new') {
      const created = edits.find((edit) => edit.table === 'actors')?.after as Actor | undefined
      if (created && !actorAnswersTo(created, alias)) edits[0] = putEdit('actors', { ...created, aliases: uniqueNames([...created.aliases, alias], [created.name]) })
    } else if (actor && actor.id === actorId && !actorAnswersTo(actor, alias)) {
      edits.push(putEdit('actors', { ...actor, aliases: uniqueNames([...actor.aliases, alias], [actor.name]), updatedAt: now, updatedBy: coderId }))
    }
  }
  const mention: Mention = {
    id: existing?.id ?? newId(),
    articleId: article.id,
    actorId,
    anchor: describeSpan(article.body, draft.span),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    coderId: existing?.coderId ?? coderId,
    updatedBy: coderId,
  }
  edits.push(putEdit('mentions', mention))
  return { mention, edits }
}
