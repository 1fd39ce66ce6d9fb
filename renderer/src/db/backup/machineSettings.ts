import { CODER_CONFIRMED, SYNC_CONNECTION } from '../../domain/team/settings'
import { isLocalSettingKey } from '../journal/entries'

// Settings that belong to this machine, not to the workspace: the change journal's bookkeeping,
// whether the person here has said who they are, and the team server it syncs with. A backup
// neither carries them nor overwrites them, so a workspace restored on a colleague's machine
// asks them who is coding instead of coding in the name of whoever made the backup, and does
// not start syncing with the server the backup's machine used.

export function isMachineSettingKey(key: unknown): boolean {
  return isLocalSettingKey(key) || key === CODER_CONFIRMED.key || key === SYNC_CONNECTION.key
}
