import { Args, ArgsType, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Actor, AllowRoles, Cost, CurrentActor, IMPORT_COST, InvalidInputError, Role } from '@lotse/common';
import { CatalogueImportService } from './import.service';
import { ImportFormat, ImportReport, ProblemCode } from './import.types';
import { SPREADSHEET_COLUMNS } from './spreadsheet-columns';
import { spreadsheetTemplate } from './template';

registerEnumType(ImportFormat, { name: 'ImportFormat', description: 'XLSX or CSV spreadsheet (German headings), HSDS 3.0 JSON, HSDS 3.0 tabular datapackage (zip)' });
registerEnumType(ProblemCode, { name: 'ImportProblemCode' });

/** Largest file the mutation takes (after base64 decoding). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

@InputType({ description: 'A file: its name (the extension tells the format) and its bytes as base64' })
export class ImportFileInput {
  @Field() @IsString() @MinLength(1) @MaxLength(300) name: string;
  @Field({ description: 'the file, base64-encoded; in a multipart request (graphql-multipart-request-spec) the server fills it in from the uploaded part' })
  @IsString() @Matches(/^[A-Za-z0-9+/=\r\n]*$/, { message: 'contentBase64 must be base64' })
  contentBase64: string;
}

@ArgsType()
export class ImportCatalogueArgs {
  @Field(() => ImportFileInput) @ValidateNested() @Type(() => ImportFileInput) file: ImportFileInput;
  @Field({ nullable: true, description: 'names the source; importing the same source again updates its records (default: the file name)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) source?: string;
  @Field(() => ImportFormat, { nullable: true, description: 'default: from the file name and contents' }) @IsOptional() @IsEnum(ImportFormat) format?: ImportFormat;
  @Field({ defaultValue: true, description: 'report every problem and what would change, write nothing (the default)' }) @IsBoolean() dryRun: boolean;
  @Field({ defaultValue: false, description: 'imported organisations become ACTIVE at once (default PENDING, for admission)' }) @IsBoolean() activate: boolean;
  @Field({ defaultValue: false, description: 'a full import: retire what this source has in Lotse and the file no longer lists' }) @IsBoolean() retireMissing: boolean;
}

@ObjectType('ImportProblem', { description: 'One problem, by spreadsheet row and column or JSON path' })
export class ImportProblemType {
  @Field({ description: 'error (the record is not imported) or warning' }) severity: string;
  @Field(() => ProblemCode) code: ProblemCode;
  @Field({ description: '„Zeile 7, Spalte „PLZ““ or a JSON path' }) where: string;
  @Field(() => Int, { nullable: true }) row?: number;
  @Field({ nullable: true }) column?: string;
  @Field({ nullable: true }) path?: string;
  @Field() message: string;
  @Field({ nullable: true }) value?: string;
}

@ObjectType('ImportCounts')
export class ImportCountsType {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) retired: number;
  @Field(() => Int, { description: 'listed in the file but not imported (see problems)' }) refused: number;
}

@ObjectType('GeocodePrecisionCounts', { description: 'How exact the points of the imported locations are' })
export class PrecisionCountsType {
  @Field(() => Int) exact: number;
  @Field(() => Int) street: number;
  @Field(() => Int) postcode: number;
  @Field(() => Int) locality: number;
}

@ObjectType('ImportReport')
export class ImportReportType {
  @Field(() => ID, { nullable: true, description: 'the recorded run (null for a dry run)' }) runId: string | null;
  @Field(() => ImportFormat) format: ImportFormat;
  @Field() source: string;
  @Field() fileName: string;
  @Field() dryRun: boolean;
  @Field(() => Int, { description: 'rows of the spreadsheet, services of an HSDS document' }) records: number;
  @Field(() => ImportCountsType) organizations: ImportCountsType;
  @Field(() => ImportCountsType) locations: ImportCountsType;
  @Field(() => ImportCountsType) services: ImportCountsType;
  @Field({ description: 'the geocoder that placed addresses without coordinates' }) geocoder: string;
  @Field(() => PrecisionCountsType) precision: PrecisionCountsType;
  @Field(() => [ImportProblemType]) problems: ImportProblemType[];
  @Field(() => Int) errors: number;
  @Field(() => Int) warnings: number;
  @Field(() => Int) elapsedMs: number;
}

@ObjectType('ImportTemplateColumn')
export class ImportTemplateColumnType {
  @Field() heading: string;
  @Field() required: boolean;
  @Field() description: string;
  @Field() example: string;
}

@ObjectType('ImportTemplate', { description: 'The spreadsheet template coordinators fill in' })
export class ImportTemplateType {
  @Field() fileName: string;
  @Field() contentBase64: string;
  @Field(() => [ImportTemplateColumnType]) columns: ImportTemplateColumnType[];
}

@ArgsType()
export class ImportTemplateArgs {
  @Field({ defaultValue: 'xlsx', description: 'xlsx or csv' }) @Matches(/^(xlsx|csv)$/, { message: 'format must be xlsx or csv' }) format: string;
}

/** Coordinators import partners: dry run first (the default), then the real run. */
@Resolver()
export class ImportResolver {
  constructor(private readonly imports: CatalogueImportService) {}

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => ImportReportType, { complexity: Cost.write(IMPORT_COST), description: 'Imports a spreadsheet (XLSX/CSV), HSDS 3.0 JSON or an HSDS datapackage (zip); dryRun (default) writes nothing' })
  async importCatalogue(@CurrentActor() actor: Actor, @Args() a: ImportCatalogueArgs): Promise<ImportReport> {
    const bytes = Buffer.from(a.file.contentBase64, 'base64');
    if (bytes.length === 0) throw InvalidInputError.of('file.contentBase64', 'the file is empty');
    if (bytes.length > MAX_IMPORT_BYTES) throw InvalidInputError.of('file.contentBase64', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    return this.imports.import(
      { fileName: a.file.name, bytes },
      { source: a.source ?? a.file.name, fileName: a.file.name, format: a.format, dryRun: a.dryRun, activate: a.activate, retireMissing: a.retireMissing },
      { userId: actor.userId, displayName: actor.displayName, role: actor.role },
    );
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => ImportTemplateType, { complexity: Cost.lookup, description: 'The spreadsheet template (XLSX or CSV) and its columns, explained' })
  async importTemplate(@Args() a: ImportTemplateArgs): Promise<ImportTemplateType> {
    const format = a.format === 'csv' ? 'csv' : 'xlsx';
    return {
      fileName: `lotse-import-vorlage.${format}`,
      contentBase64: (await spreadsheetTemplate(format)).toString('base64'),
      columns: SPREADSHEET_COLUMNS.map((c) => ({ heading: c.heading, required: c.required, description: c.description, example: c.example })),
    };
  }
}
