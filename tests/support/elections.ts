import { residentIdCheckChar } from '../../domain/resident-id';

/** A valid resident ID number for a birth date (region 370102, 济南市历下区), sequence varied for uniqueness. */
export function idFor(birthDate: string, sequence = '123'): string {
  const first17 = `370102${birthDate.replace(/-/g, '')}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}
