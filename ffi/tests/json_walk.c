/* The minimal JSON walker of the C test runner; see json_walk.h. */
#include "json_walk.h"

#include <stdlib.h>
#include <string.h>

static const char *skip_ws(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

/* Returns the end of the value starting at p (after skip_ws), or NULL when malformed. */
static const char *value_end(const char *p, const char *end) {
    if (p >= end) return NULL;
    if (*p == '"') {
        for (p++; p < end; p++) {
            if (*p == '\\') {
                p++;
            } else if (*p == '"') {
                return p + 1;
            }
        }
        return NULL;
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = value_end(p, end);
                if (!p) return NULL;
                continue;
            }
            if (*p == '{' || *p == '[') depth++;
            if (*p == '}' || *p == ']') {
                depth--;
                if (depth == 0) return p + 1;
            }
            p++;
        }
        return NULL;
    }
    /* number, true, false, null */
    while (p < end && !strchr(",]} \t\r\n", *p)) p++;
    return p;
}

static jspan span_at(const char *p, const char *end) {
    jspan s = {NULL, 0};
    p = skip_ws(p, end);
    const char *e = value_end(p, end);
    if (e) {
        s.p = p;
        s.len = (size_t)(e - p);
    }
    return s;
}

jspan json_root(const char *text, size_t len) { return span_at(text, text + len); }

char json_kind(jspan v) {
    if (!JS_OK(v) || v.len == 0) return 0;
    char c = v.p[0];
    if (c == '-' || (c >= '0' && c <= '9')) return '0';
    return c;
}

/* Iterates the children of an object or array: calls back with (key span or unset, value). */
typedef bool (*child_fn)(jspan key, jspan value, void *ctx);

static void each_child(jspan c, child_fn fn, void *ctx) {
    char k = json_kind(c);
    if (k != '{' && k != '[') return;
    const char *p = c.p + 1, *end = c.p + c.len - 1;
    for (;;) {
        p = skip_ws(p, end);
        if (p >= end) return;
        jspan key = {NULL, 0};
        if (k == '{') {
            key = span_at(p, end);
            if (!JS_OK(key)) return;
            p = skip_ws(key.p + key.len, end);
            if (p >= end || *p != ':') return;
            p++;
        }
        jspan v = span_at(p, end);
        if (!JS_OK(v)) return;
        if (!fn(key, v, ctx)) return;
        p = skip_ws(v.p + v.len, end);
        if (p < end && *p == ',') p++;
    }
}

static void put_utf8(char *out, size_t *n, unsigned long cp) {
    if (cp < 0x80) {
        out[(*n)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*n)++] = (char)(0xC0 | (cp >> 6));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out[(*n)++] = (char)(0xE0 | (cp >> 12));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*n)++] = (char)(0xF0 | (cp >> 18));
        out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    }
}

static unsigned long hex4(const char *p) {
    unsigned long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned long)(c - 'A' + 10);
    }
    return v;
}

char *json_string(jspan v, size_t *out_len) {
    if (json_kind(v) != '"' || v.len < 2) return NULL;
    /* Decoded text is never longer than the escaped text. */
    char *out = malloc(v.len);
    if (!out) return NULL;
    size_t n = 0;
    const char *p = v.p + 1, *end = v.p + v.len - 1;
    while (p < end) {
        if (*p != '\\') {
            out[n++] = *p++;
            continue;
        }
        p++;
        if (p >= end) break;
        char c = *p++;
        switch (c) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u': {
            if (end - p < 4) { p = end; break; }
            unsigned long cp = hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                unsigned long lo = hex4(p + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
            put_utf8(out, &n, cp);
            break;
        }
        default: out[n++] = c; break; /* \" \\ \/ */
        }
    }
    out[n] = '\0';
    if (out_len) *out_len = n;
    return out;
}

struct find_ctx {
    const char *key;
    jspan found;
};

static bool find_cb(jspan key, jspan value, void *ctx) {
    struct find_ctx *f = ctx;
    char *k = json_string(key, NULL);
    bool hit = k && strcmp(k, f->key) == 0;
    free(k);
    if (hit) {
        f->found = value;
        return false;
    }
    return true;
}

jspan json_get(jspan obj, const char *key) {
    struct find_ctx f = {key, {NULL, 0}};
    if (json_kind(obj) == '{') each_child(obj, find_cb, &f);
    return f.found;
}

struct nth_ctx {
    size_t want, at;
    jspan key, value;
};

static bool nth_cb(jspan key, jspan value, void *ctx) {
    struct nth_ctx *c = ctx;
    if (c->at++ == c->want) {
        c->key = key;
        c->value = value;
        return false;
    }
    return true;
}

size_t json_len(jspan arr) {
    struct nth_ctx c = {(size_t)-1, 0, {NULL, 0}, {NULL, 0}};
    each_child(arr, nth_cb, &c);
    return c.at;
}

jspan json_at(jspan arr, size_t i) {
    struct nth_ctx c = {i, 0, {NULL, 0}, {NULL, 0}};
    if (json_kind(arr) == '[') each_child(arr, nth_cb, &c);
    return c.value;
}

bool json_member(jspan obj, size_t i, char **key, jspan *value) {
    struct nth_ctx c = {i, 0, {NULL, 0}, {NULL, 0}};
    if (json_kind(obj) == '{') each_child(obj, nth_cb, &c);
    if (!JS_OK(c.value)) return false;
    *key = json_string(c.key, NULL);
    *value = c.value;
    return true;
}

bool json_bool(jspan v, bool dflt) {
    char k = json_kind(v);
    return k == 't' ? true : k == 'f' ? false : dflt;
}

long long json_int(jspan v, long long dflt) {
    if (json_kind(v) != '0') return dflt;
    return strtoll(v.p, NULL, 10);
}

bool json_equal(jspan a, jspan b, bool ordered) {
    char ka = json_kind(a), kb = json_kind(b);
    if (ka != kb || ka == 0) return false;
    if (ka == '"') {
        size_t la = 0, lb = 0;
        char *sa = json_string(a, &la), *sb = json_string(b, &lb);
        bool eq = sa && sb && la == lb && memcmp(sa, sb, la) == 0;
        free(sa);
        free(sb);
        return eq;
    }
    if (ka == '[') {
        size_t n = json_len(a);
        if (n != json_len(b)) return false;
        for (size_t i = 0; i < n; i++)
            if (!json_equal(json_at(a, i), json_at(b, i), ordered)) return false;
        return true;
    }
    if (ka == '{') {
        size_t n = json_len(a);
        if (n != json_len(b)) return false;
        for (size_t i = 0; i < n; i++) {
            char *key = NULL, *key_b = NULL;
            jspan va, vb;
            if (!json_member(a, i, &key, &va)) return false;
            bool eq;
            if (ordered) {
                eq = json_member(b, i, &key_b, &vb) && key && key_b && strcmp(key, key_b) == 0 &&
                     json_equal(va, vb, ordered);
            } else {
                vb = key ? json_get(b, key) : (jspan){NULL, 0};
                eq = JS_OK(vb) && json_equal(va, vb, ordered);
            }
            free(key);
            free(key_b);
            if (!eq) return false;
        }
        return true;
    }
    return a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
}
