import { registerEnumType } from '@nestjs/graphql';
import { TravelMode } from '../travel-time.port';

registerEnumType(TravelMode, { name: 'TravelMode', description: 'How the participant travels' });
