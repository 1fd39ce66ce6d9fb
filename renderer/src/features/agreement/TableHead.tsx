/** A figures table's header: the label column, then right-aligned number columns. */
export function TableHead({ label, numbers }: { label: string; numbers: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{label}</th>
        {numbers.map((name) => (
          <th key={name} scope="col" className="cell-number">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  )
}
