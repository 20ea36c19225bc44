import { Controller, Get, Redirect, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ConsoleFiles } from './console-files';

/**
 * The web console, served by the API so it stays same-origin with the endpoints it calls: its
 * build at /console (base path of the Vite build), the same page for the public per-agency route
 * /publik/:agency, and / sends people to it. Public, unthrottled files; not part of the API's document.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller()
export class ConsoleController {
  constructor(private readonly files: ConsoleFiles) {}

  @Get()
  @Redirect('/console/', 302)
  home(): void {}

  @Get(['console', 'console/*path'])
  console(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.files.serve(request.path.slice('/console'.length), response);
  }

  @Get(['publik', 'publik/*path'])
  publik(@Res() response: Response): Promise<void> {
    return this.files.index(response);
  }
}
