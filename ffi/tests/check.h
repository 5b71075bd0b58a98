/* Tiny assertion helpers shared by the C tests (test-only). */
#ifndef LEX_TEST_CHECK_H
#define LEX_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

static int check_failures = 0;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
            check_failures++;                                                              \
        }                                                                                  \
    } while (0)

/* A call that must succeed. */
#define OK(call) CHECK((call) == LEX_STATUS_OK)

/* A (ptr, len) pair for a string literal or C string. */
#define S(str) (const uint8_t *)(str), strlen(str)

/* True when a borrowed or owned text equals a C string exactly. */
static inline int eq(const uint8_t *ptr, size_t len, const char *want) {
    return ptr != NULL && len == strlen(want) && memcmp(ptr, want, len) == 0;
}
#define STR_EQ(s, want) eq((s).ptr, (s).len, (want))

/* Checks that `err` carries the code, then frees it and resets it to NULL. */
#define ERR_CODE(err, want)                                                                \
    do {                                                                                   \
        lex_str code_ = {NULL, 0};                                                         \
        CHECK((err) != NULL);                                                              \
        if (err) {                                                                         \
            OK(lex_error_code((err), &code_));                                             \
            if (!STR_EQ(code_, (want)))                                                    \
                fprintf(stderr, "  code was %.*s, expected %s\n", (int)code_.len,         \
                        (const char *)code_.ptr, (want));                                  \
            CHECK(STR_EQ(code_, (want)));                                                  \
            lex_error_free(err);                                                           \
            (err) = NULL;                                                                  \
        }                                                                                  \
    } while (0)

static inline int check_done(const char *name) {
    if (check_failures) {
        fprintf(stderr, "%s: %d check(s) failed\n", name, check_failures);
        return 1;
    }
    printf("%s: all checks passed\n", name);
    return 0;
}

#endif
