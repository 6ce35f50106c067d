import { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext, ValueNode, visit } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DATABASE_WORK, DEFAULT_PAGE_SIZE, ErrorCode, pageSize, QueryCostScale, QueryTooComplexError, WRITE_COST } from '@lotse/common';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COMPLEXITY = 20_000;

/** Rejects queries nested deeper than `max` levels (introspection's own nesting is exempt). */
export function depthLimitRule(max = MAX_QUERY_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depth = (set: SelectionSetNode | undefined, level: number, seen: Set<string>): number => {
      if (!set) return level;
      let deepest = level;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if ((selection as FieldNode).name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, depth(selection.selectionSet, level + 1, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depth(selection.selectionSet, level, seen));
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          deepest = Math.max(deepest, depth(fragment?.selectionSet, level, new Set([...seen, selection.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const d = depth(node.selectionSet, 0, new Set());
        if (d > max) {
          context.reportError(new GraphQLError(`Query is nested ${d} levels deep; at most ${max} are allowed`, { nodes: [node], extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'query' } }));
        }
      },
    };
  };
}

/**
 * Estimates a request's cost before running it (see `Cost` in @lotse/common): fields declare their
 * cost (`complexity`), pages multiply by `first`, other fields cost 1. A request over `max` is
 * refused before any resolver runs, with HTTP 400 and QUERY_TOO_COMPLEX naming the limit.
 *
 * The estimate depends only on the document and the values it may read (page sizes, districts,
 * lengths of lists — `costShape`), so it is remembered per document for those: walking the schema
 * for every request cost as much as a small query.
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema, scale: () => Promise<QueryCostScale>, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, { costVariables: Set<string>; byShape: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          let entry = known.get(document);
          if (!entry) {
            entry = { costVariables: costVariables(document), byShape: new Map() };
            known.set(document, entry);
          }
          const { byShape, costVariables: kept } = entry;
          const shape = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, kept.has(name) && typeof value !== 'object' ? value : costShape(value)]));
          const key = JSON.stringify([request.operationName ?? null, shape]);
          let complexity = byShape.get(key);
          if (complexity === undefined) {
            const costScale = await scale();
            try {
              complexity = estimateQueryCost(schema(), document, variables, costScale, request.operationName ?? undefined);
            } catch {
              // Variables that do not coerce: execution reports them as BAD_USER_INPUT with the variable's name.
              return;
            }
            // Page sizes are bounded integers, but a client could still vary them endlessly.
            if (byShape.size < 64) byShape.set(key, complexity);
          }
          if (complexity > max) {
            const refusal = new QueryTooComplexError(complexity, max);
            throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: refusal.code, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/** The estimated cost of an operation (see `Cost` in @lotse/common); throws when variables do not coerce. */
export function estimateQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, scale: QueryCostScale, operationName?: string): number {
  return getComplexity({
    schema,
    operationName,
    query: document,
    variables,
    context: { scale },
    estimators: [
      fieldExtensionsEstimator(),
      // a mutation without a declared cost is a write (a safety net; WRITE_COST is tested for every mutation)
      ({ type, childComplexity }) => (type.name === 'Mutation' ? WRITE_COST + childComplexity : undefined),
      // a list with a page size and no declared cost (a safety net; declared costs are tested)
      ({ field, args, childComplexity }) => (field.args.some((a) => a.name === 'first') ? DATABASE_WORK + pageSize(args.first, DEFAULT_PAGE_SIZE) * childComplexity : undefined),
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}

/** Arguments and input fields a cost may read the value of (besides the lengths of lists). */
const COST_KEYS = new Set(['first', 'districtAgs']);

/**
 * What of a request's variables the estimate may read: values under `first` and `districtAgs`
 * keys and the lengths of lists (each element reduced the same way); everything else becomes
 * null, so the remembered estimates hold no needs, places or text.
 */
export function costShape(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => costShape(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, costShape(v, k)]));
  if (key !== undefined && COST_KEYS.has(key) && (typeof value === 'number' || typeof value === 'string')) return value;
  return null;
}

/** Names of the variables a document passes to a `first` or `districtAgs` argument or input field, anywhere. */
function costVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  const note = (name: string, value: ValueNode) => {
    if (COST_KEYS.has(name) && value.kind === Kind.VARIABLE) names.add(value.name.value);
  };
  visit(document, {
    Argument: (node) => note(node.name.value, node.value),
    ObjectField: (node) => note(node.name.value, node.value),
  });
  return names;
}
