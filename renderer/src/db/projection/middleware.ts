import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import { articleFact, claimFact } from '../../domain/positions/facts'

// Keeps the positions projection (claimFacts, articleFacts) in step with the records, in the
// same transaction as every write, whichever code path makes it: a DBCore middleware beside the
// change journal's, so tagging, imports in a worker, restore, merges, bulk edits, undo and sync
// cannot forget it. A write of claims or articles writes their facts; a deletion deletes them;
// clearing a table clears its facts. Nothing is read: a fact is a pure function of its record.

const PROJECTIONS: Readonly<Record<string, { target: string; fact: (record: never) => unknown }>> = {
  claims: { target: 'claimFacts', fact: claimFact },
  articles: { target: 'articleFacts', fact: articleFact },
}

/** The middleware's name in Dexie's stack (tests and benchmarks may remove it to measure it). */
export const PROJECTION_MIDDLEWARE = 'StandpointProjection'

export function projectionMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: PROJECTION_MIDDLEWARE,
    // Below the journal (10), above Dexie's hooks (2): the journal calls this mutate inside the
    // transaction's zone, and this one only chains Dexie's own promises (no await), so the
    // journal's writes after it still find their transaction.
    level: 5,
    create(down) {
      const declared = new Set(down.schema.tables.map((table) => table.name))
      // A database declared at an older schema has no projection: its writes pass untouched.
      if (!Object.values(PROJECTIONS).every(({ target }) => declared.has(target))) return {}
      return {
        transaction(stores, mode, options) {
          if (mode === 'readwrite') {
            const missing = Object.entries(PROJECTIONS)
              .filter(([source, { target }]) => stores.includes(source) && !stores.includes(target))
              .map(([, { target }]) => target)
            if (missing.length > 0) stores = [...stores, ...missing]
          }
          return down.transaction(stores, mode, options)
        },
        table(name) {
          const table = down.table(name)
          const projection = PROJECTIONS[name]
          if (!projection) return table
          const target = down.table(projection.target)
          return { ...table, mutate: (req: DBCoreMutateRequest) => mutate(table, target, projection.fact, req) }
        },
      }
    },
  }
}

function failed(res: DBCoreMutateResponse, index: number): boolean {
  return res.numFailures > 0 && res.failures[index] != null
}

function mutate(table: DBCoreTable, target: DBCoreTable, fact: (record: never) => unknown, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const trans: DBCoreTransaction = req.trans
  // Schema upgrades build the projection themselves (schema.ts, v5).
  if ((trans as { mode?: string }).mode === 'versionchange') return table.mutate(req)
  return table.mutate(req).then((res) => {
    const follow = followUp(req, res, fact)
    if (follow === null) return res
    return target.mutate(follow).then((projected) => {
      if (projected.numFailures > 0) throw Object.values(projected.failures).find((error) => error != null) ?? new Error('The positions projection could not be written.')
      return res
    })
  })
}

/** The write of the facts that follows a write of records, or null when nothing was written. */
function followUp(req: DBCoreMutateRequest, res: DBCoreMutateResponse, fact: (record: never) => unknown): DBCoreMutateRequest | null {
  const trans = req.trans
  switch (req.type) {
    case 'add':
    case 'put': {
      const values: unknown[] = []
      req.values.forEach((value, index) => {
        if (!failed(res, index)) values.push(fact(value as never))
      })
      return values.length > 0 ? { type: 'put', trans, values } : null
    }
    case 'delete': {
      const keys = req.keys.filter((_, index) => !failed(res, index))
      return keys.length > 0 ? { type: 'delete', trans, keys } : null
    }
    case 'deleteRange':
      return res.numFailures === 0 ? { type: 'deleteRange', trans, range: req.range } : null
  }
}
