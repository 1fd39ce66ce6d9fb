import { CODER_CONFIRMED } from '../../domain/team/settings'
import { isLocalSettingKey } from '../journal/entries'

// Settings that belong to this machine, not to the workspace: the change journal's bookkeeping,
// and whether the person here has said who they are. A backup neither carries them nor
// overwrites them, so a workspace restored on a colleague's machine asks them who is coding
// instead of coding in the name of whoever made the backup.

export function isMachineSettingKey(key: unknown): boolean {
  return isLocalSettingKey(key) || key === CODER_CONFIRMED.key
}
