/*
 * A minimal read-only JSON walker for the C test runner (test-only code).
 *
 * Hand-written on purpose: the C tests must build with nothing but the system compiler and
 * liblex, so no JSON library is vendored. It only walks well-formed JSON (the vector files)
 * and works on spans of the original text; it never allocates except in json_string().
 */
#ifndef LEX_TEST_JSON_WALK_H
#define LEX_TEST_JSON_WALK_H

#include <stdbool.h>
#include <stddef.h>

/* A span of JSON text holding exactly one value (leading whitespace skipped). */
typedef struct {
    const char *p;
    size_t len;
} jspan;

/* True when the span is set (a member was found). */
#define JS_OK(s) ((s).p != NULL)

/* Parses the single top-level value of a document; {NULL, 0} when malformed. */
jspan json_root(const char *text, size_t len);
/* The kind of a value: one of "{[\"ntf0" ('0' for numbers, 'n' null, 't'/'f' booleans). */
char json_kind(jspan v);
/* The value of member `key` of an object, or {NULL, 0}. */
jspan json_get(jspan obj, const char *key);
/* Number of elements of an array (0 for non-arrays). */
size_t json_len(jspan arr);
/* Element i of an array, or {NULL, 0}. */
jspan json_at(jspan arr, size_t i);
/* Member i of an object: its key (decoded, malloc'd) and value; false when out of range. */
bool json_member(jspan obj, size_t i, char **key, jspan *value);
/* A decoded string value (malloc'd, NUL-terminated, *out_len its length); NULL when the value
 * is not a string. */
char *json_string(jspan v, size_t *out_len);
/* A boolean value; `dflt` when the span is unset or not a boolean. */
bool json_bool(jspan v, bool dflt);
/* An integer value; `dflt` when the span is unset or not a number. */
long long json_int(jspan v, long long dflt);
/* Structural equality: strings compared decoded, numbers by lexeme, objects by members
 * (in order when `ordered`, else as sets). */
bool json_equal(jspan a, jspan b, bool ordered);

#endif
