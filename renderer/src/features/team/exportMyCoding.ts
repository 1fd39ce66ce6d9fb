import { db } from '../../db/instance'
import { readCodingPackage } from '../../db/team/codingPackages'
import { readCoderState } from '../../db/team/coders'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { CODING_PACKAGE_EXTENSION, codingPackageFileName, codingPackageText } from '../../domain/team/codingPackage'
import { platform } from '../../platform'
import { notify } from '../../shared/notices'
import { openTeamDialog } from './teamDialogs'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')
const plural = (count: number, one: string, many = `${one}s`): string => `${number.format(count)} ${count === 1 ? one : many}`

/** Export my coding…: the current coder's package, saved where the analyst chooses. */
export async function exportMyCoding(): Promise<void> {
  try {
    const state = await readCoderState(db)
    if (!state.current) {
      notify('warning', 'Nobody is coding here yet: add yourself under Coders…, then export your coding.')
      openTeamDialog('coders')
      return
    }
    const coder = state.current
    const pkg = await readCodingPackage(db, coder.id, __APP_VERSION__)
    const suggestedName = codingPackageFileName(coder.name, new Date())
    const result = await platform.saveFile({
      suggestedName,
      content: codingPackageText(pkg),
      mimeType: 'application/json',
      filters: [{ name: 'Standpoint coding package', extensions: [CODING_PACKAGE_EXTENSION] }],
    })
    if (result.canceled) return
    const file = result.path ? (result.path.split(/[\\/]/).pop() ?? suggestedName) : suggestedName
    notify(
      'success',
      `Exported ${coder.name}’s coding to ${file}: ${plural(pkg.claims.length, 'claim')}, ${plural(pkg.mentions.length, 'mention')}, ${plural(pkg.actors.length, 'actor')}, ${plural(pkg.issues.length, 'issue')}, ${plural(pkg.tombstones.length, 'deletion')}.`,
    )
  } catch (error) {
    notify('error', isStorageError(error) ? describeStorageError(error, 'read your coding') : `Could not export your coding: ${errorText(error)}. No file was written.`)
  }
}
