import { registerEnumType } from '@nestjs/graphql';
import { GeocodePrecision } from '@lotse/geo';
import {
  RoomEquipment,
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  ServiceCategory,
  ServiceStatus,
} from '../domain/enums';

registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'Kind of partner organisation (Netzwerkpartner)' });
registerEnumType(OrganizationStatus, { name: 'OrganizationStatus', description: 'Only ACTIVE organisations appear in the directory' });
registerEnumType(IdentifierScheme, { name: 'IdentifierScheme', description: 'IK, BSNR, LANR or another scheme' });
registerEnumType(ServiceCategory, { name: 'ServiceCategory' });
registerEnumType(MedicalSpecialty, { name: 'MedicalSpecialty' });
registerEnumType(AccessibilityFeature, { name: 'AccessibilityFeature' });
registerEnumType(DeliveryMode, { name: 'DeliveryMode', description: 'IN_PERSON, OUTREACH (aufsuchend) or ONLINE' });
registerEnumType(CostType, { name: 'CostType' });
registerEnumType(RoomEquipment, { name: 'RoomEquipment', description: 'What a room for outreach consultations offers' });
registerEnumType(InsuranceRequirement, { name: 'InsuranceRequirement' });
registerEnumType(ServiceStatus, { name: 'ServiceStatus' });
registerEnumType(GeocodePrecision, { name: 'GeocodePrecision', description: 'How exact a location’s point is: EXACT (the building), STREET, POSTCODE or LOCALITY (approximate)' });
