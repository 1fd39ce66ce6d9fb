// The positions projection: claim and article facts kept in step with every write
// (middleware.ts), packed snapshots of them (snapshots.ts), and the rebuild for when they
// disagree with the records (rebuild.ts).
export { PROJECTION_MIDDLEWARE, projectionMiddleware } from './middleware'
export { projectionInStep, rebuildProjection } from './rebuild'
export {
  deletePositionsSnapshot,
  POSITIONS_RESULT_KEY,
  POSITIONS_SNAPSHOT_KEY,
  readPositionsResult,
  readPositionsSnapshot,
  savePositionsResult,
  savePositionsSnapshot,
  type PositionsResultRecord,
  type PositionsSnapshotRecord,
} from './snapshots'
