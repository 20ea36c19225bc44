import type { CommandMetadata, EventMetadata } from './metadata';

/** An Emmett-style event: a past-tense fact with its data and metadata. */
export interface Event<Type extends string, Data extends object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An Emmett-style command: an imperative request; time and identity travel in its metadata. */
export interface Command<Type extends string, Data extends object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
