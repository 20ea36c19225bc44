import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_USERS } from './dev-users';
import { ROLE } from './principal';

interface RealmUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  realmRoles: string[];
  groups: string[];
}
interface Realm {
  realm: string;
  roles: { realm: Array<{ name: string }> };
  groups: Array<{ name: string; subGroups: Array<{ name: string; attributes: Record<string, string[]> }> }>;
  users: RealmUser[];
}

const realm = JSON.parse(
  readFileSync(join(__dirname, '../../../../deploy/keycloak/selter-realm.json'), 'utf8'),
) as Realm;

/** The claims a realm user's access token carries through the realm's mappers (ADR 0026). */
function claimsOf(user: RealmUser): Record<string, string> {
  const attribute = (name: string): string | undefined =>
    realm.groups
      .flatMap((g) => g.subGroups.map((s) => ({ path: `/${g.name}/${s.name}`, attributes: s.attributes })))
      .find((g) => user.groups.includes(g.path) && g.attributes[name])?.attributes[name]?.[0];
  const agency = attribute('agency');
  const body = attribute('oversight_body');
  return {
    sub: user.id,
    role: user.realmRoles.join(','),
    ...(agency ? { agency } : {}),
    ...(body ? { oversight_body: body } : {}),
    name: `${user.firstName} ${user.lastName}`,
  };
}

describe('the Keycloak realm (deploy/keycloak/selter-realm.json)', () => {
  it("has exactly the api's roles", () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...ROLE.options].sort());
  });

  it("seeds the development issuer's users with the same claims, ids equal to usernames", () => {
    expect(realm.users.map(claimsOf)).toEqual(DEV_USERS.map((u) => ({ ...u })));
    for (const user of realm.users) expect(user.id).toBe(user.username);
  });

  it("gives every seeded user a name Keycloak's user profile accepts (else sign-in stops at VERIFY_PROFILE)", () => {
    // Keycloak's person-name-prohibited-characters validator, on firstName and lastName.
    for (const user of realm.users)
      expect(`${user.firstName} ${user.lastName}`).not.toMatch(/[<>&"$%!#?§;*~/\\|^=[\]{}()]/);
  });
});
