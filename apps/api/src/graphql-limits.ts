import { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, FieldNode, FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext } from 'graphql';
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
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema, max = MAX_QUERY_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
            schema: schema(),
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) => {
                const first = typeof args.first === 'number' ? args.first : undefined;
                return first !== undefined ? 1 + childComplexity * first : undefined;
              },
              simpleEstimator({ defaultComplexity: 1 }),
            ],
            });
          } catch {
            // Variables that do not coerce: execution reports them as BAD_USER_INPUT with the variable's name.
            return;
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
