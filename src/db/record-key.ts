import { Property } from '@mikro-orm/core';

/**
 * The record key of the cell key method (src/aggregates/cell-key.ts): a random 0 to 255 the
 * database gives each row as it is inserted, by whatever path (an entity, a raw INSERT, the
 * import's COPY). Never shown to anyone, never loaded unless asked for: the noise on an aggregate
 * cell is looked up from the sum of the keys of the rows it counts. On every table whose rows an
 * aggregate counts: incidents, people and places (repeat demand), interventions, case review
 * applications and decisions.
 */
export const RecordKey = () =>
  Property({
    type: 'smallint',
    // As PostgreSQL itself writes the migrations' default back.
    defaultRaw: '(floor((random() * (256)::double precision)))::smallint',
    lazy: true,
    hidden: true,
  });
