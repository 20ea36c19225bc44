export { testEndpoints, uniqueName, createTestDatabase, type TestEndpoints } from './endpoints';
export { TEST_ENV } from './env';
