import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '@lotse/common';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => [ID], { description: 'organisations a partner belongs to' }) organizationIds: string[];
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'send as "Authorization: Bearer <token>"' }) accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'exchange with refreshToken(); rotated on every use' }) refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => UserType) user: UserType;
}

@ObjectType('Invitation')
export class InvitationType {
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field() expiresAt: Date;
  @Field({ description: 'the one-time code (no mail server: hand it over yourself; in development it is also logged)' }) token: string;
}

@ArgsType()
export class LoginArgs {
  @Field() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(320) email: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

@ArgsType()
export class RefreshArgs {
  @Field() @IsString() @MinLength(20) @MaxLength(200) refreshToken: string;
}

@ArgsType()
export class InviteArgs {
  @Field() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(320) email: string;
  @Field(() => Role, { defaultValue: Role.PARTNER }) @IsEnum(Role) role: Role = Role.PARTNER;
  @Field(() => ID, { nullable: true, description: 'required for partners' }) @IsOptional() @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

@ArgsType()
export class AcceptInvitationArgs {
  @Field() @IsString() @MinLength(20) @MaxLength(200) token: string;
  @Field() @IsString() @MaxLength(200) password: string;
  @Field() @IsString() @MinLength(2) @MaxLength(200) displayName: string;
}
