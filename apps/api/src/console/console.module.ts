import { Module } from '@nestjs/common';
import type { Config } from '@selter/config';
import { CONFIG } from '../infrastructure/tokens';
import { ConsoleFiles, DEFAULT_WEB_DIST } from './console-files';
import { ConsoleController } from './console.http.controller';

/** Serves the built web console (WEB_DIST_DIR, by default apps/web/dist). */
@Module({
  controllers: [ConsoleController],
  providers: [
    {
      provide: ConsoleFiles,
      inject: [CONFIG],
      useFactory: (config: Config) => new ConsoleFiles(config.api.webDistDir ?? DEFAULT_WEB_DIST),
    },
  ],
})
export class ConsoleModule {}
