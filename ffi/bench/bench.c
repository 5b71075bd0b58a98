/* The C benchmark of issue 13 (a program, not a test): the per-call overhead of a trivial call
 * through the C ABI and validate / parse / read timings over the shared corpus, against the
 * release liblex. Prints a Markdown table in the columns of the other languages and writes it
 * to the output file.
 *   make bench-c   (bench <corpus dir> <output .md>) */
#define _POSIX_C_SOURCE 199309L
#include <lex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define S(str) (const uint8_t *)(str), strlen(str)

/* The input of the operation being timed (set before each measure()). */
static const uint8_t *in_buf;
static size_t in_len;
static int32_t in_format;
static const lex_message *in_msg;
/* Keeps the compiler from dropping the trivial call. */
static volatile int sink;

static char rows[16384];
static size_t rows_len;

static uint8_t *read_file(const char *dir, const char *name, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
    *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
    fclose(f);
    return buf;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Best seconds per call over 5 rounds of at least 0.2 s each, after a sizing round. */
static double measure(void (*op)(void)) {
    long n = 1;
    for (;;) {
        double t0 = now_s();
        for (long i = 0; i < n; i++) op();
        double dt = now_s() - t0;
        if (dt > 0.2) break;
        n *= dt < 0.02 ? 10 : 2;
    }
    double best = 1e30;
    for (int r = 0; r < 5; r++) {
        double t0 = now_s();
        for (long i = 0; i < n; i++) op();
        double dt = (now_s() - t0) / (double)n;
        if (dt < best) best = dt;
    }
    return best;
}

static void row(const char *op, const char *impl, size_t bytes, void (*fn)(void)) {
    double t = measure(fn);
    char us[32], mbps[32], size[32];
    if (t < 1e-6) snprintf(us, sizeof us, "%.0f ns", t * 1e9);
    else snprintf(us, sizeof us, "%.2f", t * 1e6);
    if (bytes) {
        snprintf(mbps, sizeof mbps, "%.1f", (double)bytes / t / 1e6);
        snprintf(size, sizeof size, "%zu", bytes);
    } else {
        snprintf(mbps, sizeof mbps, "—");
        snprintf(size, sizeof size, "—");
    }
    int w = snprintf(rows + rows_len, sizeof rows - rows_len, "| %s | %s | %s | %s | %s | — |\n", op,
                     impl, size, us, mbps);
    if (w > 0 && (size_t)w < sizeof rows - rows_len) rows_len += (size_t)w;
}

static void op_transition(void) {
    bool ok = false;
    lex_transition_allowed(S("SHOPPING"), S("ORDER"), &ok, NULL);
    sink = ok;
}

static void op_message_id(void) {
    lex_str s;
    lex_message_id(in_msg, &s);
    sink = (int)s.len;
}

static void op_validate(void) {
    lex_report *r = NULL;
    lex_input_validate(in_buf, in_len, LEX_FORMAT_AUTO, NULL, &r, NULL);
    lex_report_free(r);
}

static void op_parse(void) {
    lex_message *m = NULL;
    lex_message_parse(in_buf, in_len, LEX_FORMAT_AUTO, NULL, &m, NULL);
    lex_message_free(m);
}

static void op_parse_all(void) {
    lex_message_list *l = NULL;
    lex_message_list_parse(in_buf, in_len, in_format, NULL, &l, NULL);
    lex_message_list_free(l);
}

int main(int argc, char **argv) {
    const char *corpus = argc > 1 ? argv[1] : "build/bench-corpus";
    const char *output = argc > 2 ? argv[2] : "build/bench-results/c.md";
    char notes[2048] = "";
    static const char *sizes[] = {"small", "typical", "large"};
    static const char *kinds[] = {"valid", "invalid"};

    lex_message *typical = NULL;
    for (int s = 0; s < 3; s++) {
        for (int k = 0; k < 2; k++) {
            char name[64], op[64];
            snprintf(name, sizeof name, "%s-%s.json", sizes[s], kinds[k]);
            uint8_t *buf = read_file(corpus, name, &in_len);
            if (!buf) continue;
            in_buf = buf;
            snprintf(op, sizeof op, "json-validate/%s-%s", sizes[s], kinds[k]);
            row(op, "lex_input_validate + lex_report_free", in_len, op_validate);
            if (k == 0) {
                snprintf(op, sizeof op, "json-parse/%s-%s", sizes[s], kinds[k]);
                row(op, "lex_message_parse + lex_message_free", in_len, op_parse);
            }
            if (s == 1 && k == 0 && lex_message_parse(buf, in_len, LEX_FORMAT_AUTO, NULL, &typical, NULL) != LEX_STATUS_OK) {
                typical = NULL;
            }
            free(buf);
        }
    }
    static const struct {
        const char *file, *op;
        int32_t format;
    } batches[] = {{"x12-batch.x12", "x12-read/100-typical", LEX_FORMAT_X12},
                   {"edifact-batch.edi", "edifact-read/100-typical", LEX_FORMAT_EDIFACT}};
    for (int b = 0; b < 2; b++) {
        uint8_t *buf = read_file(corpus, batches[b].file, &in_len);
        if (!buf) {
            size_t used = strlen(notes);
            snprintf(notes + used, sizeof notes - used,
                     "- %s is not in the corpus (the core cannot write that format yet): not measured\n",
                     batches[b].file);
            continue;
        }
        in_buf = buf;
        in_format = batches[b].format;
        row(batches[b].op, "lex_message_list_parse + free", in_len, op_parse_all);
        free(buf);
    }
    row("per-call overhead", "lex_transition_allowed (trivial call)", 0, op_transition);
    if (typical) {
        in_msg = typical;
        row("per-call overhead", "lex_message_id (accessor)", 0, op_message_id);
        lex_message_free(typical);
    }

    char head[256];
    lex_str version = lex_version();
    snprintf(head, sizeof head, "### C (liblex %.*s, release, hand-written harness, one process)\n\n",
             (int)version.len, (const char *)version.ptr);
    const char *cols = "| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |\n"
                       "|---|---|---:|---:|---:|---:|\n";
    const char *tail = "\n- The C ABI is the floor of every binding: the per-call row is the overhead the "
                       "bindings add to.\n";
    FILE *out = fopen(output, "wb");
    for (int pass = 0; pass < 2; pass++) {
        FILE *f = pass == 0 ? stdout : out;
        if (!f) continue;
        fputs(head, f);
        fputs(cols, f);
        fwrite(rows, 1, rows_len, f);
        fputs(tail, f);
        fputs(notes, f);
    }
    if (!out) {
        fprintf(stderr, "cannot write %s\n", output);
        return 1;
    }
    fclose(out);
    return 0;
}
