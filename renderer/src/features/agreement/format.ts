import { UNDEFINED_REASONS, type Estimate } from '../../domain/agreement/estimate'

/** A coefficient as the screen shows it: three decimals (as Krippendorff reports them), or a dash with the reason. */
export function figure(estimate: Estimate): { text: string; title: string | undefined } {
  if (estimate.value === null) return { text: '—', title: `Undefined: ${UNDEFINED_REASONS[estimate.reason]}` }
  return { text: estimate.value.toFixed(3), title: undefined }
}

export function percent(estimate: Estimate): { text: string; title: string | undefined } {
  if (estimate.value === null) return { text: '—', title: `Undefined: ${UNDEFINED_REASONS[estimate.reason]}` }
  return { text: `${(estimate.value * 100).toFixed(1)}%`, title: undefined }
}
