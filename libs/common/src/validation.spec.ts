import 'reflect-metadata';
import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { InvalidInputError } from './errors';
import { createValidationPipe } from './validation';

class Point {
  @IsInt() @Min(0) x!: number;
}

class Shape {
  @IsString() name!: string;
  @ValidateNested() @Type(() => Point) at!: Point;
}

const GRAPHQL = { ROOT: 0, CONTEXT: 1, INFO: 2, ARGS: 3 };
const as = (type: unknown, metatype: unknown, data?: string) => ({ type, metatype, data }) as ArgumentMetadata;

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('validates GraphQL arguments, transforms them to their class and names the failing field', async () => {
    const ok = await pipe.transform({ name: 'a', at: { x: 1 }, extra: 'dropped' }, as(GRAPHQL.ARGS, Shape));
    expect(ok).toBeInstanceOf(Shape);
    expect(ok.at).toBeInstanceOf(Point);
    expect(ok).not.toHaveProperty('extra');

    const error = await pipe.transform({ name: 'a', at: { x: -1 } }, as(GRAPHQL.ARGS, Shape)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([expect.objectContaining({ field: 'at.x' })]);
  });

  it('validates an HTTP body, query and route parameter too', async () => {
    for (const type of ['body', 'query', 'param']) {
      await expect(pipe.transform({ name: 1, at: { x: 0 } }, as(type, Shape))).rejects.toBeInstanceOf(InvalidInputError);
    }
  });

  it('hands a parent object, the context and the resolve info over as they are: our own values, not input', async () => {
    // invalid by Shape's rules, and not a Shape: a validating pipe would reject or copy it
    const parent = { name: 42, at: { x: -5 }, computed: () => 'kept' };
    for (const type of [GRAPHQL.ROOT, GRAPHQL.CONTEXT, GRAPHQL.INFO]) {
      await expect(pipe.transform(parent, as(type, Shape))).resolves.toBe(parent);
    }
  });
});

describe('memoised validation metadata', () => {
  createValidationPipe();

  it('answers as class-validator does, for subclasses and for classes decorated after the first lookups', () => {
    class Base {
      @IsInt() a!: unknown;
    }
    const base = Object.assign(new Base(), { a: 'x' });
    expect(validateSync(base).map((e) => e.property)).toEqual(['a']);
    expect(validateSync(base).map((e) => e.property)).toEqual(['a']);

    // decorated now, after Base's metadata was looked up (and memoised)
    class Derived extends Base {
      @IsString() b!: unknown;
    }
    const derived = Object.assign(new Derived(), { a: 'x', b: 1 });
    expect(validateSync(derived).map((e) => e.property).sort()).toEqual(['a', 'b']);
    expect(validateSync(Object.assign(new Derived(), { a: 1, b: 'y' }))).toEqual([]);
    expect(validateSync(base).map((e) => e.property)).toEqual(['a']);
  });

  it('keeps groups apart', () => {
    class Grouped {
      @IsInt({ groups: ['strict'] }) n!: unknown;
    }
    const value = Object.assign(new Grouped(), { n: 'x' });
    expect(validateSync(value, { groups: ['strict'] }).map((e) => e.property)).toEqual(['n']);
    expect(validateSync(value, { groups: ['other'], forbidUnknownValues: false })).toEqual([]);
    expect(validateSync(value, { groups: ['strict'] }).map((e) => e.property)).toEqual(['n']);
  });
});
