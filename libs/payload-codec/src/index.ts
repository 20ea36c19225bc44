export {
  AesGcmPayloadCodec,
  CIPHER_METADATA,
  ENCRYPTED_ENCODING,
  isEncrypted,
  KEY_ID_METADATA,
  PayloadDecryptionError,
} from './aes-gcm-codec';
export { codecRequestSchema, decodeForCodecServer, type CodecRequest } from './codec-server';
export {
  loadPayloadKeys,
  parsePayloadKeys,
  rotatePayloadKeys,
  type PayloadKeyFile,
  type PayloadKeys,
} from './payload-keys';
export { selterDataConverter } from './data-converter';
