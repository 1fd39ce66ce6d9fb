import { STANCE_LABELS, STANCES, type Stance } from '../../domain/model'

/** "−2", "−1", "0", "+1", "+2" with a real minus sign, as the highlights and lists show them. */
export function stanceSign(stance: Stance): string {
  return stance > 0 ? `+${stance}` : stance < 0 ? `−${-stance}` : '0'
}

export function stanceText(stance: Stance): string {
  return `${stanceSign(stance)} ${STANCE_LABELS[stance]}`
}

/** CSS class suffix matching the theme's --stance-m2 … --stance-p2 variables. */
export function stanceClass(stance: Stance): string {
  return stance > 0 ? `p${stance}` : stance < 0 ? `m${-stance}` : '0'
}

/** Keys 1–5 map onto the scale left to right: 1 = −2 … 5 = +2. */
export function stanceForKey(key: string): Stance | null {
  const index = '12345'.indexOf(key)
  return index >= 0 && key.length === 1 ? STANCES[index]! : null
}
