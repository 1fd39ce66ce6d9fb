import { lazyScreen } from '../../shared/lazyScreen'

// The Agreement screen (#/agreement), loaded when first opened.
export const AgreementScreen = lazyScreen(() => import('./AgreementScreen').then((module) => module.AgreementScreen))
