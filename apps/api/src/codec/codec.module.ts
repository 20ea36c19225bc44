import { Module } from '@nestjs/common';
import { DecodePayloadsController } from './decode-payloads/decode-payloads.http.controller';

/** The codec server for encrypted Temporal payloads (ADR 33). */
@Module({ controllers: [DecodePayloadsController] })
export class CodecModule {}
