export * from './referral.module';
export * from './referral.service';
export * from './referral.clock';
export * from './referral.errors';
export * from './domain/referral-states';
export * from './domain/referral.types';
export * from './domain/referral-code';
export { NOTE_WARNING_DE } from './domain/note';
