#!/usr/bin/env bash
# Writes the secrets deploy/compose.yaml mounts into deploy/secrets/, which git ignores. Existing files are kept,
# so running it again changes nothing; delete a file to have it generated anew (see deploy/README.md before
# doing that to person_key_secret).
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
# Compose mounts each file as it is; readable inside the containers, whose users differ from the host's.
umask 022
random() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
write() { [ -s "$dir/$1" ] || { printf '%s' "$2" >"$dir/$1"; echo "wrote deploy/secrets/$1"; }; }

write db_password "$(random)"
write gulou_db "Host=postgres;Database=gulou;Username=gulou;Password=$(cat "$dir/db_password");Maximum Pool Size=30"
write admin_key "glk_$(random)"
write super_admin_key "glk_$(random)"
write person_key_secret "$(random)"
write person_master_key "$(random)"
echo "administrator key: deploy/secrets/admin_key; super-administrator key (creates districts): deploy/secrets/super_admin_key"
