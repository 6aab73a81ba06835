import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ActionSource, ActionStatus } from '../actions/action-enums';
import type { Case } from '../cases/case.entity';
import { CaseType, OsaraType } from '../cases/case.type';
import type { Osara } from '../cases/osara.embeddable';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import { PARTNER_RECORD_SPECS } from '../partner-records/partner-record-kinds';
import type { PartnerRecordBase } from '../partner-records/partner-record.base';
import {
  DrugAlcoholRecordType,
  HousingRecordType,
  MentalHealthRecordType,
  PoliceRecordType,
} from '../partner-records/partner-record.type';
import { PartnerType } from '../partners/partner.type';
import { visibleRecords } from '../permissions/record-rows';
import type { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import type { SharingBasis } from '../sharing/sharing-basis.entity';
import { SharingBasisType } from '../sharing/sharing-basis.type';
import { OfficerType } from '../users/officer.type';
import type { OsaraPartnerRequest } from './osara-partner-request.entity';
import type { OsaraStageChange } from './osara-stage-change.entity';
import {
  AdvanceOsaraStageInput,
  AskPartnerForDataInput,
  CloseCaseInput,
  RecordOsaraAnalysisInput,
  RecordOsaraAssessmentInput,
  RecordOsaraObjectiveInput,
  RecordOsaraResponseInput,
  RecordOsaraScanningInput,
  RecordPartnerDataAnsweredInput,
  ReopenOsaraStageInput,
} from './osara.input';
import { missingFor } from './osara.rules';
import * as osara from './osara.service';
import { OsaraPartnerRequestType, OsaraSharedNoteType, OsaraStageChangeType } from './osara.type';

/** The embedded OSARA record together with its case's id, so its history can be fetched. */
export type OsaraView = Osara & { caseId: string };

@Resolver(() => CaseType)
export class CaseOsaraResolver {
  @FieldResolver(() => OsaraType)
  osara(@Root() c: Case): OsaraView {
    return { ...c.osara, caseId: c.id };
  }
}

@Resolver(() => OsaraType)
export class OsaraResolver {
  @FieldResolver(() => [OsaraStageChangeType], {
    description: 'Every move of the stage, oldest first: who, when, and why a stage was reopened.',
  })
  history(@Root() record: OsaraView, @Ctx() ctx: HubContext) {
    return ctx.loaders.stageChangesByCase.load(record.caseId);
  }

  @FieldResolver(() => [OsaraPartnerRequestType], {
    description: 'Scanning: the partners asked for their data.',
  })
  partnerRequests(@Root() record: OsaraView, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerRequestsByCase.load(record.caseId);
  }

  @FieldResolver(() => [String], {
    description:
      'What the current stage still lacks before the case can move on (objective, objectiveTargetDate, scanning, partnerRequests, analysis, responseActions, assessment); empty when complete.',
  })
  async missingBeforeNextStage(@Root() record: OsaraView, @Ctx() ctx: HubContext) {
    const [requests, actions, partners] = await Promise.all([
      ctx.loaders.partnerRequestsByCase.load(record.caseId),
      ctx.loaders.actionsByCase.load(record.caseId),
      ctx.loaders.partnersByCase.load(record.caseId),
    ]);
    const onCase = new Set(partners.map((row) => row.partner.id));
    const responseActions = actions.filter(
      (action) =>
        action.source === ActionSource.OSARA_RESPONSE &&
        action.status !== ActionStatus.CANCELLED &&
        onCase.has(action.assignedPartner.id),
    ).length;
    return missingFor(record.stage, {
      osara: record,
      partnersAsked: requests.length,
      responseActions,
    });
  }
}

@Resolver(() => OsaraSharedNoteType)
export class OsaraSharedNoteResolver {
  @FieldResolver(() => SharingBasisType, {
    nullable: true,
    description: 'The basis the note is shared under.',
  })
  sharingBasis(@Root() note: SharedNoteView) {
    return note.sharingBasis;
  }
}

@Resolver(() => OsaraStageChangeType)
export class OsaraStageChangeResolver {
  @FieldResolver(() => OfficerType, { nullable: true })
  changedBy(@Root() change: OsaraStageChange, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(change.changedBy.id);
  }
}

/** What an answer's note is read as: the note, its owner, whom its basis is about, and the basis. */
export interface SharedNoteView {
  /** The request, for the audit. */
  id: string;
  case: { id: string };
  text: string;
  basisKind: SharingBasisKind;
  /** The answering partner: the note is its own. */
  ownerPartner: { id: string };
  /** Whom the basis is about: the note is released as that person's data. */
  person: { id: string };
  /** Only this basis releases the note (src/permissions/decide.ts). */
  onlyUnderBasis: SharingBasis;
  sharingBasis: SharingBasis;
}

/** The records of one kind an answer gave, about people still on its case, as the policy lets the viewer see them. */
async function recordsGiven(
  request: OsaraPartnerRequest,
  ctx: HubContext,
  kind: PartnerRecordKind,
): Promise<PartnerRecordBase[]> {
  const [given, people] = await Promise.all([
    ctx.loaders.answerRecordsByRequest.load(request.id),
    ctx.loaders.peopleByCase.load(request.case.id),
  ]);
  const onCase = new Set(people.map((row) => row.person.id));
  const records = given
    .filter((row) => row.kind === kind && onCase.has(row.record.person.id))
    .map((row) => row.record);
  return visibleRecords(ctx, PARTNER_RECORD_SPECS[kind].typeName, records, request.case.id);
}

@Resolver(() => OsaraPartnerRequestType)
export class OsaraPartnerRequestResolver {
  @FieldResolver(() => [PoliceRecordType], {
    nullable: true,
    description: 'The police records the partner gave in answer, as the policy lets you see them.',
  })
  policeRecords(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return recordsGiven(request, ctx, PartnerRecordKind.POLICE);
  }

  @FieldResolver(() => [HousingRecordType], {
    nullable: true,
    description: 'The housing records the partner gave in answer, as the policy lets you see them.',
  })
  housingRecords(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return recordsGiven(request, ctx, PartnerRecordKind.HOUSING);
  }

  @FieldResolver(() => [MentalHealthRecordType], {
    nullable: true,
    description:
      'The mental health records the partner gave in answer: only those released to you on this case.',
  })
  mentalHealthRecords(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return recordsGiven(request, ctx, PartnerRecordKind.MENTAL_HEALTH);
  }

  @FieldResolver(() => [DrugAlcoholRecordType], {
    nullable: true,
    description:
      'The drug and alcohol records the partner gave in answer: only those released to you on this case.',
  })
  drugAlcoholRecords(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return recordsGiven(request, ctx, PartnerRecordKind.DRUG_ALCOHOL);
  }

  @FieldResolver(() => OsaraSharedNoteType, {
    nullable: true,
    description:
      'The note shared with the answer: null when there is none, or when its sharing basis does not name your partner or is no longer in force.',
  })
  async note(
    @Root() request: OsaraPartnerRequest,
    @Ctx() ctx: HubContext,
  ): Promise<SharedNoteView | null> {
    if (!request.note || !request.noteSharingBasis) return null;
    const basis = await ctx.loaders.sharingBasisById.load(request.noteSharingBasis.id);
    if (!basis) return null;
    const view: SharedNoteView = {
      id: request.id,
      case: request.case,
      text: request.note,
      basisKind: basis.kind,
      ownerPartner: request.partner,
      person: basis.person,
      onlyUnderBasis: basis,
      sharingBasis: basis,
    };
    const [visible] = await visibleRecords(ctx, 'OsaraSharedNote', [view], request.case.id);
    return visible ?? null;
  }

  @FieldResolver(() => PartnerType, { description: 'The partner asked for its data.' })
  partner(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(request.partner.id);
  }

  @FieldResolver(() => OfficerType, { nullable: true })
  askedBy(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(request.askedBy.id);
  }

  @FieldResolver(() => OfficerType, { nullable: true })
  answeredBy(@Root() request: OsaraPartnerRequest, @Ctx() ctx: HubContext) {
    return request.answeredBy ? ctx.loaders.userById.load(request.answeredBy.id) : null;
  }
}

/**
 * OSARA problem-solving model, area procedure: each stage's content, moving on and going back,
 * and closing the case. Every write answers with the case, so the client can read the record back.
 */
@Resolver()
export class OsaraWorkResolver {
  @Mutation(() => CaseType, { nullable: true, description: 'OSARA Objective, at Objective.' })
  recordOsaraObjective(@Arg('input') input: RecordOsaraObjectiveInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.recordObjective(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, { nullable: true, description: 'OSARA Scanning, at Scanning.' })
  recordOsaraScanning(@Arg('input') input: RecordOsaraScanningInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.recordScanning(em, ctx.viewer, input));
  }

  @Mutation(() => OsaraPartnerRequestType, {
    nullable: true,
    description: 'Scanning: ask a partner on the case for its data.',
  })
  askPartnerForData(@Arg('input') input: AskPartnerForDataInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.askPartnerForData(em, ctx.viewer, input));
  }

  @Mutation(() => OsaraPartnerRequestType, {
    nullable: true,
    description: 'Scanning: the partner asked has shared its data.',
  })
  recordPartnerDataAnswered(
    @Arg('input') input: RecordPartnerDataAnsweredInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => osara.recordPartnerDataAnswered(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, { nullable: true, description: 'OSARA Analysis, at Analysis.' })
  recordOsaraAnalysis(@Arg('input') input: RecordOsaraAnalysisInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.recordAnalysis(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'OSARA Response plan, at Response (its actions are assigned with assignAction).',
  })
  recordOsaraResponse(@Arg('input') input: RecordOsaraResponseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.recordResponse(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, { nullable: true, description: 'OSARA Assessment, at Assessment.' })
  recordOsaraAssessment(@Arg('input') input: RecordOsaraAssessmentInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.recordAssessment(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Move to the next OSARA stage; refused while the current stage is incomplete.',
  })
  advanceOsaraStage(@Arg('input') input: AdvanceOsaraStageInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.advanceStage(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Reopen an earlier OSARA stage, with a reason.',
  })
  reopenOsaraStage(@Arg('input') input: ReopenOsaraStageInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.reopenStage(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Close a case your partner leads; needs its OSARA assessment.',
  })
  closeCase(@Arg('input') input: CloseCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => osara.closeCase(em, ctx.viewer, input));
  }
}
