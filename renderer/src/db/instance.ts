import { StandpointDB } from './database'

/** The workspace the app works on. Tests build their own StandpointDB instead. */
export const db = new StandpointDB()
