#!/usr/bin/env bash
# Clean rooms for the packages of `make dist`: each is installed into a fresh directory outside
# the source tree, with no cargo or rustc on PATH, and runs its README example.
# Usage: test-dist.sh DIST WORKDIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="$(realpath "$1")" work="$(realpath -m "$2")"
version="$(python3 "$root/tools/dist/version.py")"
rm -rf "$work" && mkdir -p "$work"

# PATH without any directory that holds cargo or rustc (~/.cargo/bin), resolved python3.9/3.13.
pythons=()
for v in 3.9 3.13; do
  # A pyenv-installed interpreter (the shims answer only for the active version), else PATH's.
  exe=""
  if command -v pyenv >/dev/null; then
    dir="$(ls -d "$(pyenv root)/versions/$v".* 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] && [ -x "$dir/bin/python$v" ] && exe="$dir/bin/python$v"
  fi
  [ -n "$exe" ] || exe="$(command -v "python$v" 2>/dev/null || true)"
  [ -n "$exe" ] && "$exe" -c 'import sys' 2>/dev/null || { echo "python$v is missing (pyenv install $v)"; exit 1; }
  pythons+=("$exe")
done
clean=""
IFS=: read -ra dirs <<< "$PATH"
for d in "${dirs[@]}"; do
  { [ -e "$d/cargo" ] || [ -e "$d/rustc" ]; } && continue
  clean="${clean:+$clean:}$d"
done
room() { # room DIR CMD...: run CMD in DIR with the clean PATH and no Rust toolchain variables
  local dir="$1"; shift
  (cd "$dir" && env -u CARGO -u RUSTC -u RUSTUP_TOOLCHAIN -u CARGO_TARGET_DIR \
    CARGO_HOME=/nonexistent RUSTUP_HOME=/nonexistent PATH="$clean" "$@")
}
room "$work" sh -c '! command -v cargo && ! command -v rustc' >/dev/null || { echo "cargo/rustc still on PATH"; exit 1; }
lead="$root/examples/lead.json"
ok() { echo "test-dist: $*"; }

# --- Python: the wheel on the oldest and the newest Python here ------------------------------
wheel="$(ls "$dist"/python/lexedi-"$version"-cp39-abi3-manylinux*.whl)"
python3 -c 'import re,sys; t=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(re.findall(r"```python\n(.*?)```", t, re.S)[0] + "\nassert receipt.outcome == \"ACCEPTED\"\n")' \
  "$root/bindings-python/README.md" "$work/readme.py"
for py in "${pythons[@]}"; do
  d="$work/python-$(basename "$py")"; mkdir -p "$d"
  room "$d" "$py" -m venv venv
  room "$d" venv/bin/python -m pip install -q --no-index --disable-pip-version-check "$wheel"
  room "$d" venv/bin/python "$work/readme.py" > "$d/out.txt"
  got="$(room "$d" venv/bin/python -c 'import lex, importlib.metadata as m; print(lex.VERSION, m.version("lexedi"), m.metadata("lexedi")["License-Expression"])')"
  [ "$got" = "$version $version Apache-2.0" ] || { echo "python: $got"; exit 1; }
  ok "python $("$py" -c 'import platform; print(platform.python_version())'): wheel installed, README example ran"
done

# --- Node: the main tarball and the platform tarball ----------------------------------------
d="$work/node"; mkdir -p "$d"
echo '{ "name": "clean-room", "version": "1.0.0", "private": true }' > "$d/package.json"
room "$d" npm install --no-audit --no-fund --loglevel=error \
  "$dist/npm/lexedi-$version.tgz" "$dist/npm/lexedi-linux-x64-gnu-$version.tgz"
[ ! -e "$d/node_modules/lexedi/scripts" ] || { echo "node: the package ships its build script"; exit 1; }
node - "$root/bindings-node/README.md" "$d" <<'JS'
// Writes the README's example as readme.cjs and the `// →` lines it must print as expected.txt,
// and a TypeScript copy (import = require) for the strict type check.
const fs = require('node:fs');
const [readme, dir] = process.argv.slice(2);
const code = [...fs.readFileSync(readme, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)][0][1];
const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1].trim());
if (expected.length < 8) throw new Error('the README example has too few checked lines');
fs.writeFileSync(`${dir}/readme.cjs`, code);
fs.writeFileSync(`${dir}/expected.txt`, expected.join('\n') + '\n');
fs.writeFileSync(`${dir}/readme.ts`, code.replace("const lex = require('lexedi');", "import lex = require('lexedi');"));
JS
room "$d" node readme.cjs > "$d/out.txt"
diff -u "$d/expected.txt" "$d/out.txt"
# The README example type-checks under `strict` against the shipped index.d.ts.
cat > "$d/tsconfig.json" <<JSON
{ "compilerOptions": { "strict": true, "noEmit": true, "module": "node16", "moduleResolution": "node16",
    "target": "es2022", "types": ["node"], "typeRoots": ["$root/bindings-node/node_modules/@types"] },
  "files": ["readme.ts"] }
