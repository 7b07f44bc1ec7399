/**
 * The org session behind a frame, for the platform classes that need the org (Database, Schema,
 * UserInfo...). Code run without an org (the interpreter's own tests) gets a clear error instead.
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import type { Frame } from '../interpreter/frame';
import { OrgSession } from './orgSession';

export function sessionOf(frame: Frame): OrgSession {
  const platform = frame.ctx.platform;
  if (!(platform instanceof OrgSession))
    throw new NotSupportedOfflineError('this platform class without an org');
  return platform;
}
