import { registerEnumType } from 'type-graphql';

export enum LocationKind {
  ADDRESS = 'ADDRESS',
  PUBLIC_PLACE = 'PUBLIC_PLACE',
}

registerEnumType(LocationKind, { name: 'LocationKind' });
