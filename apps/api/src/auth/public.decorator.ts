import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'selter:public';
/** Marks a route that answers without a token (health, metrics, docs, the dev issuer). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
