import type { ReactNode } from 'react'

/** The frame every screen shares: a title bar with its actions, then the content. */
export function Screen({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `screen ${className}` : 'screen'}>
      <header className="screen-header">
        <h1>{title}</h1>
        {actions && <div className="toolbar">{actions}</div>}
      </header>
      <div className="screen-body">{children}</div>
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  )
}
