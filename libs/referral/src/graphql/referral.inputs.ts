import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLanguageCode } from '@lotse/catalogue';
import { PageArgs } from '@lotse/common';
import { NOTE_MAX_LENGTH, NOTE_WARNING_DE } from '../domain/note';
import { ReferralStatus } from '../domain/referral-states';
import { ConsentScope, ContactRoute, Urgency } from '../domain/referral.types';
import { ReferralReasonEnum, ReferralReasonValue } from './referral.graphql-types';

@InputType('ReferralConsentInput', { description: 'The participant’s consent, asked before the referral is sent' })
export class ConsentInputType {
  @Field({ description: 'the participant agreed' }) @IsBoolean() agreed: boolean;
  @Field(() => [ConsentScope], { description: 'what they agreed to: both SHARE_WITH_PARTNER and STATUS_FEEDBACK' })
  @IsArray() @ArrayMaxSize(5) @IsEnum(ConsentScope, { each: true }) scopes: ConsentScope[];
  @Field(() => Date, { nullable: true, description: 'when they agreed (default: now)' }) @IsOptional() @Type(() => Date) @IsDate() givenAt?: Date;
}

@InputType('CreateReferralInput')
export class CreateReferralInputType {
  @Field(() => ID) @IsUUID() serviceId: string;
  @Field(() => ID) @IsUUID() locationId: string;
  @Field(() => [String], { description: 'need codes the referral addresses (1–10)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(64, { each: true }) needs: string[];
  @Field(() => Urgency) @IsEnum(Urgency) urgency: Urgency;
  @Field(() => [String], { description: 'languages the participant prefers: ISO 639-1 or 639-3 codes' })
  @IsArray() @ArrayMaxSize(10) @IsLanguageCode() languages: string[];
  @Field(() => ContactRoute) @IsEnum(ContactRoute) contactRoute: ContactRoute;
  @Field(() => String, { nullable: true, description: `Optional short note to the partner (at most ${NOTE_MAX_LENGTH} characters). WARNUNG: ${NOTE_WARNING_DE}` })
  @IsOptional() @IsString() @MaxLength(NOTE_MAX_LENGTH) note?: string | null;
  @Field(() => ConsentInputType, { nullable: true, description: 'required to send; may also be recorded later on the draft' })
  @IsOptional() @ValidateNested() @Type(() => ConsentInputType) consent?: ConsentInputType | null;
  @Field({ nullable: true, description: 'send at once (needs consent); otherwise a draft is kept' }) @IsOptional() @IsBoolean() send?: boolean;
}

@ArgsType()
export class CreateReferralArgs {
  @Field(() => CreateReferralInputType) @ValidateNested() @Type(() => CreateReferralInputType) input: CreateReferralInputType;
}

@ArgsType()
export class ReferralVersionArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'the version the caller saw; another one gives CONFLICT' }) @IsInt() @Min(1) expectedVersion: number;
}

@ArgsType()
export class RecordConsentArgs extends ReferralVersionArgs {
  @Field(() => ConsentInputType) @ValidateNested() @Type(() => ConsentInputType) consent: ConsentInputType;
}

@ArgsType()
export class WithdrawReferralArgs extends ReferralVersionArgs {
  @Field({ nullable: true, description: 'the participant withdrew their consent (the note is erased at once)' }) @IsOptional() @IsBoolean() consentWithdrawn?: boolean;
}

@InputType('ReferralMoveInput', { description: 'A partner’s move: SEEN, ACCEPTED, WAITING_LIST, DECLINED (reason), IN_PROGRESS, COMPLETED (outcome), NOT_COME_ABOUT (reason)' })
export class MoveInputType {
  @Field(() => ReferralStatus) @IsEnum(ReferralStatus) to: ReferralStatus;
  @Field(() => ReferralReasonEnum, { nullable: true }) @IsOptional() @IsEnum(ReferralReasonEnum) reason?: ReferralReasonValue | null;
  @Field(() => String, { nullable: true, description: 'with the decline reason OTHER: a few words (at most 300 characters, nothing identifying)' })
  @IsOptional() @IsString() @MaxLength(300) reasonText?: string | null;
}

@ArgsType()
export class MoveReferralArgs extends ReferralVersionArgs {
  @Field(() => MoveInputType) @ValidateNested() @Type(() => MoveInputType) move: MoveInputType;
}

@ArgsType()
export class ReferralIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class ReferralCodeArgs {
  @Field({ description: 'the code as read out (case, spaces and dashes do not matter)' }) @IsString() @MaxLength(40) code: string;
}

@ArgsType()
export class MyReferralsArgs extends PageArgs {
  @Field(() => [ReferralStatus], { nullable: true }) @IsOptional() @IsArray() @IsEnum(ReferralStatus, { each: true }) statuses?: ReferralStatus[];
  @Field({ nullable: true, description: 'only those flagged as without an update for too long' }) @IsOptional() @IsBoolean() staleOnly?: boolean;
}

@ArgsType()
export class ReferralInboxArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'one of the caller’s organisations (default: all of them)' }) @IsOptional() @IsUUID() organizationId?: string;
  @Field(() => [ReferralStatus], { nullable: true }) @IsOptional() @IsArray() @IsEnum(ReferralStatus, { each: true }) statuses?: ReferralStatus[];
}

@ArgsType()
export class ReferralOutcomesArgs {
  @Field(() => [String], { nullable: true, description: 'district AGS codes (default: all)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(/^[0-9]{5}$/, { each: true, message: 'districtAgs must be 5-digit AGS codes' }) districtAgs?: string[];
  @Field(() => [String], { nullable: true, description: 'need codes (default: all)' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(64, { each: true }) needs?: string[];
  @Field({ nullable: true, description: 'split each outcome by its reason (more cells are withheld)' }) @IsOptional() @IsBoolean() withReasons?: boolean;
}

@ArgsType()
export class UnmetDemandArgs {
  @Field(() => [String], { nullable: true, description: 'district AGS codes (default: all)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(/^[0-9]{5}$/, { each: true, message: 'districtAgs must be 5-digit AGS codes' }) districtAgs?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(64, { each: true }) needs?: string[];
}
