import { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext, visit } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@lotse/common';

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
 * Estimates a query's cost before running it: each field costs 1, multiplied by `first` on lists,
 * so `services(first: 100) { locations { services(first: 100) … } }` is refused up front.
 *
 * The estimate depends only on the document and the values of variables that feed a `first`
 * argument, so it is remembered per document for those values (page sizes — nothing else of a
 * request is kept): walking the schema for every request cost as much as a small query.
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, { pageVariables: string[]; byPageSizes: Map<string, number> }>();
  const estimate = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number =>
    getComplexity({
      schema: schema(),
      operationName,
      query: document,
      variables,
      estimators: [
        fieldExtensionsEstimator(),
        ({ args, childComplexity }) => {
          const first = typeof args.first === 'number' ? args.first : undefined;
          return first !== undefined ? 1 + childComplexity * first : undefined;
        },
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          let entry = known.get(document);
          if (!entry) {
            entry = { pageVariables: pageSizeVariables(document), byPageSizes: new Map() };
            known.set(document, entry);
          }
          const key = JSON.stringify([request.operationName ?? null, ...entry.pageVariables.map((name) => variables[name] ?? null)]);
          let complexity = entry.byPageSizes.get(key);
          if (complexity === undefined) {
            try {
              complexity = estimate(document, request.operationName ?? undefined, variables);
            } catch {
              // Variables that do not coerce: execution reports them as BAD_USER_INPUT with the variable's name.
              return;
            }
            // Page sizes are bounded integers, but a client could still vary them endlessly.
            if (entry.byPageSizes.size < 64) entry.byPageSizes.set(key, complexity);
          }
          if (complexity > max) {
            throw new GraphQLError(`Query is too complex (${complexity}); at most ${max} is allowed — ask for fewer items per page`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'query', complexity, maxComplexity: max },
            });
          }
        },
      };
    },
  };
}

/** Names of the variables a document passes to a `first` argument, anywhere (fragments included). */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}
