import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ensureMavenJars, javaUnavailableReason, type MavenEngine } from './maven';
import { ManagedProcess } from './process';
import { KAFKA_VERSION } from './versions';
import { waitUntil } from './wait';

/** The tools pom that pins the broker's jars (tools/engines/kafka/pom.xml). */
export const KAFKA_POM = resolve(__dirname, '../../../tools/engines/kafka/pom.xml');

const KAFKA_ENGINE: MavenEngine = {
  key: `kafka-${KAFKA_VERSION}`,
  title: `Kafka ${KAFKA_VERSION}`,
  pom: KAFKA_POM,
  minJava: 17,
};

/** Why the embedded broker cannot run here, or undefined when it can. */
export function kafkaUnavailableReason(): string | undefined {
  return javaUnavailableReason(KAFKA_ENGINE.minJava, KAFKA_ENGINE.title);
}

/** The broker's jars, fetched from Maven Central once; undefined when Java 17+ or Maven is missing. */
export function ensureKafkaJars(cacheDir: string, log: (line: string) => void): string | undefined {
  return ensureMavenJars(KAFKA_ENGINE, cacheDir, (line) =>
    log(line.replace(`${KAFKA_ENGINE.title} unavailable`, 'embedded Kafka unavailable')),
  );
}

export interface KafkaBrokerOptions {
  libsDir: string;
  /** Holds server.properties, the KRaft log and the broker's own logs. */
  dataDir: string;
  port: number;
  controllerPort: number;
  logFile: string;
  heapMb?: number;
}

export interface RunningKafka {
  brokers: string[];
  process: ManagedProcess;
  stop(): Promise<void>;
}

function serverProperties(o: KafkaBrokerOptions, logDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDir}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    // One partition per internal topic (the defaults are 50 each): a single node gains nothing from
    // more, and creating them delays the first idempotent producer and consumer group on 2 cores.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created by the code that owns them, with their retention and compaction settings.
    'auto.create.topics.enable=false',
  ].join('\n');
}

const LOG4J = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka=INFO',
  'log4j.logger.org.apache.kafka=INFO',
].join('\n');

/**
 * Ready means an idempotent producer can write: its first InitProducerId waits for the transaction
 * coordinator, which a fresh broker loads lazily. Probing here keeps that wait out of the service.
 */
async function probeIdempotentProduce(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic: 'selter.engine-probe', numPartitions: 1 }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic: 'selter.engine-probe', acks: -1, messages: [{ value: 'ready' }] });
  } finally {
    await producer.disconnect();
  }
}

/** Formats (first time only) and starts a single-node KRaft broker, waiting until it can take writes. */
export async function startKafkaBroker(o: KafkaBrokerOptions): Promise<RunningKafka> {
  const logDir = join(o.dataDir, 'kraft');
  mkdirSync(o.dataDir, { recursive: true });
  const propsFile = join(o.dataDir, 'server.properties');
  const log4jFile = join(o.dataDir, 'log4j.properties');
  writeFileSync(propsFile, serverProperties(o, logDir));
  writeFileSync(log4jFile, LOG4J);
  const classpath = join(o.libsDir, '*');
  const jvm = [
    '-Xms128m',
    `-Xmx${o.heapMb ?? 512}m`,
    `-Dlog4j.configuration=file:${log4jFile}`,
    '-cp',
    classpath,
  ];
  const formatted = existsSync(logDir) && readdirSync(logDir).includes('meta.properties');
  if (!formatted) {
    const clusterId = execFileSync('java', [...jvm, 'kafka.tools.StorageTool', 'random-uuid'], {
      encoding: 'utf8',
    }).trim();
    execFileSync(
      'java',
      [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, '-g'],
      { stdio: 'pipe' },
    );
  }
  const proc = new ManagedProcess({
    name: 'kafka',
    command: 'java',
    args: [...jvm, 'kafka.Kafka', propsFile],
    logFile: o.logFile,
  });
  const brokers = [`127.0.0.1:${o.port}`];
  const kafka = new Kafka({
    clientId: 'selter-engines',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await waitUntil(
    'Kafka',
    async () => {
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    },
    {
      timeoutMs: 90_000,
      intervalMs: 300,
      abortIf: () => (proc.hasExited ? `exited early, see ${o.logFile}` : undefined),
    },
  );
  // An idempotent producer needs a client that retries (kafkajs refuses one with retries: 0).
  const retrying = new Kafka({ clientId: 'selter-engines', brokers, logLevel: logLevel.NOTHING });
  await waitUntil('Kafka idempotent producer', () => probeIdempotentProduce(retrying), {
    timeoutMs: 90_000,
    intervalMs: 500,
  });
  return { brokers, process: proc, stop: () => proc.stop('SIGTERM', 30_000) };
}
