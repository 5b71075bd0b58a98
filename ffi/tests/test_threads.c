/* Concurrency: several threads validate one shared message with shared options, and several
 * threads feed one receiver the same messages; each messageId must be processed once. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>

#include "check.h"

#define THREADS 6
#define ROUNDS 40
#define IDS 10

static const char *LEAD_FMT =
    "{\"lex\":{\"header\":{\"messageId\":\"msg-%d\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
    "\"timestamp\":\"2026-05-04T09:30:00Z\",\"senderId\":\"S\",\"receiverId\":\"R\"},"
    "\"payload\":{\"lead\":{\"leadId\":\"L-%d\",\"status\":\"CART\",\"customer\":{\"lastName\":\"Smith\","
    "\"email\":\"jane@example.com\"}}}}}";

static const lex_message *shared_msg;
static const lex_validate_options *shared_opts;
static const char *expected_json; /* the report every thread must reproduce */
static lex_receiver *shared_rx;
static int thread_failures[THREADS];
static int first_receipts[THREADS][IDS];

static void *validate_worker(void *arg) {
    int t = (int)(size_t)arg;
    for (int i = 0; i < ROUNDS; i++) {
        lex_report *r = NULL;
        lex_buf js = {NULL, 0}, fp = {NULL, 0};
        if (lex_message_validate(shared_msg, shared_opts, &r, NULL) != LEX_STATUS_OK ||
            lex_report_to_json(r, false, &js) != LEX_STATUS_OK || strcmp((const char *)js.ptr, expected_json) != 0)
            thread_failures[t]++;
        if (lex_message_fingerprint(shared_msg, &fp) != LEX_STATUS_OK || fp.len != 64) thread_failures[t]++;
        lex_buf_free(&fp);
        lex_buf_free(&js);
        lex_report_free(r);
    }
    return NULL;
}

static void *receive_worker(void *arg) {
    int t = (int)(size_t)arg;
    char text[1024];
    for (int round = 0; round < 3; round++) {
        for (int k = 0; k < IDS; k++) {
            int id = (k + t) % IDS; /* threads start at different ids to collide more */
            snprintf(text, sizeof text, LEAD_FMT, id, id);
            lex_receipt *rc = NULL;
            bool dup = true;
            if (lex_receiver_receive(shared_rx, S(text), &rc, NULL) != LEX_STATUS_OK ||
                lex_receipt_duplicate(rc, &dup) != LEX_STATUS_OK) {
                thread_failures[t]++;
            } else if (!dup) {
                first_receipts[t][id]++;
            }
            lex_receipt_free(rc);
        }
    }
    return NULL;
}

int main(void) {
    char text[1024];
    snprintf(text, sizeof text, LEAD_FMT, 0, 0);
    lex_message *m = NULL;
    lex_validate_options *o = NULL;
    lex_report *r = NULL;
    lex_buf js = {NULL, 0};
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_validate_options_set_now_rfc3339(o, S("2026-05-04T10:00:00Z"), NULL));
    OK(lex_message_parse(S(text), LEX_FORMAT_AUTO, o, &m, NULL));
    OK(lex_message_validate(m, o, &r, NULL));
    OK(lex_report_to_json(r, false, &js));
    shared_msg = m;
    shared_opts = o;
    expected_json = (const char *)js.ptr;

    pthread_t th[THREADS];
    for (size_t t = 0; t < THREADS; t++) CHECK(pthread_create(&th[t], NULL, validate_worker, (void *)t) == 0);
    for (size_t t = 0; t < THREADS; t++) CHECK(pthread_join(th[t], NULL) == 0);

    OK(lex_receiver_new(o, &shared_rx, NULL));
    for (size_t t = 0; t < THREADS; t++) CHECK(pthread_create(&th[t], NULL, receive_worker, (void *)t) == 0);
    for (size_t t = 0; t < THREADS; t++) CHECK(pthread_join(th[t], NULL) == 0);
    for (int id = 0; id < IDS; id++) {
        int firsts = 0;
        for (int t = 0; t < THREADS; t++) firsts += first_receipts[t][id];
        CHECK(firsts == 1); /* exactly one thread processed each messageId */
    }
    for (int t = 0; t < THREADS; t++) CHECK(thread_failures[t] == 0);

    lex_receiver_free(shared_rx);
    lex_buf_free(&js);
    lex_report_free(r);
    lex_message_free(m);
    lex_validate_options_free(o);
    return check_done("test_threads");
}
