import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// main's modules take Electron's objects as parameters (that is what lets test/unit/main run
// them against fakes); lint keeps it so. This proves the rule bites.
const root = join(__dirname, '../../..')
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function electronImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message)
}

describe('Electron reaches main as parameters', () => {
  it('refuses a value import of electron in a main module', async () => {
    expect(await electronImportErrors('main/x.ts', "import { app } from 'electron'\nexport const a = app\n")).not.toEqual([])
    expect(await electronImportErrors('main/x.ts', "import * as electron from 'electron'\nexport const e = electron\n")).not.toEqual([])
  })

  it('allows type imports there, and the real module in main/index.ts only', async () => {
    expect(await electronImportErrors('main/x.ts', "import type { App } from 'electron'\nexport type A = App\n")).toEqual([])
    expect(await electronImportErrors('main/index.ts', "import * as electron from 'electron'\nexport const e = electron\n")).toEqual([])
  })
})
