import { useSyncExternalStore } from 'react'

export type NoticeKind = 'error' | 'warning' | 'info' | 'success'

export interface Notice {
  id: number
  kind: NoticeKind
  message: string
}

let notices: Notice[] = []
let nextId = 1
const subscribers = new Set<() => void>()

function emit(): void {
  for (const subscriber of subscribers) subscriber()
}

/** Shows a message to the user. Errors stay until dismissed; others fade after a while. */
export function notify(kind: NoticeKind, message: string): number {
  const id = nextId++
  // The same message twice in a row is one notice, not a stack of identical ones.
  if (notices.some((notice) => notice.message === message && notice.kind === kind)) return id
  notices = [...notices, { id, kind, message }].slice(-5)
  emit()
  if (kind !== 'error') setTimeout(() => dismissNotice(id), kind === 'warning' ? 15_000 : 6_000)
  return id
}

export function dismissNotice(id: number): void {
  const next = notices.filter((notice) => notice.id !== id)
  if (next.length !== notices.length) {
    notices = next
    emit()
  }
}

function subscribe(callback: () => void): () => void {
  subscribers.add(callback)
  return () => subscribers.delete(callback)
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices)
}

export function NoticeArea() {
  const current = useNotices()
  const errors = current.filter((notice) => notice.kind === 'error' || notice.kind === 'warning')
  const others = current.filter((notice) => notice.kind === 'info' || notice.kind === 'success')
  const render = (notice: Notice) => (
    <div key={notice.id} className={`notice notice-${notice.kind}`}>
      <span className="notice-message">{notice.message}</span>
      <button type="button" className="notice-dismiss" aria-label="Dismiss message" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  )
  return (
    <div className="notice-area">
      <div role="alert" aria-live="assertive">
        {errors.map(render)}
      </div>
      <div role="status" aria-live="polite">
        {others.map(render)}
      </div>
    </div>
  )
}
