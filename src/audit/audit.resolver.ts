import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { AuditEntryConnectionType, AuditEntryFilter } from './audit-entry.type';
import { listAuditEntries } from './audit-query';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnectionType, {
    nullable: true,
    description:
      'The audit of reads and writes of personal data, newest first: supervisors (their own partner\u2019s staff) and the data protection officer. Reading it is audited too.',
  })
  auditEntries(
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: HubContext,
  ) {
    return listAuditEntries(ctx.em, ctx.viewer, { filter, first, after }, ctx.config.maxPageSize);
  }
}
