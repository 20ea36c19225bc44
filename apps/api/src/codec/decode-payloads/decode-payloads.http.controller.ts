import { Body, Controller, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AesGcmPayloadCodec,
  codecRequestSchema,
  decodeForCodecServer,
  PayloadDecryptionError,
  type CodecRequest,
} from '@selter/payload-codec';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { PAYLOAD_CODEC } from '../../infrastructure/tokens';
import { ProblemException } from '../../problem/problem-details.filter';
import { forbidden } from '../../problem/problems';
import { ApiJsonResponse, responseSchema } from '../../validation/response-schema';
import { openApiSchema, ZodPipe } from '../../validation/zod.pipe';

const decodedPayloads = responseSchema('DecodedPayloads', codecRequestSchema);

/**
 * The codec server's decode (ADR 33): Temporal payloads are encrypted at rest, and an authorised
 * viewer reads a history through this endpoint (Temporal CLI `--codec-endpoint <api>/codec
 * --codec-auth "Bearer <token>"`, or the Temporal UI's codec endpoint setting). Only an admin or a
 * national auditor (no agency) may: the payloads do not say which agency's round they belong to.
 * Every call is logged with who asked and how many payloads.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('codec')
export class DecodePayloadsController {
  private readonly log = new Logger('codec');

  constructor(@Inject(PAYLOAD_CODEC) private readonly codec: AesGcmPayloadCodec) {}

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decode encrypted Temporal payloads for the Temporal CLI or UI (admin, national auditor)',
    operationId: 'decodePayloads',
  })
  @ApiBody({ schema: openApiSchema(codecRequestSchema) })
  @ApiJsonResponse(decodedPayloads)
  async decode(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(codecRequestSchema, 'body')) body: CodecRequest,
  ): Promise<CodecRequest> {
    if (principal.role !== 'admin' && !(principal.role === 'auditor' && principal.agency === undefined))
      throw forbidden('Only an admin or a national auditor may decode Temporal payloads.');
    try {
      const decoded = await decodeForCodecServer(this.codec, body);
      this.log.log(
        { actor: principal.id, role: principal.role, payloads: body.payloads.length },
        'payloads decoded',
      );
      return decoded;
    } catch (error) {
      if (error instanceof PayloadDecryptionError)
        throw new ProblemException({ status: 422, code: error.code, detail: error.message });
      throw error;
    }
  }
}
