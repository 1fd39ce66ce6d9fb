import { describeSpan, type TextSpan } from '../../domain/anchoring'
import { deleteEdit, putEdit, type ChangeSet, type RecordEdit } from '../../domain/changeHistory'
import { buildMentionEdits, type MentionDraft } from '../../domain/claimDraft'
import { newId, nowIso, type Article, type Id, type Mention } from '../../domain/model'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'
import { editTables, writeEdits } from './recordChanges'
import { dismissedSuggestionsSetting } from '../../domain/settings'
import { readSetting, writeSetting } from './settings'

export async function mentionsOfArticle(db: StandpointDB, articleId: Id): Promise<Mention[]> {
  return db.mentions.where('articleId').equals(articleId).toArray()
}

export async function saveMentionDraft(db: StandpointDB, draft: MentionDraft, article: Article, existingId?: Id): Promise<{ set: ChangeSet; mention: Mention }> {
  return db.transaction('rw', editTables(db), async () => {
    const existing = existingId ? await db.mentions.get(existingId) : undefined
    if (existingId && !existing) throw new Error('This mention is no longer in the workspace.')
    const actor = draft.addAlias && draft.actor?.kind === 'existing' ? await db.actors.get(draft.actor.id) : undefined
    const coder = await currentCoder(db)
    const { mention, edits } = buildMentionEdits(draft, { article, existing, now: nowIso(), actor, coderId: coder.id })
    const set = await writeEdits(db, existing ? 'Edit mention' : 'Tag actor', edits)
    return { set, mention }
  })
}

/** Pins a mention to new words, as reattachClaim does for a claim. */
export async function reattachMention(db: StandpointDB, mention: Mention, body: string, span: TextSpan): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const updated: Mention = { ...mention, anchor: describeSpan(body, span), updatedAt: nowIso(), updatedBy: (await currentCoder(db)).id }
    return writeEdits(db, 'Re-attach mention', [putEdit('mentions', updated)])
  })
}

export async function deleteMention(db: StandpointDB, mentionId: Id): Promise<ChangeSet> {
  return writeEdits(db, 'Delete mention', [deleteEdit('mentions', mentionId)])
}

/** Turns suggested mentions into mentions, all in one transaction (one undo step). */
export async function acceptSuggestions(db: StandpointDB, article: Article, suggestions: readonly (TextSpan & { actorId: Id })[]): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const now = nowIso()
    const coderId = (await currentCoder(db)).id
    const edits: RecordEdit[] = suggestions.map((suggestion) =>
      putEdit('mentions', {
        id: newId(),
        articleId: article.id,
        actorId: suggestion.actorId,
        anchor: describeSpan(article.body, suggestion),
        createdAt: now,
        updatedAt: now,
        coderId,
        updatedBy: coderId,
      }),
    )
    return writeEdits(db, suggestions.length === 1 ? 'Accept suggested mention' : `Accept ${suggestions.length} suggested mentions`, edits)
  })
}

/** Suggestions the coder dismissed in this article (suggestion keys), kept across sessions. */
export async function dismissedSuggestions(db: StandpointDB, articleId: Id): Promise<string[]> {
  return readSetting(db, dismissedSuggestionsSetting(articleId))
}

export async function setDismissedSuggestions(db: StandpointDB, articleId: Id, keys: readonly string[]): Promise<void> {
  await writeSetting(db, dismissedSuggestionsSetting(articleId), [...new Set(keys)])
}
