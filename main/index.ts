import * as electron from 'electron'
import { startApp } from './startApp'

// The one place main touches the real electron module; everything it wires up takes Electron's
// objects as parameters (see startApp), which is what lets the unit tests run it against fakes.
startApp(electron, { env: process.env, mainDir: __dirname }).catch((error: unknown) => {
  console.error('[standpoint] start-up failed:', error)
})
