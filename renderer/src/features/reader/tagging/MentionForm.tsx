import { useEffect, useRef, useState } from 'react'
import { db } from '../../../db/instance'
import { saveMentionDraft } from '../../../db/repositories/mentions'
import { actorAnswersTo, parseAliases } from '../../../domain/actorMatching'
import { foldText } from '../../../domain/text/folding'
import type { TextSpan } from '../../../domain/anchoring'
import { validateMentionDraft, type DraftProblem } from '../../../domain/claimDraft'
import type { Mention } from '../../../domain/model'
import { ActorField, actorFieldFor, type ActorFieldValue } from '../../../shared/ui/ActorField'
import { performTagging } from '../../../shared/undo/history'
import { useReaderSession } from '../ReaderSession'
import { QuotePreview } from './QuotePreview'
import { TagForm, withUnpickedActor } from './TagForm'

interface MentionFormProps {
  span: TextSpan
  /** The mention being changed; absent for a new one. */
  existing?: Mention
}

/** Tag actor: the selected words name an actor, existing (picked) or new (created here). */
export function MentionForm({ span, existing }: MentionFormProps) {
  const { article, actors, actorIndex, actions } = useReaderSession()
  const words = article.body.slice(span.start, span.end).replace(/\s+/g, ' ').trim()
  const [actor, setActor] = useState<ActorFieldValue>(() => {
    if (existing) return actorFieldFor(actors.find((entry) => entry.id === existing.actorId))
    const exact = actorIndex.exact(words)
    return exact.length === 1 ? actorFieldFor(exact[0]) : { text: words, choice: null }
  })
  const [addAlias, setAddAlias] = useState(true)
  const [problems, setProblems] = useState<DraftProblem[]>([])
  const [saving, setSaving] = useState(false)
  const actorRef = useRef<HTMLInputElement>(null)
  // Focused in the next frame, so the form's first layout is not forced in the task that renders it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      actorRef.current?.focus()
      actorRef.current?.select()
    })
    return () => cancelAnimationFrame(frame)
  }, [])

  // Offer to remember the tagged words as an alias when the actor does not go by them yet.
  const choice = actor.choice
  const chosen = choice?.kind === 'existing' ? actors.find((entry) => entry.id === choice.id) : undefined
  const canAddAlias =
    choice?.kind === 'existing'
      ? !!chosen && !actorAnswersTo(chosen, words)
      : choice?.kind === 'new' && choice.name.trim() !== '' && foldText(choice.name) !== foldText(words) && !parseAliases(choice.aliases).some((alias) => foldText(alias) === foldText(words))

  const submit = async (): Promise<void> => {
    if (saving) return
    const draft = { span, actor: actor.choice, addAlias: canAddAlias && addAlias ? words : undefined }
    const found = withUnpickedActor(validateMentionDraft(draft), actor)
    setProblems(found)
    if (found.length > 0) return
    setSaving(true)
    const result = await performTagging(existing ? 'save the mention' : 'tag the actor', () => saveMentionDraft(db, draft, article, existing?.id))
    setSaving(false)
    if (result) actions.mentionSaved(result.mention)
  }

  return (
    <TagForm
      title={existing ? 'Change the actor of this mention' : 'Tag actor'}
      submitLabel="Save mention"
      keyHint="Enter saves · Esc cancels"
      saving={saving}
      onSubmit={() => void submit()}
      onCancel={actions.cancelForm}
    >
      <QuotePreview text={words} direction={article.direction} error={problems.find((problem) => problem.field === 'quote')?.message} />
      <ActorField
        label="Actor"
        value={actor}
        onChange={setActor}
        actors={actors}
        index={actorIndex}
        error={problems.find((problem) => problem.field === 'actor')?.message}
        inputRef={actorRef}
      />
      {canAddAlias && (
        <label className="checkbox">
          <input type="checkbox" checked={addAlias} onChange={(event) => setAddAlias(event.target.checked)} />
          Add “{words}” to the actor’s aliases
        </label>
      )}
    </TagForm>
  )
}
