/*
 * Runs the shared vectors (tests/vectors/README.md) through the C ABI.
 * Usage: test_vectors DIR...   (every *.json below each DIR, sorted by path)
 * Exits 1 when any vector fails or when a DIR holds no vector at all.
 */
#define _DEFAULT_SOURCE
#include "json_walk.h"
#include "lex.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define S(str) (const uint8_t *)(str), strlen(str)

static int failures = 0;
static int skipped = 0;
static char current_id[256];
static char current_path[4096];

static void fail(const char *fmt, const char *a, const char *b) {
    fprintf(stderr, "FAIL %s (%s): ", current_id, current_path);
    fprintf(stderr, fmt, a ? a : "(null)", b ? b : "(null)");
    fprintf(stderr, "\n");
    failures++;
}

/* ---------- small helpers ---------- */

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

static char *dup_str(lex_str s) {
    char *out = malloc(s.len + 1);
    if (s.ptr) memcpy(out, s.ptr, s.len);
    out[s.len] = '\0';
    return out;
}

static bool str_is(lex_str s, const char *want) {
    return s.ptr && s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

/* The decoded string member `key` of `obj`, or NULL. */
static char *get_str(jspan obj, const char *key) { return json_string(json_get(obj, key), NULL); }

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* Parses `YYYY-MM-DDTHH:MM:SSZ` into Unix seconds. */
static bool parse_utc(const char *s, long long *out) {
    int y, mo, d, h, mi, se;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &se) != 6) return false;
    *out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se;
    return true;
}

