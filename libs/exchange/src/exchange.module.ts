import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@lotse/catalogue';
import { GeoModule } from '@lotse/geo';
import { AreaNamesProvider } from './area-names';
import { CatalogueExportRepository } from './catalogue-export.repository';
import { HsdsDatapackageExporter } from './datapackage/hsds-datapackage.exporter';
import { FhirController } from './fhir/fhir.controller';
import { FhirService } from './fhir/fhir.service';
import { HsdsController } from './hsds/hsds.controller';
import { HsdsApiService } from './hsds/hsds.service';
import { ImportResolver } from './import/import.graphql';
import { ImportJobResolver } from './import/import-job.graphql';
import { ImportJobs } from './import/import-jobs';
import { ImportUploadController } from './import/import-upload.controller';
import { ImportRepository } from './import/import.repository';
import { ImportRunEntity } from './import/import-run.entity';
import { CatalogueImportService } from './import/import.service';

/**
 * The network in and out: HSDS 3.0 and FHIR R4 exports (this module's controllers), imports of
 * spreadsheets and HSDS documents, and the geocoder port. Exports read only what the directory shows
 * (`DIRECTORY` of the catalogue's visibility rule) and follow the read access rule of the API.
 */
@Module({
  imports: [CatalogueModule, GeoModule, TypeOrmModule.forFeature([ImportRunEntity])],
  providers: [CatalogueExportRepository, AreaNamesProvider, HsdsApiService, HsdsDatapackageExporter, FhirService, ImportRepository, CatalogueImportService, ImportResolver, ImportJobs, ImportJobResolver],
  controllers: [HsdsController, FhirController, ImportUploadController],
  exports: [HsdsApiService, HsdsDatapackageExporter, CatalogueImportService, ImportJobs],
})
export class ExchangeModule {}
