import { registerEnumType } from 'type-graphql';

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum RiskLevel {
  STANDARD = 'STANDARD',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** A case is centred on a victim, a perpetrator or a place. */
export enum CaseCentre {
  VICTIM = 'VICTIM',
  PERPETRATOR = 'PERPETRATOR',
  LOCATION = 'LOCATION',
}

/** OSARA, in the order a case is worked: Objective, Scanning, Analysis, Response, Assessment. */
export enum OsaraStage {
  OBJECTIVE = 'OBJECTIVE',
  SCANNING = 'SCANNING',
  ANALYSIS = 'ANALYSIS',
  RESPONSE = 'RESPONSE',
  ASSESSMENT = 'ASSESSMENT',
}

registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(RiskLevel, { name: 'RiskLevel' });
registerEnumType(CaseCentre, { name: 'CaseCentre' });
registerEnumType(OsaraStage, { name: 'OsaraStage' });
