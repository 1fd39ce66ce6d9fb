import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { db } from '../../db/instance'
import { findDuplicateProposals, keepApart, mergeProposal, type DuplicateProposal } from '../../db/team/duplicates'
import type { Actor, Id, Issue } from '../../domain/model'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { performTagging } from '../../shared/undo/history'
import { useCodersById } from './useCoding'
import { errorText } from '../../domain/errorText'

function nameOf(record: Actor | Issue): string {
  return 'name' in record ? record.name : record.label
}

/** Actors and issues with the same folded name (made by coders blind to each other): merge them, or keep them apart. */
export function DuplicatesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const proposals = useLiveQuery(() => findDuplicateProposals(db), [])
  return (
    <Dialog title="Duplicates" open={open} onClose={onClose} wide footer={<button type="button" onClick={onClose}>Close</button>}>
      <p className="muted small">
        Actors with the same name (ignoring case, accents, hyphens and Arabic letter variants), and issues with the same label under the same parent. Coders working blind create them without seeing each other’s; nothing is merged until you say so. Merging moves every claim and mention to the one kept, and can be undone.
      </p>
      {proposals === undefined ? (
        <p className="muted">Looking…</p>
      ) : proposals.length === 0 ? (
        <p>No duplicates proposed.</p>
      ) : (
        <ul className="proposal-list" aria-label="Proposed merges">
          {proposals.map((proposal) => (
            <ProposalItem key={`${proposal.table}:${proposal.records.map((record) => record.id).join('+')}`} proposal={proposal} />
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function ProposalItem({ proposal }: { proposal: DuplicateProposal }) {
  const coders = useCodersById()
  const [survivor, setSurvivor] = useState<Id>(proposal.records[0]!.id)
  const what = proposal.table === 'actors' ? 'actors' : 'issues'
  const title = `${proposal.records.length} ${what} named “${nameOf(proposal.records[0]!)}”`
  return (
    <li className="proposal" aria-label={title}>
      <h3>{title}</h3>
      <fieldset>
        <legend className="visually-hidden">Which to keep</legend>
        {proposal.records.map((record) => (
          <label key={record.id} className="inline-check proposal-record">
            <input type="radio" name={`keep-${proposal.records[0]!.id}`} checked={survivor === record.id} onChange={() => setSurvivor(record.id)} />
            Keep <bdi>“{nameOf(record)}”</bdi>
            <span className="muted small">
              {'kind' in record ? ` ${record.kind}` : ''} · made {record.createdAt.slice(0, 10)}
              {record.updatedBy && coders.get(record.updatedBy) ? ` · last edited by ${coders.get(record.updatedBy)!.name}` : ''}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void performTagging(`merge the ${what}`, () => mergeProposal(db, proposal, survivor)).then((set) => {
              if (set) notify('success', `Merged ${proposal.records.length} ${what} into “${nameOf(proposal.records.find((record) => record.id === survivor)!)}”.`)
            })
          }
        >
          Merge
        </button>
        <button
          type="button"
          onClick={() =>
            void keepApart(db, proposal).then(
              () => notify('info', `Kept the ${what} named “${nameOf(proposal.records[0]!)}” apart: they will not be proposed again.`),
              (error: unknown) => notify('error', `Could not save: ${errorText(error)}`),
            )
          }
        >
          Keep apart
        </button>
      </div>
    </li>
  )
}
