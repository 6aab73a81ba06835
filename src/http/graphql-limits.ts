import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { SurfaceLimits } from '../config';
import { HubError } from '../errors';

/** What a client is told when an operation is refused for its shape, per limit. */
const REFUSALS = {
  depth: 'The query is nested too deeply: ask for fewer levels of related records',
  cost: 'The query asks for too much at once: split it or ask for fewer fields',
  aliases: 'The query uses too many aliases',
  directives: 'The query uses too many directives',
  tokens: 'The query is too long',
} as const;

export type LimitName = keyof typeof REFUSALS;

/**
 * The message of a refusal. Outside production it carries graphql-armor's detail (the limit and
 * what was found), which helps a developer; in production the configured limits stay private.
 */
export function refusal(limit: LimitName, detail: string | undefined, exposeLimits: boolean) {
  const plain = REFUSALS[limit];
  return exposeLimits && detail ? `${plain} (${detail.replace(/^Syntax Error: /, '')})` : plain;
}

/** Reports a refusal as the hub's QUERY_TOO_COMPLEX instead of throwing out of validation. */
function reject(limit: LimitName, exposeLimits: boolean) {
  return (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(
      new HubError('QUERY_TOO_COMPLEX', refusal(limit, error.message, exposeLimits), { limit }),
    );
}

/**
 * OWASP GraphQL cheat sheet, "query limiting": depth, cost, aliases and directives through
 * graphql-armor's validation rules, and field suggestions blocked. Rejections are reported to
 * the validation context (so Apollo answers 400 before anything runs), never thrown.
 *
 * The token limit is graphql-js's own `maxTokens` parse option (the check armor's lexer wraps):
 * armor's Apollo token plugin throws from `parsingDidStart`, which Apollo treats as an unexpected
 * failure (HTTP 500, logged as an internal error). See `parseOptions` below.
 */
export function graphqlLimits(
  limits: SurfaceLimits,
  production: boolean,
): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const exposeLimits = !production;
  const common = (limit: LimitName) => ({
    exposeLimits,
    propagateOnRejection: false,
    onReject: [reject(limit, exposeLimits)],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...common('depth') },
    costLimit: { maxCost: limits.maxCost, ...common('cost') },
    maxAliases: { n: limits.maxAliases, ...common('aliases') },
    maxDirectives: { n: limits.maxDirectives, ...common('directives') },
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors hides them too; this also covers other messages.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** graphql-js's message when a document passes `maxTokens` (it says "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens/;

export const isTooManyTokens = (message: string) => TOO_MANY_TOKENS.test(message);
