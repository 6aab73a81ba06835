import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';

@ObjectType('AggregateKey', { description: 'Where a cell sits in one dimension.' })
export class AggregateKeyType {
  @Field(() => AggregateDimension)
  dimension!: AggregateDimension;

  @Field(() => String, {
    nullable: true,
    description:
      'The key: a date, a month, an enum value, an ONS code, a partner id, a number. Null when the source did not say (no area, no recording partner).',
  })
  value!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'As a reader would write it: the partner or LSOA name, "Monday", "2025-W03".',
  })
  label!: string | null;
}

@ObjectType('AggregateCell', {
  description:
    'One cell: its keys, what it counts and the count (moved a little by the cell key method: docs/analysts.md "Disclosure control"), or null with suppressed: true when the count is below the area\u2019s threshold or could be worked out from other cells.',
})
export class AggregateCellType {
  @Field(() => [AggregateKeyType])
  keys!: AggregateKeyType[];

  @Field(() => AggregateMeasure)
  measure!: AggregateMeasure;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType('AggregateTotal', {
  description:
    'The total of one measure over the whole filter, unless it must be hidden: a cell of its own under the cell key method, so it is not the sum of the published cells.',
})
export class AggregateTotalType {
  @Field(() => AggregateMeasure)
  measure!: AggregateMeasure;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType('AggregateTable', {
  description:
    'An aggregate answer: counts only, never a row about a person, an id or name of a person, an address or a case. Empty cells (0) are left out. Small-number suppression applied (docs/analysts.md).',
})
export class AggregateTableType {
  @Field(() => LocalDate, { description: 'The period, from this day (UK time) inclusive...' })
  from!: string;

  @Field(() => LocalDate, { description: '...to this day exclusive.' })
  to!: string;

  @Field(() => [AggregateDimension], { description: 'The keys each cell carries, in order.' })
  dimensions!: AggregateDimension[];

  @Field(() => [AggregateMeasure], { description: 'What the cells count.' })
  measures!: AggregateMeasure[];

  @Field(() => [AggregateCellType])
  cells!: AggregateCellType[];

  @Field(() => [AggregateTotalType], {
    description:
      'The total of each measure that has one (hidden below the threshold; moved by the cell key method as a figure of its own).',
  })
  totals!: AggregateTotalType[];

  @Field(() => Int, {
    nullable: true,
    description:
      'The total of the first measure; null when it is suppressed or the answer has no total.',
  })
  total!: number | null;

  @Field(() => Int, { description: 'How many cells are suppressed.' })
  suppressedCells!: number;

  @Field(() => Int, {
    description: 'The area\u2019s small-number threshold (smallNumberThreshold) applied.',
  })
  threshold!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Incidents left out because their time is known less exactly than the answer needs (a month for days, weeks, days of week or hours; a day for hours, or for intervention windows a month). A count of incidents like any cell: under the same disclosure control, null when withheld.',
  })
  excludedForPrecision!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'interventionImpact: interventions left out because their after-window has not ended yet. A count of interventions like any cell: under the same disclosure control, null when withheld. 0 elsewhere.',
  })
  excludedWindowNotEnded!: number | null;
}
