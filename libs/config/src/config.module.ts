import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment, loadEnvironment } from './environment';

/** Provides the validated `Environment`; an invalid environment stops the module graph from building. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env?: Environment): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: Environment, useFactory: () => env ?? loadEnvironment() }],
      exports: [Environment],
    };
  }
}
