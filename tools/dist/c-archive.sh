#!/usr/bin/env bash
# lex-<version>-linux-x86_64.tar.gz from `make dist`'s release build: the C library (header,
# liblex.so.1 + liblex.so, liblex.a, a relocatable lex.pc) and the lexedi binary with its
# shell completions and man pages, the licence and third-party notices.
# Usage: c-archive.sh BUILD_DIR NOTICES OUTDIR STAGEDIR   (BUILD_DIR holds liblex.so, liblex.a, lexedi)
set -euo pipefail
bin="$(realpath "$1")" notices="$(realpath "$2")" out="$(realpath -m "$3")" stage="$(realpath -m "$4")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="$(python3 "$root/tools/dist/version.py")"
abi="$(sed -n 's/^#define LEX_ABI_VERSION_MAJOR \([0-9]*\)$/\1/p' "$root/ffi/include/lex.h")"
name="lex-$version-linux-x86_64"
d="$stage/$name"
rm -rf "$stage" && mkdir -p "$d"/{include,lib/pkgconfig,bin,share/man/man1} "$out"
install -m 644 "$root/ffi/include/lex.h" "$d/include/lex.h"
install -m 755 "$bin/liblex.so" "$d/lib/liblex.so.$abi"
ln -s "liblex.so.$abi" "$d/lib/liblex.so"
install -m 644 "$bin/liblex.a" "$d/lib/liblex.a"
# Relocatable: the prefix is found from the .pc file's own directory.
sed -e 's|^prefix=@PREFIX@$|prefix=${pcfiledir}/../..|' -e "s|@VERSION@|$version|" \
  "$root/ffi/lex.pc.in" > "$d/lib/pkgconfig/lex.pc"
grep -q '^prefix=${pcfiledir}/../..$' "$d/lib/pkgconfig/lex.pc"
install -m 755 "$bin/lexedi" "$d/bin/lexedi"
"$bin/lexedi" generate-assets "$stage/assets"
install -D -m 644 "$stage/assets/completions/lexedi.bash" "$d/share/bash-completion/completions/lexedi"
install -D -m 644 "$stage/assets/completions/_lexedi" "$d/share/zsh/site-functions/_lexedi"
install -D -m 644 "$stage/assets/completions/lexedi.fish" "$d/share/fish/vendor_completions.d/lexedi.fish"
install -m 644 "$stage/assets/man/man1/"*.1 "$d/share/man/man1/"
install -m 644 "$root/LICENSE" "$d/LICENSE"
install -m 644 "$notices" "$d/THIRD-PARTY-NOTICES.txt"
cat > "$d/README.md" <<MD
# lex $version for Linux x86-64 (glibc 2.17 or newer)

- \`bin/lexedi\`: the LEX 1.0 command-line tool (\`lexedi --help\`, \`man -l share/man/man1/lexedi.1\`).
- \`include/lex.h\`, \`lib/liblex.so\` (soname \`liblex.so.$abi\`), \`lib/liblex.a\`, \`lib/pkgconfig/lex.pc\`:
  the C library. \`lex.pc\` is relocatable: \`PKG_CONFIG_PATH=\$PWD/lib/pkgconfig pkg-config --cflags --libs lex\`.
- Completions: \`share/bash-completion\`, \`share/zsh\`, \`share/fish\`. Extract the archive into a prefix
  (\`tar -xzf $name.tar.gz --strip-components=1 -C /usr/local\`) and they are where shells look.

Licence: Apache-2.0 (LICENSE); third-party notices: THIRD-PARTY-NOTICES.txt.
MD
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -czf "$out/$name.tar.gz" "$name"
ls "$out/$name.tar.gz"
