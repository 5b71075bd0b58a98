#!/usr/bin/env bash
# npm packages in napi-rs's layout, from the prebuilt addon of `make dist`:
#   lexedi-<v>.tgz                   the JavaScript layer and typings, no install script, with
#                                    lexedi-linux-x64-gnu as an optional dependency;
#   lexedi-linux-x64-gnu-<v>.tgz     the release addon (os/cpu/libc fields: npm installs it
#                                    only on linux x64 glibc).
# Usage: npm.sh ADDON.so NOTICES OUTDIR STAGEDIR
set -euo pipefail
addon="$(realpath "$1")" notices="$(realpath "$2")" out="$(realpath -m "$3")" stage="$(realpath -m "$4")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="$(python3 "$root/tools/dist/version.py")"
rm -rf "$stage" && mkdir -p "$stage/main" "$stage/platform" "$out"

# Main package: the files package.json lists, plus the licence and notices.
node - "$root/bindings-node" "$stage/main" "$version" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const [src, dst, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
for (const f of pkg.files) fs.cpSync(path.join(src, f), path.join(dst, f), { recursive: true });
if (pkg.version !== version) throw new Error(`package.json ${pkg.version} != workspace ${version}`);
delete pkg.devDependencies;
pkg.scripts = {};
pkg.files.push('LICENSE', 'THIRD-PARTY-NOTICES.txt');
pkg.optionalDependencies = { 'lexedi-linux-x64-gnu': version };
fs.writeFileSync(path.join(dst, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
const platform = {
  name: 'lexedi-linux-x64-gnu',
  version,
  description: `The prebuilt native addon of lexedi for Linux x86-64 (glibc >= 2.17)`,
  license: pkg.license,
  homepage: pkg.homepage,
  repository: pkg.repository,
  author: pkg.author,
  os: ['linux'],
  cpu: ['x64'],
  libc: ['glibc'],
  main: 'lexedi.linux-x64-gnu.node',
  files: ['lexedi.linux-x64-gnu.node', 'LICENSE', 'THIRD-PARTY-NOTICES.txt', 'README.md'],
  engines: pkg.engines,
};
fs.writeFileSync(path.join(dst, '..', 'platform', 'package.json'), JSON.stringify(platform, null, 2) + '\n');
JS
for d in main platform; do
  cp "$root/LICENSE" "$stage/$d/LICENSE"
  cp "$notices" "$stage/$d/THIRD-PARTY-NOTICES.txt"
done
cp "$addon" "$stage/platform/lexedi.linux-x64-gnu.node"
cat > "$stage/platform/README.md" <<MD
# lexedi-linux-x64-gnu

The prebuilt native addon of [lexedi](https://www.npmjs.com/package/lexedi) $version for Linux
x86-64 with glibc 2.17 or newer. Install \`lexedi\`, not this package: npm picks this one up
as an optional dependency on matching machines.
MD
(cd "$stage/main" && npm pack --silent --pack-destination "$(cd "$out" && pwd)" >/dev/null)
(cd "$stage/platform" && npm pack --silent --pack-destination "$(cd "$out" && pwd)" >/dev/null)
ls "$out"/lexedi-"$version".tgz "$out"/lexedi-linux-x64-gnu-"$version".tgz
