import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { badInput } from '../errors';
import { requireId } from '../common/validate';
import { findImportRun, importRunView, listImportRuns } from './import-run.service';
import { ImportRunType } from './import-run.type';

@Resolver(() => ImportRunType)
export class ImportRunResolver {
  @Query(() => ImportRunType, {
    nullable: true,
    description:
      'One bulk import of the viewer\u2019s partner: its status and counts (analysts and supervisors).',
  })
  async importRun(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    const run = await findImportRun(ctx.em, ctx.viewer, requireId(id, 'import run'));
    return importRunView(run);
  }

  @Query(() => [ImportRunType], {
    nullable: true,
    description:
      'The bulk imports of the viewer\u2019s partner, newest first (analysts and supervisors).',
  })
  async importRuns(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: HubContext,
  ) {
    if (first < 1 || first > ctx.config.maxPageSize) {
      throw badInput(`first must be from 1 to ${ctx.config.maxPageSize}`, 'first');
    }
    return (await listImportRuns(ctx.em, ctx.viewer, first)).map(importRunView);
  }
}
