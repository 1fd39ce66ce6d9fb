import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The process and layer boundaries of DESIGN.md are lint rules; this proves the rules bite.
const root = join(__dirname, '../../..')
// Snippets are not files of any tsconfig, so type-aware rules are switched off for them.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals' || message.ruleId === 'standpoint/feature-boundaries').map((message) => message.message)
}

describe('layer boundaries', () => {
  it('keeps domain pure', async () => {
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', "import Dexie from 'dexie'\nexport const d = Dexie\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', "import { db } from '../db/instance'\nexport const d = db\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', "import { useState } from 'react'\nexport const s = useState\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', 'export const w = window.location\n')).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', "import { newId } from './model'\nexport const n = newId\n")).toEqual([])
  })

  it('lets db import domain but not features or the UI', async () => {
    expect(await restrictedImportErrors('renderer/src/db/x.ts', "import { newId } from '../domain/model'\nexport const n = newId\n")).toEqual([])
    expect(await restrictedImportErrors('renderer/src/db/x.ts', "import { App } from '../app/App'\nexport const a = App\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/db/x.ts', "import { notify } from '../shared/notices'\nexport const n = notify\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/domain/x.ts', "import { stanceText } from '../shared/ui/stance'\nexport const s = stanceText\n")).not.toEqual([])
  })

  it('keeps Node and main out of the renderer', async () => {
    expect(await restrictedImportErrors('renderer/src/features/x.ts', "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/features/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/features/x.ts', "import { isAppUrl } from '../../../main/hardening'\nexport const i = isAppUrl\n")).not.toEqual([])
  })

  it('keeps the renderer out of main', async () => {
    expect(await restrictedImportErrors('main/x.ts', "import { db } from '../renderer/src/db/instance'\nexport const d = db\n")).not.toEqual([])
  })

  it('lets a feature use another only through its index.ts, however the path is spelled', async () => {
    const library = 'renderer/src/features/library/LibraryScreen.tsx'
    expect(await restrictedImportErrors(library, "import { ReaderScreen } from '../reader'\nexport const r = ReaderScreen\n")).toEqual([])
    expect(await restrictedImportErrors(library, "import { ReaderScreen } from '../reader/index'\nexport const r = ReaderScreen\n")).toEqual([])
    expect(await restrictedImportErrors(library, "import { ArticleTable } from './ArticleTable'\nexport const a = ArticleTable\n")).toEqual([])
    const internals = [
      "import { ReaderScreen } from '../reader/ReaderScreen'\nexport const r = ReaderScreen\n",
      "import { ReaderScreen } from '../../features/reader/ReaderScreen'\nexport const r = ReaderScreen\n",
      "import { excerpt } from '../reader/tagging/labels'\nexport const e = excerpt\n",
      "export { ReaderScreen } from '../reader/ReaderScreen'\n",
      "export const load = () => import('../positions/PositionsScreen')\n",
    ]
    for (const code of internals) expect(await restrictedImportErrors(library, code), code).toEqual([expect.stringContaining("reaches into the")])
    // Deeper in a feature: its own files are fine, another's are not.
    const card = 'renderer/src/features/reader/tagging/ClaimCard.tsx'
    expect(await restrictedImportErrors(card, "import { useReaderSession } from '../ReaderSession'\nexport const u = useReaderSession\n")).toEqual([])
    expect(await restrictedImportErrors(card, "import { filterRows } from '../../library/filterRows'\nexport const f = filterRows\n")).not.toEqual([])
    expect(await restrictedImportErrors(card, "import { filterRows } from '../../../features/library/filterRows'\nexport const f = filterRows\n")).not.toEqual([])
  })

  it('keeps the shell out of features and shared/, and features out of shared/', async () => {
    expect(await restrictedImportErrors('renderer/src/features/actors/ActorsScreen.tsx', "import { App } from '../../app/App'\nexport const a = App\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/shared/ui/x.tsx', "import { App } from '../../app/App'\nexport const a = App\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/shared/ui/x.tsx', "import { ReaderScreen } from '../../features/reader'\nexport const r = ReaderScreen\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/features/actors/ActorsScreen.tsx', "import { Screen } from '../../shared/ui/Screen'\nexport const s = Screen\n")).toEqual([])
  })

  it('keeps every stylesheet in the one ordered list, app/styles.css', async () => {
    expect(await restrictedImportErrors('renderer/src/features/library/LibraryScreen.tsx', "import './library.css'\n")).toEqual([expect.stringContaining('app/styles.css')])
    expect(await restrictedImportErrors('renderer/src/features/positions/Timeline.tsx', "import 'uplot/dist/uPlot.min.css'\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/features/library/LibraryScreen.tsx', "import '../positions/positions.css'\n")).not.toEqual([])
    expect(await restrictedImportErrors('renderer/src/main.tsx', "import './app/styles.css'\n")).toEqual([])
  })

  it('lets app compose features through their index.ts only', async () => {
    expect(await restrictedImportErrors('renderer/src/app/App.tsx', "import { ReaderScreen } from '../features/reader'\nexport const r = ReaderScreen\n")).toEqual([])
    expect(await restrictedImportErrors('renderer/src/app/App.tsx', "import { ReaderScreen } from '../features/reader/ReaderScreen'\nexport const r = ReaderScreen\n")).not.toEqual([])
  })
})

async function ruleErrors(file: string, code: string, rules: readonly string[]): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((message) => rules.includes(message.ruleId ?? '')).map((message) => message.message)
}

describe('one home for the data layer', () => {
  const queries = (file: string, code: string): Promise<string[]> => ruleErrors(file, code, ['no-restricted-syntax', 'no-restricted-imports'])

  it('keeps Dexie tables and transactions out of features and the shell', async () => {
    const inline = "import { db } from '../../db/instance'\nexport const q = () => db.claims.where('articleId').equals('a').toArray()\n"
    expect(await queries('renderer/src/features/positions/x.ts', inline)).not.toEqual([])
    expect(await queries('renderer/src/app/x.ts', "import { db } from '../db/instance'\nexport const n = () => db.articles.count()\n")).not.toEqual([])
    expect(await queries('renderer/src/features/export/x.ts', "import { db } from '../../db/instance'\nexport const t = () => db.transaction('r', [], async () => 1)\n")).not.toEqual([])
    expect(await queries('renderer/src/features/import/x.ts', 'export class S { constructor(private readonly db: { actors: unknown }) {}\n  a() { return this.db.actors } }\n')).not.toEqual([])
    expect(await queries('renderer/src/features/library/x.ts', "import Dexie from 'dexie'\nexport const d = Dexie\n")).not.toEqual([])
    expect(await queries('renderer/src/features/library/x.ts', "import type { Table } from 'dexie'\nexport type T = Table\n")).not.toEqual([])
  })

  it('lets features call db/ functions, live ones included', async () => {
    const calls =
      "import { useLiveQuery } from 'dexie-react-hooks'\nimport { db } from '../../db/instance'\nimport { listActors } from '../../db/repositories/actors'\n" +
      'export const useActors = () => useLiveQuery(() => listActors(db), [])\nexport const name = db.name\n'
    expect(await queries('renderer/src/features/actors/x.ts', calls)).toEqual([])
    // Counts named like tables on other objects are not queries.
    expect(await queries('renderer/src/features/export/x.ts', 'export const n = (counts: { claims: number }) => counts.claims\n')).toEqual([])
  })

  it('lets db/ hold the queries', async () => {
    expect(await queries('renderer/src/db/queries/x.ts', "import Dexie from 'dexie'\nimport type { StandpointDB } from '../database'\nexport const q = (db: StandpointDB) => db.claims.count()\nexport const d = Dexie\n")).toEqual([])
  })
})
