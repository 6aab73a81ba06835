import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import { badInput } from '../errors';
import { authenticate, requireReadable, sendError } from '../http/authenticated-request';
import type { RateLimiter } from '../http/rate-limiter';
import type { IncidentCategory } from '../incidents/incident-category.enum';
import type { InterventionKind } from '../interventions/intervention-enums';
import { aggregateCsv, CSV_LAYOUTS, type ExportName } from './aggregate-csv';
import { AggregateDimension, AggregateMeasure, RepeatSubject } from './aggregate-enums';
import type { AggregateTableType } from './aggregate.type';
import { caseReviewStatistics } from './case-review-statistics.service';
import { incidentCounts } from './incident-counts.service';
import { incidentMap } from './incident-map.service';
import { DEFAULT_WINDOW_DAYS, interventionImpact } from './intervention-impact.service';
import { interventionStatistics } from './intervention-statistics.service';
import { repeatDemand } from './repeat-demand.service';
import { requestIdOf } from '../observability/access-log';

/** The query string of one request: each parameter once, lists comma-separated. */
class ExportParams {
  constructor(
    private readonly query: Request['query'],
    allowed: readonly string[],
  ) {
    const unknown = Object.keys(query).find((name) => !allowed.includes(name));
    if (unknown !== undefined) {
      throw badInput(
        `Unknown parameter ${unknown}: this export takes ${allowed.join(', ')}`,
        unknown,
      );
    }
  }

  text(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badInput(`Give ${name} once`, name);
    return value;
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === undefined || value === '') throw badInput(`${name} is required`, name);
    return value;
  }

  list<T extends string = string>(name: string): T[] | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : (value.split(',').map((item) => item.trim()) as T[]);
  }

  /** true or false; absent is false. */
  flag(name: string): boolean {
    const value = this.text(name);
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    throw badInput(`${name} is true or false`, name);
  }

  period() {
    return { from: this.required('from'), to: this.required('to') };
  }

  incidentFilter() {
    return {
      ...this.period(),
      lsoaCodes: this.list('lsoaCodes'),
      localAuthority: this.text('localAuthority'),
      categories: this.list<IncidentCategory>('categories'),
      policeForces: this.list('policeForces'),
      reportedBy: this.list('reportedBy'),
    };
  }

  interventionFilter() {
    return { ...this.period(), kinds: this.list<InterventionKind>('kinds') };
  }
}

const INCIDENT_FILTER = [
  'from',
  'to',
  'lsoaCodes',
  'localAuthority',
  'categories',
  'policeForces',
  'reportedBy',
];
const INTERVENTION_FILTER = ['from', 'to', 'kinds'];

interface CsvExport {
  /** The GraphQL query whose policy decides who may have the export. */
  query: string;
  parameters: readonly string[];
  produce(em: EntityManager, viewer: Viewer, params: ExportParams): Promise<string>;
}

const csv = (
  name: ExportName,
  table: AggregateTableType,
  fixed: (string | number)[] = [],
  options: Parameters<typeof aggregateCsv>[3] = {},
) => aggregateCsv(table, CSV_LAYOUTS[name], fixed, options);

