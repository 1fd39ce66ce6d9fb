import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { computeAgreement, type AgreementReport } from '../../domain/agreement/report'
import { agreementTable } from '../../domain/agreement/table'
import type { AgreementInput } from '../../domain/agreement/units'
import { db } from '../../db/instance'
import { readAgreementSource, type AgreementSource } from '../../db/queries/agreement'
import { adjudicationsByUnit, listDisagreements } from '../../domain/team/adjudication'
import type { Id } from '../../domain/model'
import { navigate, useRoute } from '../../shared/routing'
import { EmptyState, Screen } from '../../shared/ui/Screen'
import { exportShownTable } from '../export'
import { openTeamDialog } from '../team'
import { CoderTables } from './CoderTables'
import { DisagreementList } from './DisagreementList'
import { FigureTables } from './FigureTables'

// What the analyst set up survives leaving the screen and coming back (from the reader, after
// adjudicating a disagreement).
const memory: { assignmentId: Id | null; coderIds: Id[] | null } = { assignmentId: null, coderIds: null }

function remember(patch: Partial<typeof memory>): void {
  Object.assign(memory, patch)
}

export function AgreementScreen() {
  const routeAssignment = useRoute().params.get('assignment')
  const [assignmentId, setAssignmentIdState] = useState<Id | null>(routeAssignment ?? memory.assignmentId)
  const [chosenCoders, setChosenCodersState] = useState<Id[] | null>(routeAssignment && routeAssignment !== memory.assignmentId ? null : memory.coderIds)
  const source = useLiveQuery(() => readAgreementSource(db, assignmentId), [assignmentId])
  const setAssignment = (id: Id | null): void => {
    remember({ assignmentId: id, coderIds: null })
    setAssignmentIdState(id)
    setChosenCodersState(null)
  }
  const setCoders = (ids: Id[]): void => {
    remember({ coderIds: ids })
    setChosenCodersState(ids)
  }

  const assignment = source?.assignment ?? null
  const coderIds = useMemo(() => {
    if (!assignment) return []
    const offered = assignment.coderIds
    return (chosenCoders ?? offered).filter((id) => offered.includes(id))
  }, [assignment, chosenCoders])

  const report = useMemo(() => (source && assignment && coderIds.length >= 2 ? computeAgreement(agreementInput(source, coderIds)) : null), [source, assignment, coderIds])
  const names = useMemo(() => namesOf(source), [source])

  const exportCsv = (): void => {
    if (!report || !assignment) return
    void exportShownTable({
      what: 'agreement',
      noun: 'figures',
      build: () => {
        const table = agreementTable(report, names)
        // The assignment the figures are for, in every row: the file stands on its own.
        return { header: ['Assignment', ...table.header], rows: table.rows.map((row) => [assignment.name, ...row]) }
      },
    })
  }

  return (
    <Screen
      title="Agreement"
      className="agreement-screen"
      actions={
        <button type="button" disabled={!report} onClick={exportCsv} title="Every figure with its definition, its N and the coders it compares">
          Export CSV
        </button>
      }
    >
      {!source ? (
        <p className="muted" role="status">
          Reading the coding…
        </p>
      ) : source.assignments.length === 0 ? (
        <EmptyState title="No assignment yet">
          <p>Agreement compares coders who coded the same articles independently. A lead makes an assignment (the articles, the coders, blind or not) under Team › Assignments….</p>
          <button type="button" className="primary" onClick={() => openTeamDialog('assignments')}>
            Make an assignment…
          </button>
        </EmptyState>
      ) : (
        <div className="agreement-body">
          <form className="agreement-controls" aria-label="Agreement settings" onSubmit={(event) => event.preventDefault()}>
            <label className="inline-field">
              Assignment
              <select value={assignment?.id ?? ''} onChange={(event) => setAssignment(event.currentTarget.value || null)}>
                {source.assignments.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.name} ({entry.articleIds.length} articles{entry.blind ? ', blind' : ''})
                  </option>
                ))}
              </select>
            </label>
            {assignment && (
              <fieldset className="agreement-coders">
                <legend>Coders compared</legend>
                {assignment.coderIds.map((id) => {
                  const coder = source.coders.find((entry) => entry.id === id)
                  return (
                    <label key={id} className="inline-check">
                      <input type="checkbox" checked={coderIds.includes(id)} onChange={(event) => setCoders(event.currentTarget.checked ? assignment.coderIds.filter((entry) => entry === id || coderIds.includes(entry)) : coderIds.filter((entry) => entry !== id))} />
                      <span className="coder-dot" style={{ background: coder?.color }} aria-hidden="true" />
                      {coder?.name ?? 'Unknown coder'}
                    </label>
                  )
                })}
              </fieldset>
            )}
          </form>
          {source.hiddenClaims > 0 && (
            <p className="notice-inline" role="note">
              Blind coding hides {source.hiddenClaims.toLocaleString('en')} claims on these articles from {source.viewer?.name ?? 'you'}: the figures compare only what you may see. The lead sees every coder’s claims.
            </p>
          )}
          {!assignment ? null : coderIds.length < 2 ? (
            <p role="status">Choose at least two coders to compare.</p>
          ) : report ? (
            <AgreementResults source={source} report={report} names={names} />
          ) : null}
        </div>
      )}
    </Screen>
  )
}

function AgreementResults({ source, report, names }: { source: AgreementSource; report: AgreementReport; names: ReturnType<typeof namesOf> }) {
  const disagreements = useMemo(() => listDisagreements(report, adjudicationsByUnit(source.adjudicated), source.rejectedUnits), [report, source])
  return (
    <>
      <CoderTables source={source} report={report} names={names} />
      <FigureTables report={report} names={names} />
      <DisagreementList
        source={source}
        report={report}
        disagreements={disagreements}
        onOpen={(disagreement) => {
          const ids = disagreement.claims.flatMap((claim) => (claim ? [claim.id] : []))
          navigate('library', ['article', disagreement.articleId], { compare: report.coderIds.join(','), unit: ids.join('+'), claim: ids[0]! })
        }}
      />
    </>
  )
}

export function agreementInput(source: AgreementSource, coderIds: readonly Id[]): AgreementInput {
  return {
    coderIds,
    claims: source.claims.map((claim) => ({
      id: claim.id,
      coderId: claim.coderId,
      articleId: claim.articleId,
      actorId: claim.actorId,
      issueIds: claim.issueIds,
      stance: claim.stance,
      start: claim.anchor.start,
      end: claim.anchor.end,
    })),
    articles: source.articles.map((article) => ({ id: article.id, length: article.length })),
  }
}

function namesOf(source: AgreementSource | undefined) {
  const coders = new Map((source?.coders ?? []).map((coder) => [coder.id, coder.name]))
  return {
    coder: (id: string): string => coders.get(id) ?? 'Unknown coder',
    issue: (id: string): string => source?.issues.get(id)?.label ?? 'Unknown issue',
    actor: (id: string): string => source?.actors.get(id)?.name ?? 'Unknown actor',
  }
}