JSON
room "$d" node "$root/bindings-node/node_modules/typescript/bin/tsc" -p tsconfig.json
ok "node: lexedi + lexedi-linux-x64-gnu installed from tarballs, README example ran and type-checks (strict)"

# --- Java: a Maven project with a fresh local repository ------------------------------------
d="$work/java"; mkdir -p "$d/src/main/java"
m2="$d/m2"
room "$d" mvn -B -ntp -q -Dstyle.color=never -Dmaven.repo.local="$m2" install:install-file \
  -Dfile="$dist/maven/lex-$version.jar" -DpomFile="$dist/maven/lex-$version.pom" \
  -Dsources="$dist/maven/lex-$version-sources.jar" -Djavadoc="$dist/maven/lex-$version-javadoc.jar"
python3 -c 'import sys; t=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(t.split("```java",1)[1].split("```",1)[0])' \
  "$root/bindings-java/README.md" "$d/src/main/java/Example.java"
cat > "$d/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>clean-room</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>org.lexedi</groupId><artifactId>lex</artifactId>
    <version>$version</version></dependency></dependencies>
  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>
    <artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin></plugins></build>
</project>
XML
room "$d" mvn -B -ntp -q -Dstyle.color=never -Dmaven.repo.local="$m2" compile
room "$d" java -cp "target/classes:$m2/org/lexedi/lex/$version/lex-$version.jar" Example > "$d/out.txt"
grep -qx 'valid: false' "$d/out.txt" && grep -qx 'REJECTED then duplicate=true' "$d/out.txt" \
  && grep -q '^SYNTAX_ERROR at line 1, column 14' "$d/out.txt" || { cat "$d/out.txt"; exit 1; }
ok "java: org.lexedi:lex:$version from a fresh local repository, README example ran"

# --- C#: nuget install from dist/, Mono with liblex.so beside the assembly -------------------
d="$work/dotnet"; mkdir -p "$d"
room "$d" nuget install LexEdi -Version "$version" -Source "$dist/nuget" -OutputDirectory packages \
  -NonInteractive -Verbosity quiet
pkg="$d/packages/LexEdi.$version"
cp "$pkg/lib/netstandard2.0/LexEdi.dll" "$pkg/lib/netstandard2.0/LexEdi.xml" "$d/"
# Mono does not read runtimes/<rid>/native: the library goes beside the assembly.
cp "$pkg/runtimes/linux-x64/native/liblex.so" "$d/"
python3 -c 'import re,sys; t=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(re.findall(r"```csharp\n(.*?)```", t, re.S)[0]); open(sys.argv[3],"w").write(re.findall(r"```text\n(.*?)```", t, re.S)[0])' \
  "$root/bindings-dotnet/README.md" "$d/Example.cs" "$d/expected.txt"
cat > "$d/Version.cs" <<'CS'
public static class Version
{
    public static void Main()
    {
        System.Console.WriteLine(typeof(LexEdi.Lex).Assembly.GetName().Version);
    }
}
CS
room "$d" mcs -nologo -r:LexEdi.dll -out:Example.exe Example.cs
room "$d" mcs -nologo -r:LexEdi.dll -out:Version.exe Version.cs
room "$d" mono Example.exe "$lead" > "$d/out.txt"
diff -u "$d/expected.txt" "$d/out.txt"
[ "$(room "$d" mono Version.exe)" = "${version%%-*}.0" ] || { echo "dotnet: assembly version"; exit 1; }
ok "c#: LexEdi $version from nuget install, README example ran on Mono (assembly version ${version%%-*}.0)"

# --- C and the CLI: the binary archive ------------------------------------------------------
d="$work/c"; mkdir -p "$d"
tar -xzf "$dist/c/lex-$version-linux-x86_64.tar.gz" -C "$d"
prefix="$d/lex-$version-linux-x86_64"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
room "$d" sh -c 'cc -std=c11 -Wall -Wextra -Werror "$1" $(pkg-config --cflags --libs lex) \
  -Wl,-rpath,$(pkg-config --variable=libdir lex) -o validate' sh "$root/ffi/examples/validate.c"
room "$d" ./validate "$lead" | tail -n 1 | grep -qx "$lead: valid"
room "$d" sh -c 'cc -std=c11 "$1" -I"$2/include" "$2/lib/liblex.a" $(pkg-config --libs-only-l --static lex | sed "s/-llex//") \
  -o validate-static' sh "$root/ffi/examples/validate.c" "$prefix"
room "$d" ./validate-static "$lead" | tail -n 1 | grep -qx "$lead: valid"
ok "c: validate.c built with pkg-config (shared and static) from the archive, ran"
[ "$(room "$d" "$prefix/bin/lexedi" --version)" = "lexedi $version" ] || { echo "lexedi --version"; exit 1; }
room "$d" "$prefix/bin/lexedi" validate "$lead" > /dev/null
room "$d" bash -c 'source "$1" && complete -p lexedi' sh "$prefix/share/bash-completion/completions/lexedi" >/dev/null
grep -q '^\.TH lexedi' "$prefix/share/man/man1/lexedi.1"
ok "cli: lexedi --version and validate from the archive; bash completion loads; man pages present"
echo "test-dist: every package installed and ran in a clean room (no cargo/rustc on PATH)"
