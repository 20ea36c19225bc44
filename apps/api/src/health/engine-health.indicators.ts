import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Config } from '@selter/config';
import type { Connection } from '@temporalio/client';
import type { Admin } from 'kafkajs';
import type { Sql } from 'postgres';
import { CONFIG, KAFKA_ADMIN, SQL, TEMPORAL } from '../infrastructure/tokens';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Health of each engine the service runs on, as terminus indicators. */
@Injectable()
export class EngineHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(SQL) private readonly sql: Sql,
    @Inject(TEMPORAL) private readonly connection: Connection,
    @Inject(KAFKA_ADMIN) private readonly kafkaAdmin: Admin | null,
  ) {}

  async postgres() {
    const session = this.health.check('postgres');
    try {
      const [row] = await this.sql<
        { version: string }[]
      >`select current_setting('server_version') as version`;
      return session.up({ version: row?.version });
    } catch (error) {
      return session.down({ message: message(error) });
    }
  }

  async temporal() {
    const session = this.health.check('temporal');
    try {
      const info = await this.connection.workflowService.getSystemInfo({});
      return session.up({ serverVersion: info.serverVersion, namespace: this.config.temporal.namespace });
    } catch (error) {
      return session.down({ message: message(error) });
    }
  }

  /** Up when at least one worker polls the service's task queue. */
  async worker() {
    const session = this.health.check('worker');
    try {
      const queue = await this.connection.workflowService.describeTaskQueue({
        namespace: this.config.temporal.namespace,
        taskQueue: { name: this.config.temporal.taskQueue },
        taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      });
      const pollers = queue.pollers?.length ?? 0;
      const data = { taskQueue: this.config.temporal.taskQueue, pollers };
      return pollers > 0
        ? session.up(data)
        : session.down({ ...data, message: 'no worker polls the task queue' });
    } catch (error) {
      return session.down({ message: message(error) });
    }
  }

  /**
   * Without a configured broker the service still runs and events wait in the outbox, so an
   * absent Kafka is reported (mode "outbox-only") but does not fail readiness.
   */
  async kafka() {
    const session = this.health.check('kafka');
    if (!this.kafkaAdmin)
      return session.up({ mode: 'outbox-only', message: 'no broker configured; events wait in the outbox' });
    try {
      await this.kafkaAdmin.connect();
      const cluster = await this.kafkaAdmin.describeCluster();
      return session.up({ mode: 'broker', brokers: cluster.brokers.map((b) => `${b.host}:${b.port}`) });
    } catch (error) {
      return session.down({ message: message(error) });
    }
  }
}
