#!/bin/sh
# Makes the secret files docker-compose.yml reads, in deploy/secrets (never committed): a random
# password per database role, the checkpoint signing key and the Temporal payload keys. Existing files are kept, so running
# it again never changes a password the database already has. The folder is 0700 (only you on
# this host); the files are 0644 because compose mounts them as they are and each container's
# own user (postgres, node, temporal, keycloak) must read its secret.
set -eu
dir="$(cd "$(dirname "$0")/.." && pwd)/deploy/secrets"
mkdir -p "$dir" && chmod 700 "$dir"
for name in postgres-superuser selter-owner selter-app temporal-db keycloak-db keycloak-admin; do
  file="$dir/$name.password"
  [ -s "$file" ] || { openssl rand -base64 32 | tr -d '/+=\n' > "$file"; echo "made $file"; }
  chmod 644 "$file"
done
key="$dir/checkpoint-key.pem"
[ -s "$key" ] || { openssl genpkey -algorithm ed25519 -out "$key"; echo "made $key"; }
chmod 644 "$key"
payload="$dir/temporal-payload-keys.json"
if [ ! -s "$payload" ]; then
  id="k$(date -u +%Y%m%d)-$(openssl rand -hex 4)"
  printf '{\n  "active": "%s",\n  "keys": { "%s": "%s" }\n}\n' "$id" "$id" "$(openssl rand -base64 32)" > "$payload"
  echo "made $payload"
fi
chmod 644 "$payload"
