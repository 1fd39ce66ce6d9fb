import type { ImportChoices } from '../../domain/claimsImport/choices'
import { SCHEME_LABELS, STANCE_SCHEMES, type StanceScheme, type StanceValueCount } from '../../domain/claimsImport/stanceValues'
import { STANCES, type Stance } from '../../domain/model'
import { stanceText } from '../../shared/ui/stance'

interface Props {
  idBase: string
  scheme: StanceScheme
  stanceMap: ImportChoices['stanceMap']
  stanceValues: StanceValueCount[]
  onScheme: (scheme: StanceScheme) => void
  onStanceValue: (key: string, stance: Stance | null) => void
}

/** Every distinct stance value in the file, its row count and the stance it is read as (or rejected). */
export function StanceValuesSection({ idBase, scheme, stanceMap, stanceValues, onScheme, onStanceValue }: Props) {
  return (
    <section className="stance-mapping" aria-labelledby={`${idBase}-stance-title`}>
      <h3 id={`${idBase}-stance-title`}>Stance values — check before importing</h3>
      <div className="field stance-scheme">
        <label htmlFor={`${idBase}-scheme`}>Stance values are</label>
        <select id={`${idBase}-scheme`} value={scheme} onChange={(event) => onScheme(event.target.value as StanceScheme)}>
          {STANCE_SCHEMES.map((option) => (
            <option key={option} value={option}>
              {SCHEME_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <table className="data-table compact-table" aria-label="Stance values">
        <thead>
          <tr>
            <th scope="col">Value in the file</th>
            <th scope="col" className="cell-number">
              Rows
            </th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {stanceValues.map((entry) => {
            const mapped = stanceMap[entry.key]
            return (
              <tr key={entry.key}>
                <td>{entry.key === '' ? <span className="muted">(empty)</span> : <code>{entry.value}</code>}</td>
                <td className="cell-number">{entry.count}</td>
                <td>
                  <select
                    aria-label={`Stance for “${entry.value}”`}
                    value={mapped === null || mapped === undefined ? 'reject' : String(mapped)}
                    onChange={(event) => onStanceValue(entry.key, event.target.value === 'reject' ? null : (Number(event.target.value) as Stance))}
                    data-stance={mapped ?? 'reject'}
                  >
                    {STANCES.map((stance) => (
                      <option key={stance} value={stance}>
                        {stanceText(stance)}
                      </option>
                    ))}
                    <option value="reject">Reject these rows</option>
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
