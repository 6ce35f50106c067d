import { Logger } from '@nestjs/common';
import { ApolloServerPlugin } from '@apollo/server';

const logger = new Logger('GraphQLRequest');

/**
 * Logs that a request happened, its operation name, duration and whether it failed — never its
 * variables or query text, which may carry a participant's needs or place.
 */
export function requestLoggingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = errors?.map((e) => e.extensions?.code).filter(Boolean) ?? [];
          logger.log({ msg: 'graphql request', operation: operationName ?? null, durationMs: Math.round(ms * 10) / 10, errorCodes: codes });
        },
      };
    },
  };
}
