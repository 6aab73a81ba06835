import { LocalDateResolver } from 'graphql-scalars';

/** Calendar dates (YYYY-MM-DD) with no time of day: dates of birth, compliance dates. */
export const LocalDate = LocalDateResolver;