/** The exports, by file name: the GraphQL aggregates with the same checks and suppression. */
const EXPORTS: Record<ExportName, CsvExport> = {
  'incident-counts': {
    query: 'incidentCounts',
    parameters: [...INCIDENT_FILTER, 'groupBy'],
    produce: async (em, _viewer, params) => {
      const groupBy = (params.list('groupBy') ?? []) as AggregateDimension[];
      const table = await incidentCounts(em, params.incidentFilter(), groupBy);
      return csv('incident-counts', table, [], { precision: AggregateMeasure.INCIDENTS });
    },
  },
  'repeat-demand': {
    query: 'repeatDemand',
    parameters: [...INCIDENT_FILTER, 'subject'],
    produce: async (em, _viewer, params) => {
      const subject = params.required('subject');
      if (!Object.values(RepeatSubject).includes(subject as RepeatSubject)) {
        throw badInput(
          `subject is one of ${Object.values(RepeatSubject).join(', ')}, not ${subject}`,
          'subject',
        );
      }
      const table = await repeatDemand(em, params.incidentFilter(), subject as RepeatSubject);
      return csv('repeat-demand', table, [subject]);
    },
  },
  'intervention-impact': {
    query: 'interventionImpact',
    parameters: [...INTERVENTION_FILTER, 'windowDays'],
    produce: async (em, viewer, params) => {
      const text = params.text('windowDays');
      if (text !== undefined && !/^\d{1,4}$/.test(text)) {
        throw badInput('windowDays must be a whole number of days', 'windowDays');
      }
      const windowDays = text === undefined ? DEFAULT_WINDOW_DAYS : Number(text);
      const table = await interventionImpact(em, viewer, params.interventionFilter(), windowDays);
      return csv('intervention-impact', table, [windowDays], {
        precision: AggregateMeasure.INCIDENTS,
        windows: true,
      });
    },
  },
  'case-review-statistics': {
    query: 'caseReviewStatistics',
    parameters: ['from', 'to'],
    produce: async (em, _viewer, params) =>
      csv('case-review-statistics', await caseReviewStatistics(em, params.period())),
  },
  'intervention-statistics': {
    query: 'interventionStatistics',
    parameters: [...INTERVENTION_FILTER, 'groupBy'],
    produce: async (em, _viewer, params) => {
      const groupBy = (params.list('groupBy') ?? []) as AggregateDimension[];
      const table = await interventionStatistics(em, params.interventionFilter(), groupBy);
      return csv('intervention-statistics', table);
    },
  },
};

/**
 * Hotspot maps as RFC 7946 GeoJSON that a GIS tool or a web map loads directly: incident counts
 * by LSOA and by the published data's anonymised map point, under the same disclosure control.
 */
const MAPS: Record<string, CsvExport> = {
  'incident-counts-by-lsoa': {
    query: 'incidentCounts',
    parameters: INCIDENT_FILTER,
    produce: async (em, _viewer, params) =>
      JSON.stringify(await incidentMap(em, params.incidentFilter(), 'lsoa')),
  },
  'incident-counts-by-place': {
    query: 'incidentCounts',
    parameters: INCIDENT_FILTER,
    produce: async (em, _viewer, params) =>
      JSON.stringify(await incidentMap(em, params.incidentFilter(), 'place')),
  },
};

/**
 * GET /exports/{name}.csv (and the maps, {name}.geojson): the aggregates as CSV for BI tools, with the same bearer token, rate
 * limit, policy (analysts and BI service accounts only) and suppression as GraphQL. Columns are
 * fixed per export (docs/analysts.md). Aggregates are not personal data, so
 * nothing is audited.
 */
export function aggregateExportRoutes(deps: {
  orm: MikroORM;
  verifier: TokenVerifier;
  rateLimiter: RateLimiter;
}) {
  const router = express.Router();
  const serve = (file: string, type: string, served: CsvExport, csv: boolean) => {
    router.get(`/${file}`, async (req: Request, res: Response) => {
      const requestId = requestIdOf(res);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-request-id', requestId);
      try {
        const em = deps.orm.em.fork();
        const viewer = await authenticate(deps, req, res, em);
        requireReadable(viewer, ['Query', served.query]);
        // A byte-order mark for spreadsheets; GeoJSON must not have one (RFC 7946 section 11).
        const params = new ExportParams(req.query, [...served.parameters, ...(csv ? ['bom'] : [])]);
        const bom = csv && params.flag('bom');
        const body = await served.produce(em, viewer, params);
        res
          .status(200)
          .setHeader('content-disposition', `attachment; filename="${file}"`)
          .type(type)
          // Excel reads UTF-8 (a partner's or an LSOA's name) only after a byte-order mark.
          .send(bom ? `\uFEFF${body}` : body);
      } catch (error) {
        sendError(res, error, requestId);
      }
    });
  };
  for (const [name, csvExport] of Object.entries(EXPORTS)) {
    serve(`${name}.csv`, 'text/csv; charset=utf-8', csvExport, true);
  }
  for (const [name, map] of Object.entries(MAPS)) {
    serve(`${name}.geojson`, 'application/geo+json; charset=utf-8', map, false);
  }
  return router;
}
