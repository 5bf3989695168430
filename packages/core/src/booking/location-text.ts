/** How a clinic's address reads on one line, and where its map link points. */
import type { Address } from '../schemas/common.js';
import type { Location } from '../schemas/practice.js';

/** `4020 E Camelback Rd, Suite 110, Phoenix, AZ 85018`. */
export function addressLine(address: Address): string {
  const regionPostal = [address.region, address.postalCode].filter(Boolean).join(' ');
  return [address.line1, address.line2, address.city, regionPostal].filter(Boolean).join(', ');
}

/** The location's own map link, or a maps search for its address. */
export function mapLink(location: Location): string {
  return location.mapUrl ?? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(addressLine(location.address))}`;
}
