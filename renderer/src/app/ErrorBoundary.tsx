import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Names the part of the app in the message: "the Library". */
  area: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * Catches a rendering failure in one area so the rest of the workbench keeps working, and
 * tells the user that their saved data is untouched (renders never write).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[standpoint] ${this.props.area} failed to render`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <section className="error-panel" role="alert" aria-labelledby="error-panel-title">
        <h2 id="error-panel-title">Something went wrong in {this.props.area}</h2>
        <p>
          Standpoint hit an unexpected problem while showing this screen. Your saved articles and claims are not
          affected: showing a screen never changes the workspace.
        </p>
        <pre className="error-detail">{error.message || String(error)}</pre>
        <div className="button-row">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => location.reload()}>
            Reload Standpoint
          </button>
        </div>
      </section>
    )
  }
}
