// The positions projection: claim and article facts kept in step with every write
// (middleware.ts), packed snapshots of them (snapshots.ts), and the rebuild for when they
// disagree with the records (rebuild.ts).
export { PROJECTION_MIDDLEWARE, projectionMiddleware } from './middleware'
export { projectionInStep, rebuildProjection } from './rebuild'
export {
  deletePositionsSnapshot,
  POSITIONS_FIRST_ROWS_KEY,
  POSITIONS_RESULT_KEY,
  POSITIONS_SNAPSHOT_KEY,
  readPositionsFirstRows,
  readPositionsResult,
  readPositionsSnapshot,
  readRecordIds,
  RECORD_IDS_KEY,
  savePositionsFirstRows,
  savePositionsResult,
  savePositionsSnapshot,
  saveRecordIds,
  type PositionsFirstRowsRecord,
  type PositionsResultRecord,
  type PositionsSnapshotRecord,
  type RecordIdsRecord,
} from './snapshots'
