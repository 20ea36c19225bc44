import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log at WARN: their INFO lines (state changes) drown the test report.
Runtime.install({ logger: new DefaultLogger('WARN') });
