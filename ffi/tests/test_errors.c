/* Error paths: located parse errors, limits, bad arguments, NULL pointers, outputs left
 * untouched on failure, and a forced panic that comes back as LEX_STATUS_PANIC. */
#include <stdint.h>

#include "check.h"

static const char *LEAD = "{\"lex\":{\"header\":{\"messageId\":\"m-1\",\"messageType\":\"LEAD\"},"
                          "\"payload\":{\"lead\":{\"leadId\":\"L-1\"}}}}";

static void test_located_parse_error(void) {
    lex_message *m = (lex_message *)0x1; /* sentinel: must stay untouched on failure */
    lex_error *err = NULL;
    const char *bad = "{\n  \"lex\": {\n    \"header\": }\n}\n";
    CHECK(lex_message_parse(S(bad), LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    CHECK(m == (lex_message *)0x1);
    CHECK(err != NULL);
    lex_status st = LEX_STATUS_OK;
    OK(lex_error_status(err, &st));
    CHECK(st == LEX_STATUS_PARSE_ERROR);
    lex_str s;
    OK(lex_error_code(err, &s));
    CHECK(STR_EQ(s, "SYNTAX_ERROR"));
    OK(lex_error_message(err, &s));
    CHECK(s.ptr != NULL && s.len > 0);
    lex_location loc;
    OK(lex_error_location(err, &loc));
    CHECK(loc.line == 3 && loc.column == 15 && loc.offset == 27);
    CHECK(loc.segment == -1 && loc.element == -1 && loc.component == -1);
    CHECK(loc.segment_id.ptr == NULL && loc.path.ptr == NULL);
    lex_buf b = {NULL, 0};
    OK(lex_error_to_string(err, &b));
    CHECK(b.len > 13 && memcmp(b.ptr, "SYNTAX_ERROR:", 13) == 0);
    CHECK(strstr((const char *)b.ptr, "line 3, column 15") != NULL);
    lex_buf_free(&b);
    lex_error_free(err);

    /* The error out-parameter is optional. */
    CHECK(lex_message_parse(S(bad), LEX_FORMAT_AUTO, NULL, &m, NULL) == LEX_STATUS_PARSE_ERROR);

    err = NULL;
    CHECK(lex_message_parse(S("{\"a\":1,\"a\":2}"), LEX_FORMAT_JSON, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "DUPLICATE_KEY");
    CHECK(lex_message_parse(S("   "), LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "EMPTY_INPUT");
    CHECK(lex_message_parse(NULL, 0, LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "EMPTY_INPUT");
    CHECK(lex_message_parse(S("hello"), LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "UNKNOWN_FORMAT");
    CHECK(lex_message_parse(S("{\"lex\":\"\xff\"}"), LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "INVALID_ENCODING");
    CHECK(lex_message_from_json(S("[1]"), &m, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "NOT_A_LEX_MESSAGE");
    CHECK(lex_message_list_parse(S("{"), LEX_FORMAT_AUTO, NULL, (lex_message_list **)&m, &err) ==
          LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "SYNTAX_ERROR");
    CHECK(m == (lex_message *)0x1);

    lex_report *r = NULL;
    CHECK(lex_input_validate(S("{]"), LEX_FORMAT_AUTO, NULL, &r, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "SYNTAX_ERROR");
    CHECK(r == NULL);
    lex_buf out = {NULL, 0};
    CHECK(lex_input_convert(S("{]"), LEX_FORMAT_JSON, LEX_FORMAT_AUTO, false, NULL, &out, &err) ==
          LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "SYNTAX_ERROR");
    CHECK(out.ptr == NULL);
}

static void test_limits(void) {
    lex_validate_options *o = NULL;
    lex_error *err = NULL;
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_validate_options_set_max_depth(o, 3, NULL));
    lex_message *m = NULL;
    const char *deep = "{\"lex\":{\"header\":{\"a\":{\"b\":{}}}}}";
    CHECK(lex_message_parse(S(deep), LEX_FORMAT_AUTO, o, &m, &err) == LEX_STATUS_LIMIT_EXCEEDED);
    ERR_CODE(err, "DEPTH_LIMIT_EXCEEDED");
    OK(lex_validate_options_set_max_depth(o, 128, NULL));
    OK(lex_validate_options_set_max_input_bytes(o, 10, NULL));
    CHECK(lex_input_validate(S(deep), LEX_FORMAT_AUTO, o, (lex_report **)&m, &err) == LEX_STATUS_LIMIT_EXCEEDED);
    ERR_CODE(err, "SIZE_LIMIT_EXCEEDED");
    CHECK(m == NULL);
    /* A 10,000-deep array is an error, not a stack overflow. */
    char *huge = malloc(20001);
    memset(huge, '[', 10000);
    memset(huge + 10000, ']', 10000);
    huge[20000] = '\0';
    CHECK(lex_message_from_json(S(huge), &m, &err) == LEX_STATUS_LIMIT_EXCEEDED);
    ERR_CODE(err, "DEPTH_LIMIT_EXCEEDED");
    free(huge);
    lex_validate_options_free(o);
}

static void test_bad_arguments(void) {
    lex_error *err = NULL;
    lex_validate_options *o = NULL;
    lex_build_options *bo = NULL;
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_build_options_new(&bo, NULL));

    CHECK(lex_validate_options_set_level(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_level(o, 4, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    uint8_t level = 0;
    OK(lex_validate_options_level(o, &level));
    CHECK(level == 2); /* a failed setter changes nothing */
    CHECK(lex_validate_options_set_now_rfc3339(o, S("yesterday"), &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_now_unix_ms(o, INT64_MAX, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_mode(o, 2, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_policy(o, -1, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_previous_status(o, S("\xC3"), &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_max_input_bytes(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_max_depth(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_max_string_bytes(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_max_number_chars(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_validate_options_set_max_nodes(o, 0, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_build_options_set_now_rfc3339(bo, S("2026-13-01T00:00:00Z"), &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_build_options_set_now_unix_ms(bo, INT64_MIN, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_build_options_set_message_id(bo, S("\xff"), &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");

    lex_message *m = NULL;
    CHECK(lex_message_parse(S(LEAD), 99, NULL, &m, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_JSON, o, &m, NULL));
    lex_buf b = {NULL, 0};
    CHECK(lex_message_serialize(m, LEX_FORMAT_AUTO, false, &b, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_input_convert(S(LEAD), LEX_FORMAT_AUTO, LEX_FORMAT_AUTO, false, NULL, &b, &err) ==
          LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(b.ptr == NULL);
    CHECK(lex_message_get_json(m, S("\xfe"), &b, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");

    /* Index out of range. */
    lex_str s = {NULL, 0};
    lex_report *r = NULL;
    OK(lex_message_validate(m, NULL, &r, NULL));
    size_t n = 0;
    OK(lex_report_issue_count(r, &n));
    lex_level lv;
    CHECK(lex_report_issue_level(r, n, &lv, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_report_issue_code(r, n + 7, &s, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_report_issue_to_json(r, SIZE_MAX, &b, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_report_has_code(r, S("\xff"), (bool *)&n, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_statuses_get(15, &s, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_types_get(5, &s, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_ack_statuses_get(8, &s, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(s.ptr == NULL); /* untouched by every failed call above */
    lex_message_list *list = NULL;
    OK(lex_message_list_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &list, NULL));
    lex_message *got = NULL;
    CHECK(lex_message_list_get(list, 1, &got, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(got == NULL);
    CHECK(lex_message_list_serialize(list, 42, false, &b, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    lex_message_list_free(list);

    /* Unknown statuses and types, non-UTF-8 strings. */
    lex_transition t;
    bool allowed;
    CHECK(lex_transition_check(S("ABANDONED"), S("CART"), LEX_POLICY_DEFAULT, &t, &err) ==
          LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_transition_check(S("CART"), S("CART"), 9, &t, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_transition_allowed(S("CART"), S("\xff"), &allowed, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_fingerprint_compute(S("\xff"), S(""), S(""), &b, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    lex_message *nm = NULL;
    CHECK(lex_message_new(S("INQUIRY"), S("{}"), S("S"), S("R"), NULL, &nm, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_new(S("LEAD"), S("[1]"), S("S"), S("R"), NULL, &nm, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_new(S("LEAD"), S("{oops"), S("S"), S("R"), NULL, &nm, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "SYNTAX_ERROR");
    CHECK(nm == NULL);

    /* Acknowledgments: unknown status, and an acknowledgment is never acknowledged. */
    lex_message *ack = NULL, *ack2 = NULL;
    CHECK(lex_message_acknowledge(m, NULL, S("MAYBE"), NULL, &ack, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    OK(lex_message_acknowledge(m, r, NULL, 0, NULL, &ack, NULL));
    CHECK(lex_message_acknowledge(ack, NULL, NULL, 0, NULL, &ack2, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(ack2 == NULL);
    lex_message_free(ack);

    /* Receiver: unreadable input is an error, not a receipt. */
    lex_receiver *rx = NULL;
    lex_receipt *rc = NULL;
    lex_receipt_list *rl = NULL;
    OK(lex_receiver_new(NULL, &rx, NULL));
    CHECK(lex_receiver_receive(rx, S("{"), &rc, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "SYNTAX_ERROR");
    CHECK(lex_receiver_receive_all(rx, S(""), &rl, &err) == LEX_STATUS_PARSE_ERROR);
    ERR_CODE(err, "EMPTY_INPUT");
    OK(lex_receiver_receive_all(rx, S(LEAD), &rl, NULL));
    CHECK(lex_receipt_list_get(rl, 1, &rc, &err) == LEX_STATUS_INVALID_ARGUMENT);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(rc == NULL);
    lex_receipt_list_free(rl);
    lex_receiver_free(rx);

    /* may_forward: the recipient must be UTF-8; NULL with a length and a NULL output are
     * NULL_POINTER; a failed call leaves the output untouched. */
    lex_buf fwd = {(uint8_t *)"untouched", 9};
    CHECK(lex_message_may_forward(m, (const uint8_t *)"\xff\xfe", 2, NULL, &fwd, &err) ==
          LEX_STATUS_INVALID_ARGUMENT);
    OK(lex_error_message(err, &s));
    CHECK(STR_EQ(s, "argument `recipient` is not UTF-8 (invalid byte at offset 0)"));
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_may_forward(m, NULL, 3, NULL, &fwd, &err) == LEX_STATUS_NULL_POINTER);
    OK(lex_error_message(err, &s));
    CHECK(STR_EQ(s, "argument `recipient` is NULL"));
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_may_forward(m, S("DEALER-B"), o, NULL, &err) == LEX_STATUS_NULL_POINTER);
    OK(lex_error_message(err, &s));
    CHECK(STR_EQ(s, "argument `out_json` is NULL"));
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(fwd.len == 9 && memcmp(fwd.ptr, "untouched", 9) == 0);
    CHECK(lex_receipt_routing(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    s.ptr = NULL; /* the next failure must leave it untouched */
    s.len = 0;

    CHECK(lex_status_name(12345, &s) == LEX_STATUS_INVALID_ARGUMENT);
    CHECK(s.ptr == NULL);

    lex_report_free(r);
    lex_message_free(m);
    lex_build_options_free(bo);
    lex_validate_options_free(o);
}

static void test_null_pointers(void) {
    lex_error *err = NULL;
    lex_message *m = NULL;
    lex_buf b = {NULL, 0};
    lex_str s;
    size_t n;
    bool flag;

    /* A NULL output: nothing is done, the error names the argument. */
    CHECK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, NULL, &err) == LEX_STATUS_NULL_POINTER);
    lex_status st = LEX_STATUS_OK;
    OK(lex_error_status(err, &st));
    CHECK(st == LEX_STATUS_NULL_POINTER);
    OK(lex_error_message(err, &s));
    CHECK(STR_EQ(s, "argument `out` is NULL"));
    ERR_CODE(err, "INVALID_ARGUMENT");
    /* A NULL input with a length. */
    CHECK(lex_message_parse(NULL, 5, LEX_FORMAT_AUTO, NULL, &m, &err) == LEX_STATUS_NULL_POINTER);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(m == NULL);
    /* NULL handles everywhere. */
    CHECK(lex_message_type(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_id(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_to_json(NULL, false, &b) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_fingerprint(NULL, &b) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_read_issues(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_source_format(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_serialize(NULL, LEX_FORMAT_JSON, false, &b, &err) == LEX_STATUS_NULL_POINTER);
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_message_get_json(NULL, S("/lex"), &b, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_validate(NULL, NULL, (lex_report **)&m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_acknowledge(NULL, NULL, NULL, 0, NULL, &m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_list_count(NULL, &n) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_list_get(NULL, 0, &m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_list_serialize(NULL, LEX_FORMAT_JSON, false, &b, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_from_json(S("{}"), NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_new(NULL, 4, S("{}"), S("S"), S("R"), NULL, &m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_valid(NULL, &flag) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_http_status(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_error_count(NULL, &n) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_warning_count(NULL, &n) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_count(NULL, &n) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_to_json(NULL, true, &b) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_field(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_pointer(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_message(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_rule_id(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_from_status(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_to_status(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_report_issue_suggestion(NULL, 0, &s, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_input_validate(S(LEAD), LEX_FORMAT_AUTO, NULL, NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_input_detect(S(LEAD), NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_input_convert(S(LEAD), LEX_FORMAT_JSON, LEX_FORMAT_AUTO, false, NULL, NULL, NULL) ==
          LEX_STATUS_NULL_POINTER);
    CHECK(lex_fingerprint_compute(S("a"), S("b"), S("c"), NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_transition_check(NULL, 3, S("CART"), LEX_POLICY_DEFAULT, NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_transition_allowed(S("CART"), S("CART"), NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_statuses_count(NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_types_count(NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_ack_statuses_count(NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_statuses_get(0, NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_status_name(0, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_validate_options_new(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_validate_options_set_level(NULL, 2, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_validate_options_set_include_info(NULL, true, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_validate_options_clear_now(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_validate_options_level(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_build_options_new(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_build_options_set_message_id(NULL, NULL, 0, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receiver_new(NULL, NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receiver_receive(NULL, S(LEAD), (lex_receipt **)&m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receiver_receive_message(NULL, NULL, (lex_receipt **)&m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receiver_receive_all(NULL, S(LEAD), (lex_receipt_list **)&m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_message(NULL, &m) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_report(NULL, (lex_report **)&m) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_ack(NULL, &m) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_duplicate(NULL, &flag) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_outcome(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_http_status(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_duplicate_of_lead(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_routing(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_dead_letter_reason(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_to_json(NULL, false, &b) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_message_may_forward(NULL, S("DEALER-B"), NULL, &b, &err) == LEX_STATUS_NULL_POINTER);
    OK(lex_error_message(err, &s));
    CHECK(STR_EQ(s, "argument `msg` is NULL"));
    ERR_CODE(err, "INVALID_ARGUMENT");
    CHECK(lex_receipt_list_count(NULL, &n) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_receipt_list_get(NULL, 0, (lex_receipt **)&m, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_error_code(NULL, &s) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_error_location(NULL, NULL) == LEX_STATUS_NULL_POINTER);
    CHECK(lex_error_to_string(NULL, &b) == LEX_STATUS_NULL_POINTER);
    CHECK(m == NULL && b.ptr == NULL);
}

static void test_err_untouched_on_success(void) {
    lex_error *sentinel = (lex_error *)&sentinel;
    lex_error *err = sentinel;
    bool allowed = false;
    OK(lex_transition_allowed(S("CART"), S("SHOPPING"), &allowed, &err));
    CHECK(err == sentinel);
}

static void test_forced_panic(void) {
    lex_error *err = NULL;
    CHECK(lex_debug_force_panic(&err) == LEX_STATUS_PANIC);
    lex_status st = LEX_STATUS_OK;
    OK(lex_error_status(err, &st));
    CHECK(st == LEX_STATUS_PANIC);
    lex_str s;
    OK(lex_error_message(err, &s));
    CHECK(s.len > 0 && strstr((const char *)s.ptr, "lex_debug_force_panic") != NULL);
    ERR_CODE(err, "INTERNAL_ERROR");
    CHECK(lex_debug_force_panic(NULL) == LEX_STATUS_PANIC);
    /* The library is still usable after a caught panic. */
    lex_message *m = NULL;
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &m, NULL));
    lex_message_free(m);
}

int main(void) {
    test_located_parse_error();
    test_limits();
    test_bad_arguments();
    test_null_pointers();
    test_err_untouched_on_success();
    test_forced_panic();
    return check_done("test_errors");
}
