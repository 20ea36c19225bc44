export {
  testEndpoints,
  uniqueName,
  testDataConverter,
  createTestDatabase,
  type TestEndpoints,
  type TestDatabase,
} from './endpoints';
export { TEST_ENV } from './env';
export { spawnService, runMigrateStep, type SpawnedService } from './services';
export { sendThroughRunSwitch, queryThroughRestore } from './run-switch';
export { workTreeStatus, treeChanges } from './work-tree';
