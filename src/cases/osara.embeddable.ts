import { Embeddable, Enum, Opt, Property } from '@mikro-orm/core';
import { OsaraStage } from './case-enums';

/** The case's OSARA record: what it must achieve, what we know, what we do, what worked. */
@Embeddable()
export class Osara {
  @Enum({ items: () => OsaraStage, type: 'text', default: OsaraStage.OBJECTIVE })
  stage: OsaraStage & Opt = OsaraStage.OBJECTIVE;

  @Property({ type: 'text', nullable: true })
  objective?: string | null;

  @Property({ type: 'date', nullable: true })
  objectiveTargetDate?: string | null;

  /** What data we have and which partners were asked for theirs. */
  @Property({ type: 'text', nullable: true })
  scanning?: string | null;

  /** Patterns, peak times, days of week, repeat victims, places and perpetrators. */
  @Property({ type: 'text', nullable: true })
  analysis?: string | null;

  /** What each partner will do. */
  @Property({ type: 'text', nullable: true })
  response?: string | null;

  /** What worked, what we would do differently, what to share as good practice. */
  @Property({ type: 'text', nullable: true })
  assessment?: string | null;
}
