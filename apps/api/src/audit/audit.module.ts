import { Module } from '@nestjs/common';
import { AuditHttpController } from './audit.http.controller';
import { AuditQueries } from './audit.queries';

/** Who did what: the audit entries, read through `AuditQueries`. */
@Module({
  controllers: [AuditHttpController],
  providers: [AuditQueries],
})
export class AuditModule {}