static void format_utc(long long t, char out[32]) {
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Replaces every {{NOW_PLUS_<N>S}} in text by now + N seconds. Returns a malloc'd copy. */
static char *apply_templates(const char *text, size_t len, const char *now, size_t *out_len) {
    long long base = 0;
    parse_utc(now, &base);
    char *out = malloc(len + 1);
    size_t n = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        if (end - p > 13 && strncmp(p, "{{NOW_PLUS_", 11) == 0) {
            char *q;
            long long secs = strtoll(p + 11, &q, 10);
            if (q + 3 <= end && strncmp(q, "S}}", 3) == 0) {
                char ts[32];
                format_utc(base + secs, ts);
                size_t tl = strlen(ts);
                /* room for what is written so far, this timestamp and the rest of the input */
                out = realloc(out, n + tl + (size_t)(end - (q + 3)) + 1);
                memcpy(out + n, ts, tl);
                n += tl;
                p = q + 3;
                continue;
            }
        }
        out[n++] = *p++;
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

typedef struct {
    char *bytes;
    size_t len;
} input_t;

/* The upstream standard: $LEX_SPEC_DIR (the Makefile exports it), else ../shared/spec/lex-1.0. */
static const char *spec_dir(void) {
    const char *env = getenv("LEX_SPEC_DIR");
    return env && *env ? env : "../shared/spec/lex-1.0";
}

static bool spec_present(void) {
    struct stat st;
    return stat(spec_dir(), &st) == 0 && S_ISDIR(st.st_mode);
}

/* The input of a vector: `input` (raw JSON text), `inputText`, `inputFile` or `specFile`, templated. */
static bool load_input(jspan v, jspan input_obj, const char *now, input_t *in) {
    char *raw = NULL;
    size_t raw_len = 0;
    jspan text = json_get(v, "inputText"), file = json_get(v, "inputFile"), spec = json_get(v, "specFile");
    if (JS_OK(input_obj)) {
        raw = malloc(input_obj.len + 1);
        memcpy(raw, input_obj.p, input_obj.len);
        raw_len = input_obj.len;
    } else if (JS_OK(text)) {
        raw = json_string(text, &raw_len);
    } else if (JS_OK(file)) {
        char *name = json_string(file, NULL), path[8192];
        const char *slash = strrchr(current_path, '/');
        int dir_len = slash ? (int)(slash - current_path) : 1;
        snprintf(path, sizeof path, "%.*s/%s", dir_len, slash ? current_path : ".", name);
        free(name);
        raw = read_file(path, &raw_len);
    } else if (JS_OK(spec)) {
        char *name = json_string(spec, NULL), path[8192];
        snprintf(path, sizeof path, "%s/%s", spec_dir(), name);
        free(name);
        raw = read_file(path, &raw_len);
    }
    if (!raw) return false;
    in->bytes = apply_templates(raw, raw_len, now, &in->len);
    free(raw);
    return true;
}

static int32_t format_of(const char *name) {
    if (!name) return LEX_FORMAT_AUTO;
    if (!strcmp(name, "json")) return LEX_FORMAT_JSON;
    if (!strcmp(name, "xml")) return LEX_FORMAT_XML;
    if (!strcmp(name, "x12")) return LEX_FORMAT_X12;
    if (!strcmp(name, "edifact")) return LEX_FORMAT_EDIFACT;
    return -1;
}

static const char *level_name(lex_level l) {
    switch (l) {
    case LEX_LEVEL_CRITICAL: return "CRITICAL";
    case LEX_LEVEL_ERROR: return "ERROR";
    case LEX_LEVEL_WARNING: return "WARNING";
    default: return "INFO";
    }
}

/* Validate options from a vector: level, conformanceLevel, mode, policy, previousState, now. */
static lex_validate_options *options_of(jspan v, const char *now) {
    lex_validate_options *o = NULL;
    lex_validate_options_new(&o, NULL);
    lex_validate_options_set_now_rfc3339(o, S(now), NULL);
    char *level = get_str(v, "level");
    long long cl = json_int(json_get(v, "conformanceLevel"), 0);
    if (level && strlen(level) == 2 && level[0] == 'L') cl = level[1] - '0';
    if (cl) lex_validate_options_set_level(o, (uint8_t)cl, NULL);
    free(level);
    char *mode = get_str(v, "mode");
    if (mode && !strcmp(mode, "strict")) lex_validate_options_set_mode(o, LEX_READ_MODE_STRICT, NULL);
    free(mode);
    char *policy = get_str(v, "policy");
    if (policy && !strcmp(policy, "strict-table"))
        lex_validate_options_set_policy(o, LEX_POLICY_STRICT_TABLE, NULL);
    free(policy);
    char *prev = get_str(json_get(v, "previousState"), "status");
    if (prev) lex_validate_options_set_previous_status(o, S(prev), NULL);
    free(prev);
    return o;
}

/* ---------- comparisons ---------- */

static const char *EXTRA_KEYS[] = {"rejectedValue", "allowedValues", "fromStatus", "toStatus",
                                   "threshold", "pointer"};

/* Does actual issue i of the report match the expected issue? */
static bool issue_matches(const lex_report *r, size_t i, jspan want) {
    lex_str code, field;
    lex_level level;
    lex_report_issue_code(r, i, &code, NULL);
    lex_report_issue_field(r, i, &field, NULL);
    lex_report_issue_level(r, i, &level, NULL);
    char *wcode = get_str(want, "code"), *wlevel = get_str(want, "level"), *wfield = get_str(want, "field");
    bool ok = wcode && str_is(code, wcode) && (!wlevel || !strcmp(wlevel, level_name(level))) &&
              (!wfield || str_is(field, wfield));
    free(wcode);
    free(wlevel);
    free(wfield);
    if (!ok) return false;
    lex_buf js = {NULL, 0};
    lex_report_issue_to_json(r, i, &js, NULL);
    jspan actual = json_root((const char *)js.ptr, js.len);
    for (size_t k = 0; ok && k < sizeof EXTRA_KEYS / sizeof *EXTRA_KEYS; k++) {
        jspan w = json_get(want, EXTRA_KEYS[k]);
        if (JS_OK(w)) ok = json_equal(w, json_get(actual, EXTRA_KEYS[k]), false);
    }
    lex_buf_free(&js);
    return ok;
}

/* Matches the expected issues of one kind against actual issues [from, to). */
static void compare_issues(const lex_report *r, size_t from, size_t to, jspan want, const char *what) {
    size_t n_want = json_len(want), n_have = to - from;
    bool used[512] = {false};
    char count_msg[64];
    if (n_want != n_have) {
        snprintf(count_msg, sizeof count_msg, "%zu expected, %zu actual", n_want, n_have);
        fail("%s count differs: %s", what, count_msg);
    }
    for (size_t w = 0; w < n_want; w++) {
        jspan e = json_at(want, w);
        bool found = false;
        for (size_t i = from; i < to && i - from < 512 && !found; i++) {
            if (!used[i - from] && issue_matches(r, i, e)) {
                used[i - from] = found = true;
            }
        }
        if (!found) {
            char *code = get_str(e, "code");
            fail("expected %s issue %s not found", what, code);
            free(code);
        }
    }
    if (n_want != n_have) {
        lex_buf js = {NULL, 0};
        lex_report_to_json(r, false, &js);
        fail("actual report: %s%s", (const char *)js.ptr, "");
        lex_buf_free(&js);
    }
}

static void compare_report(const lex_report *r, jspan expected) {
    bool valid = false;
    size_t n_err = 0, n_all = 0;
    lex_report_valid(r, &valid);
    lex_report_error_count(r, &n_err);
    lex_report_issue_count(r, &n_all);
    jspan want_valid = json_get(expected, "valid");
    if (JS_OK(want_valid) && json_bool(want_valid, !valid) != valid)
        fail("valid is %s, expected %s", valid ? "true" : "false", valid ? "false" : "true");
    jspan errs = json_get(expected, "errors"), warns = json_get(expected, "warnings");
    if (JS_OK(errs)) compare_issues(r, 0, n_err, errs, "error");
    if (JS_OK(warns)) compare_issues(r, n_err, n_all, warns, "warning");
}

/* Compares a failed call's error object with expected.error. */
static void compare_error(lex_status st, lex_error *err, jspan want) {
    if (st == LEX_STATUS_OK || !err) {
        fail("expected an error%s%s", "", "");
        return;
    }
    lex_str code;
    lex_location loc;
    lex_error_code(err, &code);
    lex_error_location(err, &loc);
    char *wcode = get_str(want, "code");
    if (wcode && !str_is(code, wcode)) {
        char *c = dup_str(code);
        fail("error code %s, expected %s", c, wcode);
        free(c);
    }
    free(wcode);
    const char *keys[] = {"line", "column", "offset", "segment", "element"};
    long long have[] = {loc.line, loc.column, loc.offset, loc.segment, loc.element};
    for (int k = 0; k < 5; k++) {
        jspan w = json_get(want, keys[k]);
        if (JS_OK(w) && json_int(w, -2) != have[k]) fail("error location %s differs%s", keys[k], "");
    }
    char *seg = get_str(want, "segmentId");
    if (seg && !str_is(loc.segment_id, seg)) fail("error segmentId differs, expected %s%s", seg, "");
    free(seg);
}

/* Compares a message's canonical tree with an expected tree, key order included. */
static void compare_tree(const lex_message *m, jspan want) {
    lex_buf js = {NULL, 0};
    lex_message_to_json(m, false, &js);
    if (!json_equal(json_root((const char *)js.ptr, js.len), want, true))
        fail("tree differs: %s%s", (const char *)js.ptr, "");
    lex_buf_free(&js);
}

/* ---------- operations ---------- */

static void op_validate(jspan v, const char *now) {
    input_t in;
    if (!load_input(v, json_get(v, "input"), now, &in)) {
        fail("no input%s%s", "", "");
        return;
    }
    char *fmt = get_str(v, "format");
    lex_validate_options *o = options_of(v, now);
    lex_report *r = NULL;
    lex_error *err = NULL;
    lex_status st = lex_input_validate((const uint8_t *)in.bytes, in.len, format_of(fmt), o, &r, &err);
    jspan expected = json_get(v, "expected");
    if (JS_OK(json_get(expected, "error"))) {
        compare_error(st, err, json_get(expected, "error"));
    } else if (st != LEX_STATUS_OK) {
        fail("validate failed with status %s%s", "non-OK", "");
    } else {
        compare_report(r, expected);
    }
    lex_report_free(r);
    lex_error_free(err);
    lex_validate_options_free(o);
    free(fmt);
    free(in.bytes);
}

static void op_parse(jspan v, const char *now) {
    input_t in;
    if (!load_input(v, json_get(v, "input"), now, &in)) {
        fail("no input%s%s", "", "");
        return;
    }
    char *fmt = get_str(v, "format");
    lex_validate_options *o = options_of(v, now);
    lex_message_list *list = NULL;
    lex_error *err = NULL;
    lex_status st = lex_message_list_parse((const uint8_t *)in.bytes, in.len, format_of(fmt), o, &list, &err);
    jspan expected = json_get(v, "expected");
    if (JS_OK(json_get(expected, "error"))) {
        compare_error(st, err, json_get(expected, "error"));
    } else if (st != LEX_STATUS_OK) {
        lex_buf text = {NULL, 0};
        lex_error_to_string(err, &text);
        fail("parse failed: %s%s", (const char *)text.ptr, "");
        lex_buf_free(&text);
    } else {
        size_t n = 0;
        lex_message_list_count(list, &n);
        jspan want_n = json_get(expected, "messages");
        if (JS_OK(want_n) && (size_t)json_int(want_n, -1) != n) fail("message count differs%s%s", "", "");
        jspan tree = json_get(expected, "tree"), warnings = json_get(expected, "warnings");
        if (n == 1 && (JS_OK(tree) || JS_OK(warnings))) {
            lex_message *m = NULL;
            lex_message_list_get(list, 0, &m, NULL);
            if (JS_OK(tree)) compare_tree(m, tree);
            if (JS_OK(warnings)) {
                lex_report *ri = NULL;
                size_t n_err = 0, n_all = 0;
                lex_message_read_issues(m, &ri);
                lex_report_error_count(ri, &n_err);
                lex_report_issue_count(ri, &n_all);
                if (n_all - n_err != json_len(warnings)) fail("read warning count differs%s%s", "", "");
                for (size_t i = n_err; i < n_all && i - n_err < json_len(warnings); i++) {
                    lex_str code;
                    lex_report_issue_code(ri, i, &code, NULL);
                    char *want = json_string(json_at(warnings, i - n_err), NULL);
                    if (!want || !str_is(code, want)) fail("read warning %s out of order%s", want, "");
                    free(want);
                }
                lex_report_free(ri);
            }
            lex_message_free(m);
        } else if (JS_OK(tree) || JS_OK(warnings)) {
            fail("tree/warnings need exactly one message%s%s", "", "");
        }
    }
    lex_message_list_free(list);
    lex_error_free(err);
    lex_validate_options_free(o);
    free(fmt);
    free(in.bytes);
}

/* The canonical compact JSON of every message of a text, concatenated; NULL on error. */
static char *trees_of(const char *text, size_t len, int32_t fmt) {
    lex_message_list *list = NULL;
    if (lex_message_list_parse((const uint8_t *)text, len, fmt, NULL, &list, NULL) != LEX_STATUS_OK) return NULL;
    size_t n = 0, total = 0;
    lex_message_list_count(list, &n);
    char *out = calloc(1, 1);
    for (size_t i = 0; i < n; i++) {
        lex_message *m = NULL;
        lex_buf js = {NULL, 0};
        lex_message_list_get(list, i, &m, NULL);
        lex_message_to_json(m, false, &js);
        out = realloc(out, total + js.len + 2);
        memcpy(out + total, js.ptr, js.len);
        total += js.len;
        out[total++] = '\n';
        out[total] = '\0';
        lex_buf_free(&js);
        lex_message_free(m);
    }
    lex_message_list_free(list);
    return out;
}

static void op_convert(jspan v, const char *now) {
    input_t in;
    if (!load_input(v, json_get(v, "input"), now, &in)) {
        fail("no input%s%s", "", "");
        return;
    }
    char *to = get_str(v, "to"), *from = get_str(v, "from");
    if (!from) from = get_str(v, "format");
    lex_buf out = {NULL, 0};
    lex_error *err = NULL;
    lex_status st = lex_input_convert((const uint8_t *)in.bytes, in.len, format_of(to), format_of(from),
                                      json_bool(json_get(v, "pretty"), false), NULL, &out, &err);
    jspan expected = json_get(v, "expected");
    if (JS_OK(json_get(expected, "error"))) {
        compare_error(st, err, json_get(expected, "error"));
    } else if (st != LEX_STATUS_OK) {
        lex_buf text = {NULL, 0};
        lex_error_to_string(err, &text);
        fail("convert failed: %s%s", (const char *)text.ptr, "");
        lex_buf_free(&text);
    } else {
        char *want = get_str(expected, "output");
        if (want && (strlen(want) != out.len || memcmp(want, out.ptr, out.len) != 0))
            fail("output differs:\n%s\nexpected:\n%s", (const char *)out.ptr, want);
        free(want);
        if (json_bool(json_get(expected, "roundTrip"), false)) {
            char *a = trees_of(in.bytes, in.len, format_of(from));
            char *b = trees_of((const char *)out.ptr, out.len, format_of(to));
            if (!a || !b || strcmp(a, b) != 0) fail("round trip differs:\n%s\n%s", a, b);
            free(a);
            free(b);
        }
    }
    lex_buf_free(&out);
    lex_error_free(err);
    free(to);
    free(from);
    free(in.bytes);
}

static void op_fingerprint(jspan v) {
    jspan in = json_get(v, "input");
    char *e = get_str(in, "email"), *p = get_str(in, "phone"), *n = get_str(in, "lastName");
    char *want = get_str(json_get(v, "expected"), "fingerprint");
    lex_buf out = {NULL, 0};
    lex_status st = lex_fingerprint_compute((const uint8_t *)e, e ? strlen(e) : 0, (const uint8_t *)p,
                                            p ? strlen(p) : 0, (const uint8_t *)n, n ? strlen(n) : 0, &out, NULL);
    if (st != LEX_STATUS_OK || !want || strcmp((const char *)out.ptr, want) != 0)
        fail("fingerprint %s, expected %s", (const char *)out.ptr, want);
    lex_buf_free(&out);
    free(e);
    free(p);
    free(n);
    free(want);
}

static void op_transition(jspan v) {
    jspan in = json_get(v, "input"), expected = json_get(v, "expected");
    char *from = get_str(in, "from"), *to = get_str(in, "to"), *policy = get_str(in, "policy");
    int32_t pol = policy && !strcmp(policy, "strict-table") ? LEX_POLICY_STRICT_TABLE : LEX_POLICY_DEFAULT;
    lex_transition verdict = LEX_TRANSITION_ALLOWED;
    lex_error *err = NULL;
    lex_status st = lex_transition_check((const uint8_t *)from, from ? strlen(from) : 0, (const uint8_t *)to,
                                         to ? strlen(to) : 0, pol, &verdict, &err);
    if (JS_OK(json_get(expected, "error"))) {
        compare_error(st, err, json_get(expected, "error"));
    } else {
        const char *names[] = {"allowed", "unlisted", "forbidden"};
        char *want = get_str(expected, "verdict");
        if (st != LEX_STATUS_OK || !want || strcmp(names[verdict], want) != 0)
            fail("verdict %s, expected %s", st == LEX_STATUS_OK ? names[verdict] : "(error)", want);
        free(want);
        /* transition_allowed agrees with the default policy's verdict */
        if (st == LEX_STATUS_OK && pol == LEX_POLICY_DEFAULT) {
            bool allowed = false;
            lex_transition_allowed((const uint8_t *)from, strlen(from), (const uint8_t *)to, strlen(to), &allowed,
                                   NULL);
            if (allowed != (verdict != LEX_TRANSITION_FORBIDDEN)) fail("transition_allowed disagrees%s%s", "", "");
        }
    }
    lex_error_free(err);
    free(from);
    free(to);
    free(policy);
}

static void op_acknowledge(jspan v, const char *now) {
    jspan in = json_get(v, "input"), expected = json_get(v, "expected");
    input_t text;
    if (!load_input(v, in, now, &text)) {
        fail("no input%s%s", "", "");
        return;
    }
    lex_message *m = NULL;
    lex_report *r = NULL;
    lex_message *ack = NULL;
    lex_error *err = NULL;
    lex_validate_options *o = options_of(v, now);
    lex_build_options *b = NULL;
    lex_build_options_new(&b, NULL);
    lex_build_options_set_now_rfc3339(b, S(now), NULL);
    char *id = get_str(v, "messageId"), *status = get_str(v, "status");
    if (id) lex_build_options_set_message_id(b, S(id), NULL);
    lex_status st = lex_message_parse((const uint8_t *)text.bytes, text.len, LEX_FORMAT_AUTO, o, &m, &err);
    if (st == LEX_STATUS_OK) {
        if (json_bool(json_get(v, "validate"), true)) lex_message_validate(m, o, &r, NULL);
        st = lex_message_acknowledge(m, r, (const uint8_t *)status, status ? strlen(status) : 0, b, &ack, &err);
    }
    if (JS_OK(json_get(expected, "error"))) {
        compare_error(st, err, json_get(expected, "error"));
    } else if (st != LEX_STATUS_OK) {
        fail("acknowledge failed%s%s", "", "");
    } else {
        jspan tree = json_get(expected, "tree");
        if (JS_OK(tree)) compare_tree(ack, tree);
        const char *keys[] = {"status", "correlationId"};
        const char *ptrs[] = {"/lex/payload/acknowledgment/status", "/lex/payload/acknowledgment/correlationId"};
        for (int k = 0; k < 2; k++) {
            jspan want = json_get(expected, keys[k]);
            if (!JS_OK(want)) continue;
            lex_buf got = {NULL, 0};
            lex_message_get_json(ack, S(ptrs[k]), &got, NULL);
            if (!got.ptr || !json_equal(json_root((const char *)got.ptr, got.len), want, true))
                fail("acknowledgment %s is %s", keys[k], (const char *)got.ptr);
            lex_buf_free(&got);
        }
    }
    lex_message_free(ack);
    lex_report_free(r);
    lex_message_free(m);
    lex_error_free(err);
    lex_build_options_free(b);
    lex_validate_options_free(o);
    free(id);
    free(status);
    free(text.bytes);
}

/* `codes` of a receive step: the multiset of the report's error (CRITICAL/ERROR) codes. */
static void compare_error_codes(const lex_report *r, jspan want) {
    size_t n_err = 0;
    bool used[512] = {false};
    lex_report_error_count(r, &n_err);
    if (n_err != json_len(want)) {
        lex_buf js = {NULL, 0};
        lex_report_to_json(r, false, &js);
        fail("error count differs from codes: %s%s", (const char *)js.ptr, "");
        lex_buf_free(&js);
    }
    for (size_t k = 0; k < json_len(want); k++) {
        char *code = json_string(json_at(want, k), NULL);
        bool found = false;
        for (size_t i = 0; i < n_err && i < 512 && !found && code; i++) {
            lex_str have;
            lex_report_issue_code(r, i, &have, NULL);
            if (!used[i] && str_is(have, code)) used[i] = found = true;
        }
        if (!found) fail("error code %s missing%s", code, "");
        free(code);
    }
}

/* An optional receipt string against an expected string, or null (= must be absent). */
static void compare_opt_str(lex_str got, jspan want, const char *what) {
    if (json_kind(want) == 'n') {
        if (got.ptr) {
            char *g = dup_str(got);
            fail("%s is %s, expected null", what, g);
            free(g);
        }
        return;
    }
    char *w = json_string(want, NULL);
    if (!w || !str_is(got, w)) {
        char *g = got.ptr ? dup_str(got) : NULL;
        char msg[160];
        snprintf(msg, sizeof msg, "%s is %s", what, g ? g : "(absent)");
        fail("%s, expected %s", msg, w);
        free(g);
    }
    free(w);
}

static void op_receive(jspan v, const char *now) {
    lex_validate_options *o = options_of(v, now);
    lex_receiver *rx = NULL;
    lex_receiver_new(o, &rx, NULL);
    jspan steps = json_get(v, "steps");
    const char *outcomes[] = {"ACCEPTED", "REJECTED", "DEAD_LETTER"};
    for (size_t s = 0; s < json_len(steps); s++) {
        jspan step = json_at(steps, s), expected = json_get(step, "expected");
        input_t in;
        if (!load_input(step, json_get(step, "input"), now, &in)) {
            fail("step without input%s%s", "", "");
            continue;
        }
        lex_receipt *rc = NULL;
        if (lex_receiver_receive(rx, (const uint8_t *)in.bytes, in.len, &rc, NULL) != LEX_STATUS_OK) {
            fail("receive failed%s%s", "", "");
            free(in.bytes);
            continue;
        }
        lex_outcome outcome;
        bool dup = false, valid = false;
        uint16_t http = 0;
        lex_report *r = NULL;
        lex_receipt_outcome(rc, &outcome);
        lex_receipt_duplicate(rc, &dup);
        lex_receipt_http_status(rc, &http);
        lex_receipt_report(rc, &r);
        lex_report_valid(r, &valid);
        char *want_outcome = get_str(expected, "outcome");
        if (want_outcome && strcmp(want_outcome, outcomes[outcome]) != 0)
            fail("outcome %s, expected %s", outcomes[outcome], want_outcome);
        free(want_outcome);
        jspan w;
        if (JS_OK(w = json_get(expected, "duplicate")) && json_bool(w, !dup) != dup) fail("duplicate differs%s%s", "", "");
        if (JS_OK(w = json_get(expected, "valid")) && json_bool(w, !valid) != valid) fail("valid differs%s%s", "", "");
        if (JS_OK(w = json_get(expected, "httpStatus")) && json_int(w, -1) != http) fail("httpStatus differs%s%s", "", "");
        if (JS_OK(w = json_get(expected, "codes"))) compare_error_codes(r, w);
        char *want_ack = get_str(expected, "ackStatus");
        if (want_ack) {
            lex_message *ack = NULL;
            lex_buf got = {NULL, 0};
            lex_receipt_ack(rc, &ack);
            if (ack) lex_message_get_json(ack, S("/lex/payload/acknowledgment/status"), &got, NULL);
            char *st = got.ptr ? json_string(json_root((const char *)got.ptr, got.len), NULL) : NULL;
            if (!st || strcmp(st, want_ack) != 0) fail("ack status %s, expected %s", st, want_ack);
            free(st);
            lex_buf_free(&got);
            lex_message_free(ack);
        }
        free(want_ack);
        lex_str got;
        if (JS_OK(w = json_get(expected, "duplicateOfLead"))) {
            lex_receipt_duplicate_of_lead(rc, &got);
            compare_opt_str(got, w, "duplicateOfLead");
        }
        if (JS_OK(w = json_get(expected, "routing"))) {
            lex_receipt_routing(rc, &got);
            compare_opt_str(got, w, "routing");
        }
        lex_report_free(r);
        lex_receipt_free(rc);
        free(in.bytes);
    }
    lex_receiver_free(rx);
    lex_validate_options_free(o);
}

/* may-forward: every key given in `expected` must equal the decision's (reason excepted). */
static void op_may_forward(jspan v, const char *now) {
    jspan in = json_get(v, "input"), expected = json_get(v, "expected");
    input_t text;
    if (!load_input(v, json_get(in, "message"), now, &text)) {
        fail("no input.message%s%s", "", "");
        return;
    }
    char *recipient = get_str(in, "recipient");
    lex_message *m = NULL;
    lex_error *err = NULL;
    lex_buf d = {NULL, 0};
    lex_validate_options *o = options_of(v, now);
    lex_status st = lex_message_from_json((const uint8_t *)text.bytes, text.len, &m, &err);
    if (st == LEX_STATUS_OK)
        st = lex_message_may_forward(m, (const uint8_t *)recipient, recipient ? strlen(recipient) : 0, o, &d, &err);
    if (st != LEX_STATUS_OK) {
        lex_buf e = {NULL, 0};
        lex_error_to_string(err, &e);
        fail("may_forward failed: %s%s", (const char *)e.ptr, "");
        lex_buf_free(&e);
    } else {
        jspan actual = json_root((const char *)d.ptr, d.len);
        const char *keys[] = {"allowed", "code", "ruleId", "policy", "auditRequired", "retainUntil"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            jspan w = json_get(expected, keys[k]);
            if (!JS_OK(w)) continue;
            jspan a = json_get(actual, keys[k]);
            bool same = JS_OK(a) ? json_equal(w, a, true) : json_kind(w) == 'n';
            if (!same) fail("decision %s differs: %s", keys[k], (const char *)d.ptr);
        }
    }
    lex_buf_free(&d);
    lex_message_free(m);
    lex_error_free(err);
    lex_validate_options_free(o);
    free(recipient);
    free(text.bytes);
}

/* ---------- driver ---------- */

static void run_vector(const char *path) {
    size_t len = 0;
    char *text = read_file(path, &len);
    snprintf(current_path, sizeof current_path, "%s", path);
    snprintf(current_id, sizeof current_id, "?");
    jspan v = text ? json_root(text, len) : (jspan){NULL, 0};
    if (json_kind(v) != '{') {
        fail("not a JSON object%s%s", "", "");
        free(text);
        return;
    }
    char *id = get_str(v, "id"), *op = get_str(v, "operation"), *now = get_str(v, "now");
    snprintf(current_id, sizeof current_id, "%s", id ? id : "?");
    const char *clock = now ? now : "2026-04-03T12:00:00Z";
    const char *o = op ? op : "validate";
    int before = failures;
    bool skip = JS_OK(json_get(v, "specFile")) && !spec_present();
    if (skip) {
        printf("skip %s %s: LEX_SPEC_DIR %s not found\n", o, current_id, spec_dir());
        skipped++;
    } else if (!strcmp(o, "validate")) op_validate(v, clock);
    else if (!strcmp(o, "parse")) op_parse(v, clock);
    else if (!strcmp(o, "convert")) op_convert(v, clock);
    else if (!strcmp(o, "fingerprint")) op_fingerprint(v);
    else if (!strcmp(o, "transition")) op_transition(v);
    else if (!strcmp(o, "acknowledge")) op_acknowledge(v, clock);
    else if (!strcmp(o, "receive")) op_receive(v, clock);
    else if (!strcmp(o, "may-forward")) op_may_forward(v, clock);
    else fail("operation %s is not implemented by the C runner (tests/vectors/README.md)%s", o, "");
    if (!skip && failures == before) printf("ok %s %s\n", o, current_id);
    free(id);
    free(op);
    free(now);
    free(text);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void collect(const char *dir, char ***paths, size_t *n) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        size_t l = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) {
            collect(path, paths, n);
        } else if (l > 5 && !strcmp(e->d_name + l - 5, ".json")) {
            *paths = realloc(*paths, (*n + 1) * sizeof **paths);
            (*paths)[(*n)++] = strdup(path);
        }
    }
    closedir(d);
}

int main(int argc, char **argv) {
    size_t total = 0;
    for (int a = 1; a < argc; a++) {
        char **paths = NULL;
        size_t n = 0;
        collect(argv[a], &paths, &n);
        if (n == 0) {
            fprintf(stderr, "FAIL: no vector under %s\n", argv[a]);
            failures++;
        }
        qsort(paths, n, sizeof *paths, cmp_str);
        for (size_t i = 0; i < n; i++) {
            run_vector(paths[i]);
            free(paths[i]);
        }
        free(paths);
        total += n;
    }
    printf("%zu vectors, %d failures, %d skipped\n", total, failures, skipped);
    return failures ? 1 : 0;
}
