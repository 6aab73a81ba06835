import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { optionalText, requireText } from '../common/validate';
import { badInput } from '../errors';
import { requireRow } from '../permissions/row-access';
import type { NewLocationInput } from './location.input';
import { Location } from './location.entity';

/**
 * The place a write names: an existing one by id, or a new one, never both. An existing place
 * must be one the viewer reaches (src/permissions/row-access.ts): naming another partner's place
 * would otherwise put its address, UPRN and coordinates into the answer.
 */
export async function resolveLocation(
  em: EntityManager,
  viewer: Viewer,
  locationId: string | null | undefined,
  newLocation: NewLocationInput | null | undefined,
): Promise<Location | null> {
  if (locationId && newLocation)
    throw badInput('Give locationId or newLocation, not both', 'locationId');
  if (locationId) {
    const id = await requireRow({ em, viewer }, 'location', locationId);
    return em.findOneOrFail(Location, { id });
  }
  if (!newLocation) return null;
  const { latitude, longitude } = newLocation;
  if ((latitude == null) !== (longitude == null)) {
    throw badInput('Give both latitude and longitude, or neither', 'newLocation.latitude');
  }
  if (latitude != null && (latitude < -90 || latitude > 90)) {
    throw badInput('latitude must be between -90 and 90', 'newLocation.latitude');
  }
  if (longitude != null && (longitude < -180 || longitude > 180)) {
    throw badInput('longitude must be between -180 and 180', 'newLocation.longitude');
  }
  return em.create(Location, {
    kind: newLocation.kind,
    description: requireText(newLocation.description, 'newLocation.description', 500),
    uprn: optionalText(newLocation.uprn, 'newLocation.uprn', 20),
    latitude: latitude ?? null,
    longitude: longitude ?? null,
    lsoaCode: optionalText(newLocation.lsoaCode, 'newLocation.lsoaCode', 20),
  });
}
