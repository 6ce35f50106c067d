import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from './errors';
import { memoizeValidationMetadata } from './validation-metadata-cache';

function collect(errors: ValidationError[], prefix: string, out: FieldProblem[]): FieldProblem[] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) collect(error.children, field, out);
  }
  return out;
}

/** Flattens class-validator's tree into `{ field: 'near.latitude', message }` entries. */
export function toFieldProblems(errors: ValidationError[]): FieldProblem[] {
  return collect(errors, '', []);
}

/** @nestjs/graphql's parameter type of `@Args()` (its GqlParamtype.ARGS, which the package does not export). */
const GRAPHQL_ARGS = 3;

/**
 * Validates what a client sent — GraphQL arguments, and an HTTP body, query or route parameter —
 * and nothing else. Nest hands a global pipe every resolver parameter, including a field's parent
 * object, and would transform a parent typed with a class into a deep copy of that class: for the
 * match's `targets` field that copied every ranked candidate on every request, which our own
 * resolvers had just built and which no client can touch.
 */
export class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const type: unknown = metadata.type;
    const clientInput = type === GRAPHQL_ARGS || type === 'body' || type === 'query' || type === 'param';
    return clientInput && super.toValidate(metadata);
  }
}

/** The one ValidationPipe of the API: transforms args to their classes, rejects with field names. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new InvalidInputError(toFieldProblems(errors)),
  });
}
