/* Prints the cost of common calls through the C ABI (a benchmark program, not a test).
 *   make bench-c */
#define _POSIX_C_SOURCE 199309L
#include <lex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define S(str) (const uint8_t *)(str), strlen(str)

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
    size_t len = 0;
    char *input = read_file(argc > 1 ? argv[1] : "examples/lead.json", &len);
    if (!input) return 2;
    const int n = argc > 2 ? atoi(argv[2]) : 20000;
    lex_message *m = NULL;
    if (lex_message_parse((const uint8_t *)input, len, LEX_FORMAT_AUTO, NULL, &m, NULL) != LEX_STATUS_OK) return 2;
    printf("%-40s %12s\n", "operation (input bytes: see argv[1])", "ns/call");
    double t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_str s;
        lex_message_id(m, &s);
    }
    printf("%-40s %12.0f\n", "lex_message_id (accessor)", (now_ns() - t0) / n);
    t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_buf b = {NULL, 0};
        lex_fingerprint_compute(S("jane@example.com"), S("+14155551234"), S("Smith"), &b, NULL);
        lex_buf_free(&b);
    }
    printf("%-40s %12.0f\n", "lex_fingerprint_compute", (now_ns() - t0) / n);
    t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_message *p = NULL;
        lex_message_parse((const uint8_t *)input, len, LEX_FORMAT_AUTO, NULL, &p, NULL);
        lex_message_free(p);
    }
    printf("%-40s %12.0f\n", "lex_message_parse + free", (now_ns() - t0) / n);
    t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_report *r = NULL;
        lex_message_validate(m, NULL, &r, NULL);
        lex_report_free(r);
    }
    printf("%-40s %12.0f\n", "lex_message_validate + free", (now_ns() - t0) / n);
    t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_report *r = NULL;
        lex_input_validate((const uint8_t *)input, len, LEX_FORMAT_AUTO, NULL, &r, NULL);
        lex_report_free(r);
    }
    printf("%-40s %12.0f\n", "lex_input_validate + free", (now_ns() - t0) / n);
    t0 = now_ns();
    for (int i = 0; i < n; i++) {
        lex_buf b = {NULL, 0};
        lex_message_to_json(m, false, &b);
        lex_buf_free(&b);
    }
    printf("%-40s %12.0f\n", "lex_message_to_json (compact) + free", (now_ns() - t0) / n);
    lex_message_free(m);
    free(input);
    return 0;
}
