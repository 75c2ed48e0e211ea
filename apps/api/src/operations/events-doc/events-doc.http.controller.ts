import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@yardmaster/contracts';
import { Public } from '../../auth/route-access';

/** The event contract beside the OpenAPI document, public as it is: what another team's service may consume. */
@ApiTags('docs')
@Controller('api/events-doc')
@Public()
export class EventsDocHttpController {
  // Built at the first request (about 20 ms), then kept: it is the code's, and does not change while the API runs.
  private document: Record<string, unknown> | null = null;

  @Get()
  @ApiOperation({
    summary:
      'The events Yardmaster publishes on NATS JetStream, as an AsyncAPI 3.0 document: subjects, streams, which service ' +
      'publishes what, the envelope and each payload (generated from the runtime schemas), the Nats-Msg-Id rule and the ordering guarantees.',
  })
  eventsDoc(): Record<string, unknown> {
    return (this.document ??= asyncApiDocument());
  }
}
