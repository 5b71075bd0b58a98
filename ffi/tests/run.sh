#!/usr/bin/env bash
# Builds and runs the C tests of liblex. Called by `make test-c` (mk/c.mk).
#   run.sh LIBDIR OUTDIR [VECTOR_DIR...]   (default vector dir: tests/vectors)
# LIBDIR holds liblex.so and liblex.a (built with the debug-hooks feature); OUTDIR receives
# the test binaries. Every test runs under valgrind: any leak or memory error fails.
set -euo pipefail

libdir=$1
out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cc=${CC:-cc}
cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -O1 -g -DLEX_DEBUG_HOOKS -I"$root/ffi/include")

rm -rf "$out" && mkdir -p "$out/lib"
# The shared object's soname is liblex.so.<ABI major>: give it that name, plus the dev link.
major=$(sed -n 's/^#define LEX_ABI_VERSION_MAJOR \([0-9]*\)$/\1/p' "$root/ffi/include/lex.h")
soname=$(readelf -d "$libdir/liblex.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ "$soname" != "liblex.so.$major" ]; then
    echo "FAIL: soname is '$soname', expected liblex.so.$major (ffi/build.rs vs LEX_ABI_VERSION_MAJOR)" >&2
    exit 1
fi
cp "$libdir/liblex.so" "$out/lib/$soname"
ln -s "$soname" "$out/lib/liblex.so"
cp "$libdir/liblex.a" "$out/lib/liblex.a"

# The header declares exactly the functions the library exports (nothing hidden from cbindgen).
declared=$(sed -n 's/^[a-z_0-9 ]*[ *]\(lex_[a-z_0-9]*\)(.*/\1/p' "$root/ffi/include/lex.h" | sort -u)
exported=$(nm -D --defined-only "$libdir/liblex.so" | awk '$2 == "T" && $3 ~ /^lex_/ {print $3}' | sort -u)
if [ "$declared" != "$exported" ]; then
    echo "FAIL: lex.h and liblex.so disagree:" >&2
    diff <(echo "$declared") <(echo "$exported") >&2 || true
    exit 1
fi
echo "lex.h declares the $(echo "$declared" | wc -l) functions liblex.so exports"

# Every function declared in lex.h is called by at least one C test.
missing=0
for fn in $declared; do
    if ! grep -q "\b$fn(" "$here"/test_*.c; then
        echo "FAIL: $fn is not exercised by any C test" >&2
        missing=1
    fi
done
[ "$missing" = 0 ]

link=(-L"$out/lib" -llex -Wl,-rpath,"$out/lib" -lpthread)
"$cc" "${cflags[@]}" -o "$out/test_api" "$here/test_api.c" "${link[@]}"
"$cc" "${cflags[@]}" -o "$out/test_errors" "$here/test_errors.c" "${link[@]}"
"$cc" "${cflags[@]}" -o "$out/test_threads" "$here/test_threads.c" "${link[@]}"
"$cc" "${cflags[@]}" -o "$out/test_vectors" "$here/test_vectors.c" "$here/json_walk.c" "${link[@]}"
# The static library links on its own (with the system libraries Rust's std needs).
"$cc" "${cflags[@]}" -o "$out/test_api_static" "$here/test_api.c" "$out/lib/liblex.a" \
    -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc

vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1
    --suppressions="$here/valgrind.supp")
echo "== test_api (shared, valgrind)"
"${vg[@]}" "$out/test_api"
echo "== test_errors (shared, valgrind; includes the forced panic)"
"${vg[@]}" "$out/test_errors"
echo "== test_api (static)"
"$out/test_api_static" > /dev/null
echo "== test_threads (valgrind)"
"${vg[@]}" "$out/test_threads"
echo "== test_vectors (valgrind)"
if [ $# -eq 0 ]; then set -- "$root/tests/vectors"; fi
"${vg[@]}" "$out/test_vectors" "$@"
