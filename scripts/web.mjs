// `npm run web`: the workbench as a plain web page on the fixed local port, for machines where
// the desktop window cannot run (`npm start` falls back to the same thing on its own).
import { buildWorkbench, requireInstalledDependencies, serveInBrowser } from './lib/workbench.mjs'

requireInstalledDependencies()
buildWorkbench()
await serveInBrowser()
