import type { AgreementReport } from '../agreement/report'
import { claimsAgreeFully, issueSetKey, type CodedClaim } from '../agreement/units'
import { newId, type Claim, type Id } from '../model'

// Disagreements and their adjudication. A disagreement is a paired unit whose claims differ in
// actor, issue set or stance, or a claim no other coder has a match for. The adjudicator accepts
// one version, writes a merged one, or rejects them all; an accepted or merged version becomes
// an adjudicated claim (adjudicatedFrom = the unit's claims, coderId = the adjudicator), which
// is what "Adjudicated only" shows.

export type DifferingField = 'actor' | 'issues' | 'stance'

export type AdjudicationStatus = { kind: 'open' } | { kind: 'adjudicated'; claimIds: Id[] } | { kind: 'rejected' }

export interface Disagreement {
  /** The unit's claim ids, sorted, joined by '+' (for an unpaired claim: its id). */
  key: string
  articleId: Id
  kind: 'differs' | 'unpaired'
  /** One entry per compared coder, in coder order; null where that coder has no claim here. */
  claims: readonly (CodedClaim | null)[]
  differing: DifferingField[]
  start: number
  end: number
  status: AdjudicationStatus
}

/** The key of a unit made of these claims. */
export function unitKey(claimIds: readonly Id[]): string {
  return [...claimIds].sort().join('+')
}

/** Which adjudicated claims settle which unit: by the set of claims they were decided from. */
export function adjudicationsByUnit(adjudicated: readonly Pick<Claim, 'id' | 'adjudicatedFrom'>[]): Map<string, Id[]> {
  const byUnit = new Map<string, Id[]>()
  for (const claim of adjudicated) {
    if (claim.adjudicatedFrom.length === 0) continue
    const key = unitKey(claim.adjudicatedFrom)
    const list = byUnit.get(key)
    if (list) list.push(claim.id)
    else byUnit.set(key, [claim.id])
  }
  return byUnit
}

function differingFields(claims: readonly CodedClaim[]): DifferingField[] {
  const [first, ...rest] = claims
  if (!first) return []
  const fields: DifferingField[] = []
  if (rest.some((claim) => claim.actorId !== first.actorId)) fields.push('actor')
  if (rest.some((claim) => issueSetKey(claim.issueIds) !== issueSetKey(first.issueIds))) fields.push('issues')
  if (rest.some((claim) => claim.stance !== first.stance)) fields.push('stance')
  return fields
}

/**
 * Every paired unit that differs and every unpaired claim, in article order as the report
 * lists them, with how far each was adjudicated.
 */
export function listDisagreements(report: AgreementReport, adjudicated: ReadonlyMap<string, Id[]>, rejected: ReadonlySet<string>): Disagreement[] {
  const status = (key: string): AdjudicationStatus => {
    const ids = adjudicated.get(key)
    if (ids) return { kind: 'adjudicated', claimIds: ids }
    return rejected.has(key) ? { kind: 'rejected' } : { kind: 'open' }
  }
  const articleOrder = new Map(report.articleIds.map((id, index) => [id, index]))
  const list: Disagreement[] = []
  for (const unit of report.units) {
    const present = unit.claims.filter((claim): claim is CodedClaim => claim !== null)
    if (claimsAgreeFully(present)) continue
    list.push({ key: unit.key, articleId: unit.articleId, kind: 'differs', claims: unit.claims, differing: differingFields(present), start: unit.start, end: unit.end, status: status(unit.key) })
  }
  report.unpaired.forEach((claims, coder) => {
    for (const { claim } of claims) {
      const row = report.coderIds.map((_, index) => (index === coder ? claim : null))
      list.push({ key: claim.id, articleId: claim.articleId, kind: 'unpaired', claims: row, differing: [], start: claim.start, end: claim.end, status: status(claim.id) })
    }
  })
  return list.sort((a, b) => (articleOrder.get(a.articleId) ?? 0) - (articleOrder.get(b.articleId) ?? 0) || a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : 1))
}

/** Units whose claims agree fully and are not adjudicated yet: accepted in one go by "Accept agreeing units". */
export function agreeingOpenUnits(report: AgreementReport, adjudicated: ReadonlyMap<string, Id[]>, rejected: ReadonlySet<string>): { key: string; claimIds: Id[] }[] {
  const out: { key: string; claimIds: Id[] }[] = []
  for (const unit of report.units) {
    const present = unit.claims.filter((claim): claim is CodedClaim => claim !== null)
    if (!claimsAgreeFully(present) || adjudicated.has(unit.key) || rejected.has(unit.key)) continue
    out.push({ key: unit.key, claimIds: present.map((claim) => claim.id) })
  }
  return out
}

/** The fields of a claim an adjudicator decides; the quote comes from one of the sources. */
export type AdjudicatedFields = Pick<Claim, 'actorId' | 'issueIds' | 'stance' | 'date' | 'addresseeId' | 'note' | 'anchor' | 'attributes'>

/** The adjudicated claim: the decided fields on the sources' article, coded by the adjudicator. */
export function adjudicatedClaim(sources: readonly Claim[], fields: AdjudicatedFields, adjudicatorId: Id, now: string, id: Id = newId()): Claim {
  const first = sources[0]
  if (!first) throw new Error('An adjudicated claim is decided from at least one claim.')
  if (sources.some((claim) => claim.articleId !== first.articleId)) throw new Error('The claims to adjudicate are on different articles.')
  if (fields.issueIds.length === 0) throw new Error('An adjudicated claim needs at least one issue.')
  return {
    id,
    articleId: first.articleId,
    actorId: fields.actorId,
    issueIds: [...new Set(fields.issueIds)],
    stance: fields.stance,
    date: fields.date,
    addresseeId: fields.addresseeId,
    note: fields.note,
    anchor: { ...fields.anchor },
    attributes: structuredClone(fields.attributes),
    createdAt: now,
    updatedAt: now,
    coderId: adjudicatorId,
    updatedBy: adjudicatorId,
    externalId: '',
    adjudicatedFrom: sources.map((claim) => claim.id).sort(),
  }
}

/** A source claim's fields, as "accept this version" takes them. */
export function fieldsOf(claim: Claim): AdjudicatedFields {
  return { actorId: claim.actorId, issueIds: claim.issueIds, stance: claim.stance, date: claim.date, addresseeId: claim.addresseeId, note: claim.note, anchor: claim.anchor, attributes: claim.attributes }
}
