/* Every function of lex.h on its success path, with exact values. Error paths are in
 * test_errors.c, concurrency in test_threads.c, the shared vectors in test_vectors.c. */
#include "check.h"

static const char *LEAD =
    "{\"lex\":{\"header\":{\"messageId\":\"5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23\","
    "\"messageType\":\"LEAD\",\"version\":\"1.0\",\"timestamp\":\"2026-05-04T09:30:00Z\","
    "\"senderId\":\"PORTAL-NORTHWIND\",\"receiverId\":\"DEALER-CONTOSO-017\"},"
    "\"payload\":{\"lead\":{\"leadId\":\"LEAD-NW-0001\",\"status\":\"EXPRESSED_INTEREST\","
    "\"source\":\"RETAILER_WEBSITE\",\"customer\":{\"firstName\":\"Jane\",\"lastName\":\"Smith\","
    "\"email\":\"Jane.Smith@Example.com\",\"phoneNumber\":\"+1 (415) 555-1234\"},"
    "\"desiredProduct\":{\"productType\":\"VEHICLE_NEW\"},"
    "\"consentRecord\":{\"tcpa\":{\"expressWrittenConsent\":true,\"consentTimestamp\":\"2026-05-04T09:00:00Z\","
    "\"consentSource\":\"WEB_FORM\"}},"
    "\"metadata\":{\"createdDate\":\"2026-05-04T09:00:00Z\",\"countryCode\":\"US\"}}}}}";
static const char *FP_SMITH = "e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1";
static const char *NOW = "2026-05-04T10:00:00Z";

/* Owned text helpers: starts with / contains / ends with a C string. */
static int has_prefix(lex_buf b, const char *want) {
    return b.ptr != NULL && b.len >= strlen(want) && memcmp(b.ptr, want, strlen(want)) == 0;
}
static int contains(lex_buf b, const char *want) {
    return b.ptr != NULL && strstr((const char *)b.ptr, want) != NULL;
}
static int ends_with(lex_buf b, const char *want) {
    size_t n = strlen(want);
    return b.ptr != NULL && b.len >= n && memcmp(b.ptr + b.len - n, want, n) == 0;
}

static void test_versions_and_constants(void) {
    CHECK(lex_abi_version() == ((LEX_ABI_VERSION_MAJOR << 16) | LEX_ABI_VERSION_MINOR));
    CHECK(lex_abi_version() >> 16 == 1);
    lex_str v = lex_version();
    CHECK(v.ptr != NULL && v.len >= 5 && v.ptr[1] == '.');
    CHECK(STR_EQ(lex_spec_version(), "1.0"));

    size_t n = 0;
    lex_str s;
    OK(lex_statuses_count(&n));
    CHECK(n == 15);
    OK(lex_statuses_get(0, &s, NULL));
    CHECK(STR_EQ(s, "CART"));
    OK(lex_statuses_get(14, &s, NULL));
    CHECK(STR_EQ(s, "ARCHIVED"));
    OK(lex_message_types_count(&n));
    CHECK(n == 5);
    OK(lex_message_types_get(4, &s, NULL));
    CHECK(STR_EQ(s, "LEAD_CLOSURE"));
    OK(lex_ack_statuses_count(&n));
    CHECK(n == 8);
    OK(lex_ack_statuses_get(7, &s, NULL));
    CHECK(STR_EQ(s, "DUPLICATE"));

    OK(lex_status_name(LEX_STATUS_PANIC, &s));
    CHECK(STR_EQ(s, "LEX_STATUS_PANIC"));
    OK(lex_status_name(LEX_STATUS_OK, &s));
    CHECK(STR_EQ(s, "LEX_STATUS_OK"));
}

static void test_parse_and_accessors(void) {
    lex_message *m = NULL;
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &m, NULL));
    CHECK(m != NULL);
    lex_str s;
    OK(lex_message_type(m, &s));
    CHECK(STR_EQ(s, "LEAD"));
    OK(lex_message_id(m, &s));
    CHECK(STR_EQ(s, "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"));
    lex_format f = LEX_FORMAT_AUTO;
    OK(lex_message_source_format(m, &f));
    CHECK(f == LEX_FORMAT_JSON);

    /* The alias `email` was normalised: one read warning naming the canonical pointer. */
    lex_report *ri = NULL;
    OK(lex_message_read_issues(m, &ri));
    size_t n = 0;
    OK(lex_report_issue_count(ri, &n));
    CHECK(n == 1);
    OK(lex_report_issue_code(ri, 0, &s, NULL));
    CHECK(STR_EQ(s, "ALIAS_NORMALIZED"));
    OK(lex_report_issue_pointer(ri, 0, &s, NULL));
    CHECK(STR_EQ(s, "/lex/payload/lead/customer/emailAddress"));
    lex_report_free(ri);

    lex_buf b = {NULL, 0};
    OK(lex_message_get_json(m, S("/lex/payload/lead/customer/emailAddress"), &b, NULL));
    CHECK(STR_EQ(b, "\"Jane.Smith@Example.com\""));
    CHECK(b.ptr[b.len] == '\0'); /* NUL-terminated for printf */
    lex_buf_free(&b);
    CHECK(b.ptr == NULL && b.len == 0);
    OK(lex_message_get_json(m, S("/lex/nothing/here"), &b, NULL));
    CHECK(b.ptr == NULL && b.len == 0); /* absent is {NULL, 0}, not an error */

    OK(lex_message_fingerprint(m, &b));
    CHECK(STR_EQ(b, FP_SMITH));
    lex_buf_free(&b);

    OK(lex_message_to_json(m, false, &b));
    CHECK(b.len > 0 && memcmp(b.ptr, "{\"lex\":{\"header\":{\"messageId\"", 29) == 0);
    CHECK(strstr((const char *)b.ptr, "\"emailAddress\"") != NULL);
    lex_buf pretty = {NULL, 0};
    OK(lex_message_to_json(m, true, &pretty));
    CHECK(pretty.len > b.len && strchr((const char *)pretty.ptr, '\n') != NULL);
    lex_buf_free(&pretty);

    /* serialize(JSON, compact) is the canonical text; from_json of it gives the same tree. */
    lex_buf ser = {NULL, 0};
    OK(lex_message_serialize(m, LEX_FORMAT_JSON, false, &ser, NULL));
    CHECK(ser.len == b.len && memcmp(ser.ptr, b.ptr, b.len) == 0);
    lex_message *again = NULL;
    OK(lex_message_from_json(ser.ptr, ser.len, &again, NULL));
    lex_buf b2 = {NULL, 0};
    OK(lex_message_to_json(again, false, &b2));
    CHECK(b2.len == b.len && memcmp(b2.ptr, b.ptr, b.len) == 0);
    lex_buf_free(&b2);
    lex_buf_free(&ser);
    lex_buf_free(&b);
    lex_message_free(again);

    /* A message without type or id: absent accessors are {NULL, 0}; no fingerprint. */
    lex_message *bare = NULL;
    OK(lex_message_from_json(S("{\"lex\":{\"payload\":{}}}"), &bare, NULL));
    OK(lex_message_type(bare, &s));
    CHECK(s.ptr == NULL && s.len == 0);
    OK(lex_message_id(bare, &s));
    CHECK(s.ptr == NULL);
    OK(lex_message_fingerprint(bare, &b));
    CHECK(b.ptr == NULL);
    lex_message_free(bare);
    lex_message_free(m);
}

static void test_message_list(void) {
    lex_message_list *list = NULL;
    OK(lex_message_list_parse(S(LEAD), LEX_FORMAT_JSON, NULL, &list, NULL));
    size_t n = 0;
    OK(lex_message_list_count(list, &n));
    CHECK(n == 1);
    lex_message *m = NULL;
    OK(lex_message_list_get(list, 0, &m, NULL));
    lex_message_list_free(list); /* the message taken out stays valid */
    lex_str s;
    OK(lex_message_type(m, &s));
    CHECK(STR_EQ(s, "LEAD"));
    lex_message_free(m);

    OK(lex_message_list_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &list, NULL));
    lex_buf b = {NULL, 0};
    OK(lex_message_list_serialize(list, LEX_FORMAT_JSON, false, &b, NULL));
    CHECK(b.len > 0 && b.ptr[0] == '{');
    lex_buf_free(&b);
    lex_message_list_free(list);
}

static void test_validate(void) {
    lex_validate_options *o = NULL;
    OK(lex_validate_options_new(&o, NULL));
    uint8_t level = 0;
    OK(lex_validate_options_level(o, &level));
    CHECK(level == 2);
    OK(lex_validate_options_set_level(o, 3, NULL));
    OK(lex_validate_options_level(o, &level));
    CHECK(level == 3);
    OK(lex_validate_options_set_now_rfc3339(o, S(NOW), NULL));
    OK(lex_validate_options_set_mode(o, LEX_READ_MODE_TOLERANT, NULL));
    OK(lex_validate_options_set_policy(o, LEX_POLICY_STRICT_TABLE, NULL));
    OK(lex_validate_options_set_previous_status(o, S("SHOPPING"), NULL));
    OK(lex_validate_options_set_previous_status(o, NULL, 0, NULL)); /* cleared */
    OK(lex_validate_options_set_include_info(o, true, NULL));
    OK(lex_validate_options_set_max_input_bytes(o, 1 << 20, NULL));
    OK(lex_validate_options_set_max_depth(o, 64, NULL));
    OK(lex_validate_options_set_max_string_bytes(o, 1 << 16, NULL));
    OK(lex_validate_options_set_max_number_chars(o, 64, NULL));
    OK(lex_validate_options_set_max_nodes(o, 100000, NULL));

    lex_message *m = NULL;
    lex_report *r = NULL;
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, o, &m, NULL));
    OK(lex_message_validate(m, o, &r, NULL));
    bool valid = false;
    uint16_t http = 0;
    size_t n_err = 9, n_warn = 9, n = 9;
    OK(lex_report_valid(r, &valid));
    CHECK(valid);
    OK(lex_report_http_status(r, &http));
    CHECK(http == 200);
    OK(lex_report_error_count(r, &n_err));
    OK(lex_report_warning_count(r, &n_warn));
    OK(lex_report_issue_count(r, &n));
    /* the alias, INFO GOVERNANCE_ABSENT and INFO CUSTOMER_FINGERPRINT_MISSING (D35; include_info) */
    CHECK(n_err == 0 && n_warn == 3 && n == 3);
    lex_level lv = LEX_LEVEL_CRITICAL;
    lex_str s;
    OK(lex_report_issue_level(r, 0, &lv, NULL));
    CHECK(lv == LEX_LEVEL_WARNING);
    OK(lex_report_issue_code(r, 0, &s, NULL));
    CHECK(STR_EQ(s, "ALIAS_NORMALIZED"));
    OK(lex_report_issue_field(r, 0, &s, NULL));
    CHECK(STR_EQ(s, "lex.payload.lead.customer.emailAddress"));
    OK(lex_report_issue_pointer(r, 0, &s, NULL));
    CHECK(STR_EQ(s, "/lex/payload/lead/customer/emailAddress"));
    OK(lex_report_issue_message(r, 0, &s, NULL));
    CHECK(s.ptr != NULL && s.len > 0);
    OK(lex_report_issue_rule_id(r, 0, &s, NULL));
    CHECK(s.ptr == NULL);
    OK(lex_report_issue_from_status(r, 0, &s, NULL));
    CHECK(s.ptr == NULL);
    OK(lex_report_issue_to_status(r, 0, &s, NULL));
    CHECK(s.ptr == NULL);
    OK(lex_report_issue_suggestion(r, 0, &s, NULL));
    CHECK(s.ptr == NULL);
    OK(lex_report_issue_level(r, 1, &lv, NULL));
    CHECK(lv == LEX_LEVEL_INFO);
    OK(lex_report_issue_code(r, 1, &s, NULL));
    CHECK(STR_EQ(s, "GOVERNANCE_ABSENT"));
    OK(lex_report_issue_rule_id(r, 1, &s, NULL));
    CHECK(STR_EQ(s, "DG-010"));
    bool has = false;
    OK(lex_report_has_code(r, S("ALIAS_NORMALIZED"), &has, NULL));
    CHECK(has);
    OK(lex_report_has_code(r, S("MESSAGE_TTL_EXPIRED"), &has, NULL));
    CHECK(!has);
    lex_buf b = {NULL, 0};
    OK(lex_report_issue_to_json(r, 0, &b, NULL));
    CHECK(strstr((const char *)b.ptr, "\"rejectedValue\":\"email\"") != NULL);
    lex_buf_free(&b);
    OK(lex_report_to_json(r, false, &b));
    CHECK(memcmp(b.ptr, "{\"valid\":true,\"errors\":[],\"warnings\":[{\"level\":\"WARNING\"", 55) == 0);
    lex_buf_free(&b);
    lex_report_free(r);

    /* Strict mode turns the alias into an error: invalid, HTTP 422. */
    OK(lex_validate_options_set_mode(o, LEX_READ_MODE_STRICT, NULL));
    OK(lex_input_validate(S(LEAD), LEX_FORMAT_AUTO, o, &r, NULL));
    OK(lex_report_valid(r, &valid));
    CHECK(!valid);
    OK(lex_report_http_status(r, &http));
    CHECK(http == 422);
    OK(lex_report_issue_level(r, 0, &lv, NULL));
    CHECK(lv == LEX_LEVEL_ERROR);
    lex_report_free(r);

    /* The clock: one hour before the message's timestamp makes it "in the future". */
    OK(lex_validate_options_set_mode(o, LEX_READ_MODE_TOLERANT, NULL));
    OK(lex_validate_options_set_now_unix_ms(o, 1777887000000LL - 3600000LL, NULL)); /* 08:30Z */
    OK(lex_message_validate(m, o, &r, NULL));
    OK(lex_report_has_code(r, S("TIMESTAMP_IN_FUTURE"), &has, NULL));
    CHECK(has);
    OK(lex_report_issue_level(r, 0, &lv, NULL));
    CHECK(lv == LEX_LEVEL_CRITICAL);
    lex_report_free(r);
    OK(lex_validate_options_set_now_unix_ms(o, 1777887000000LL, NULL)); /* exactly 09:30Z */
    OK(lex_message_validate(m, o, &r, NULL));
    OK(lex_report_valid(r, &valid));
    CHECK(valid);
    lex_report_free(r);
    OK(lex_validate_options_clear_now(o, NULL)); /* system clock: 2026-05 is in the past by now? not asserted */
    OK(lex_message_validate(m, NULL, &r, NULL)); /* NULL options: defaults */
    lex_report_free(r);

    lex_message_free(m);
    lex_validate_options_free(o);
}

static void test_convert_detect_fingerprint_transition(void) {
    lex_buf b = {NULL, 0};
    OK(lex_input_convert(S("{ \"lex\" : { \"payload\" : { } } }"), LEX_FORMAT_JSON, LEX_FORMAT_AUTO, false, NULL,
                         &b, NULL));
    CHECK(STR_EQ(b, "{\"lex\":{\"payload\":{}}}"));
    lex_buf_free(&b);

    lex_format f = LEX_FORMAT_JSON;
    OK(lex_input_detect(S("  <?xml version=\"1.0\"?><lex/>"), &f, NULL));
    CHECK(f == LEX_FORMAT_XML);
    OK(lex_input_detect(S("ISA*00*"), &f, NULL));
    CHECK(f == LEX_FORMAT_X12);
    OK(lex_input_detect(S("UNA:+.? '"), &f, NULL));
    CHECK(f == LEX_FORMAT_EDIFACT);
    OK(lex_input_detect(S("\xEF\xBB\xBF{"), &f, NULL));
    CHECK(f == LEX_FORMAT_JSON);
    OK(lex_input_detect(S("hello"), &f, NULL));
    CHECK(f == LEX_FORMAT_AUTO);
    OK(lex_input_detect(NULL, 0, &f, NULL)); /* (NULL, 0) is the empty input */
    CHECK(f == LEX_FORMAT_AUTO);

    OK(lex_fingerprint_compute(S(" Jane.Smith@Example.com "), S("+1 (415) 555-1234"), S(" Smith "), &b, NULL));
    CHECK(STR_EQ(b, FP_SMITH));
    lex_buf_free(&b);
    OK(lex_fingerprint_compute(S("eva.mueller@example.com"), S("+4915551234567"), S("M\xC3\xBCller"), &b, NULL));
    CHECK(STR_EQ(b, "c7da5d8fcd691500e11b03dc7c565d6ab6f50f1878d001c36d741c9efee87b5f"));
    lex_buf_free(&b);

    lex_transition t = LEX_TRANSITION_ALLOWED;
    OK(lex_transition_check(S("DELIVERED"), S("IN_NEGOTIATION"), LEX_POLICY_DEFAULT, &t, NULL));
    CHECK(t == LEX_TRANSITION_FORBIDDEN);
    OK(lex_transition_check(S("SHOPPING"), S("DELIVERED"), LEX_POLICY_DEFAULT, &t, NULL));
    CHECK(t == LEX_TRANSITION_UNLISTED);
    OK(lex_transition_check(S("SHOPPING"), S("ORDER"), LEX_POLICY_STRICT_TABLE, &t, NULL));
    CHECK(t == LEX_TRANSITION_FORBIDDEN);
    OK(lex_transition_check(S("CART"), S("SHOPPING"), LEX_POLICY_STRICT_TABLE, &t, NULL));
    CHECK(t == LEX_TRANSITION_ALLOWED);
    bool allowed = false;
    OK(lex_transition_allowed(S("SHOPPING"), S("DELIVERED"), &allowed, NULL));
    CHECK(allowed);
    OK(lex_transition_allowed(S("ARCHIVED"), S("CART"), &allowed, NULL));
    CHECK(!allowed);
}

/* A LEAD body that passes the rules new messages are checked against. */
#define LEAD_PAYLOAD                                                                                       \
    "{\"leadId\":\"LEAD-00001\",\"status\":\"CART\",\"source\":\"RETAILER_WEBSITE\","                    \
    "\"customer\":{\"firstName\":\"Jane\",\"lastName\":\"Smith\",\"emailAddress\":\"jane@example.com\","   \
    "\"phoneNumber\":\"+14155551234\"},\"desiredProduct\":{\"productType\":\"VEHICLE_NEW\"},"                \
    "\"metadata\":{\"createdDate\":\"2026-05-04T09:00:00Z\",\"countryCode\":\"US\"}}"

static void test_build_and_acknowledge(void) {
    lex_build_options *bo = NULL;
    OK(lex_build_options_new(&bo, NULL));
    OK(lex_build_options_set_now_rfc3339(bo, S("2026-05-04T10:00:00.750Z"), NULL));
    OK(lex_build_options_set_message_id(bo, S("00000000-0000-4000-8000-000000000001"), NULL));
    lex_message *m = NULL;
    OK(lex_message_new(S("LEAD"), S(LEAD_PAYLOAD), S("S-1"), S("R-1"), bo, &m, NULL));
    lex_buf b = {NULL, 0};
    OK(lex_message_to_json(m, false, &b));
    CHECK(STR_EQ(b, "{\"lex\":{\"header\":{\"messageId\":\"00000000-0000-4000-8000-000000000001\","
                    "\"messageType\":\"LEAD\",\"version\":\"1.0\",\"timestamp\":\"2026-05-04T10:00:00Z\","
                    "\"senderId\":\"S-1\",\"receiverId\":\"R-1\"},\"payload\":{\"lead\":" LEAD_PAYLOAD "}}}"));
    lex_buf_free(&b);

    /* Defaults: a fresh UUID v4 and the system clock. */
    lex_message *fresh = NULL;
    lex_str id;
    OK(lex_message_new(S("LEAD"), S(LEAD_PAYLOAD), S("S-1"), S("R-1"), NULL, &fresh, NULL));
    OK(lex_message_id(fresh, &id));
    CHECK(id.len == 36 && id.ptr[14] == '4');
    lex_message_free(fresh);

    /* Acknowledge with a report of the message: valid → RECEIVED, with validationResults. */
    lex_report *r = NULL;
    lex_validate_options *o = NULL;
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_validate_options_set_now_rfc3339(o, S(NOW), NULL));
    OK(lex_message_validate(m, o, &r, NULL));
    OK(lex_build_options_set_now_unix_ms(bo, 1777888800000LL, NULL)); /* 2026-05-04T10:00:00Z */
    OK(lex_build_options_set_message_id(bo, S("ack-1"), NULL));
    lex_message *ack = NULL;
    OK(lex_message_acknowledge(m, r, NULL, 0, bo, &ack, NULL));
    lex_str s;
    OK(lex_message_type(ack, &s));
    CHECK(STR_EQ(s, "ACKNOWLEDGMENT"));
    OK(lex_message_id(ack, &s));
    CHECK(STR_EQ(s, "ack-1"));
    OK(lex_message_get_json(ack, S("/lex/payload/acknowledgment/status"), &b, NULL));
    CHECK(STR_EQ(b, "\"RECEIVED\""));
    lex_buf_free(&b);
    OK(lex_message_get_json(ack, S("/lex/payload/acknowledgment/validationResults/isValid"), &b, NULL));
    CHECK(STR_EQ(b, "true"));
    lex_buf_free(&b);
    OK(lex_message_get_json(ack, S("/lex/header/timestamp"), &b, NULL));
    CHECK(STR_EQ(b, "\"2026-05-04T10:00:00Z\""));
    lex_buf_free(&b);
    lex_message_free(ack);
    /* An explicit status, no report, default options. */
    OK(lex_message_acknowledge(m, NULL, S("PROCESSING"), NULL, &ack, NULL));
    OK(lex_message_get_json(ack, S("/lex/payload/acknowledgment/status"), &b, NULL));
    CHECK(STR_EQ(b, "\"PROCESSING\""));
    lex_buf_free(&b);
    lex_message_free(ack);

    OK(lex_build_options_set_message_id(bo, NULL, 0, NULL)); /* back to fresh ids */
    lex_report_free(r);
    lex_validate_options_free(o);
    lex_build_options_free(bo);
    lex_message_free(m);
}

static void test_receiver(void) {
    lex_validate_options *o = NULL;
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_validate_options_set_now_rfc3339(o, S(NOW), NULL));
    lex_receiver *rx = NULL;
    OK(lex_receiver_new(o, &rx, NULL));
    lex_validate_options_free(o); /* the receiver copied them */

    lex_receipt *rc = NULL;
    OK(lex_receiver_receive(rx, S(LEAD), &rc, NULL));
    lex_outcome out = LEX_OUTCOME_DEAD_LETTER;
    bool dup = true;
    uint16_t http = 0;
    OK(lex_receipt_outcome(rc, &out));
    CHECK(out == LEX_OUTCOME_ACCEPTED);
    OK(lex_receipt_duplicate(rc, &dup));
    CHECK(!dup);
    OK(lex_receipt_http_status(rc, &http));
    CHECK(http == 200);
    lex_str s;
    OK(lex_receipt_duplicate_of_lead(rc, &s));
    CHECK(s.ptr == NULL);
    /* Not dead-lettered: no routing, no dead-letter reason. */
    s.ptr = (const uint8_t *)"x";
    OK(lex_receipt_routing(rc, &s));
    CHECK(s.ptr == NULL && s.len == 0);
    s.ptr = (const uint8_t *)"x";
    OK(lex_receipt_dead_letter_reason(rc, &s));
    CHECK(s.ptr == NULL && s.len == 0);
    lex_buf rj = {NULL, 0};
    OK(lex_receipt_to_json(rc, false, &rj));
    CHECK(has_prefix(rj, "{\"messageId\":\"5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23\",\"outcome\":\"ACCEPTED\","
                         "\"duplicate\":false,\"httpStatus\":200,\"valid\":true,\"ackStatus\":\"RECEIVED\","
                         "\"fingerprint\":\"e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1\","
                         "\"report\":{\"valid\":true,"));
    CHECK(contains(rj, ",\"ack\":{\"lex\":{\"header\":{"));
    CHECK(!contains(rj, "\"routing\"") && !contains(rj, "\"deadLetterReason\""));
    CHECK(rj.ptr[rj.len] == '\0' && !contains(rj, "\n"));
    lex_buf_free(&rj);
    OK(lex_receipt_to_json(rc, true, &rj));
    CHECK(has_prefix(rj, "{\n") && contains(rj, "\"outcome\": \"ACCEPTED\""));
    lex_buf_free(&rj);
    lex_message *m = NULL, *ack = NULL;
    lex_report *r = NULL;
    OK(lex_receipt_message(rc, &m));
    OK(lex_message_id(m, &s));
    CHECK(STR_EQ(s, "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"));
    OK(lex_receipt_report(rc, &r));
    bool valid = false;
    OK(lex_report_valid(r, &valid));
    CHECK(valid);
    OK(lex_receipt_ack(rc, &ack));
    CHECK(ack != NULL);
    lex_buf b = {NULL, 0};
    OK(lex_message_get_json(ack, S("/lex/payload/acknowledgment/correlationId"), &b, NULL));
    CHECK(STR_EQ(b, "\"5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23\""));
    lex_buf_free(&b);
    lex_message_free(ack);
    lex_report_free(r);
    lex_receipt_free(rc);

    /* The same message again, as a handle: the stored receipt, flagged duplicate. */
    OK(lex_receiver_receive_message(rx, m, &rc, NULL));
    OK(lex_receipt_duplicate(rc, &dup));
    CHECK(dup);
    lex_receipt_free(rc);
    lex_message_free(m);

    /* receive_all over one JSON document: one receipt, also a duplicate. */
    lex_receipt_list *list = NULL;
    OK(lex_receiver_receive_all(rx, S(LEAD), &list, NULL));
    size_t n = 0;
    OK(lex_receipt_list_count(list, &n));
    CHECK(n == 1);
    OK(lex_receipt_list_get(list, 0, &rc, NULL));
    OK(lex_receipt_duplicate(rc, &dup));
    CHECK(dup);
    lex_receipt_free(rc);
    lex_receipt_list_free(list);

    /* An expired message is dead-lettered: 410 and no acknowledgment (*out set to NULL). */
    const char *expired =
        "{\"lex\":{\"header\":{\"messageId\":\"m-exp\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
        "\"timestamp\":\"2026-05-04T09:00:00Z\",\"senderId\":\"S\",\"receiverId\":\"R\","
        "\"ttl\":{\"expiresAt\":\"2026-05-04T09:30:00Z\"}},\"payload\":{\"lead\":{}}}}";
    OK(lex_receiver_receive(rx, S(expired), &rc, NULL));
    OK(lex_receipt_outcome(rc, &out));
    CHECK(out == LEX_OUTCOME_DEAD_LETTER);
    OK(lex_receipt_http_status(rc, &http));
    CHECK(http == 410);
    ack = (lex_message *)&out; /* must be overwritten with NULL */
    OK(lex_receipt_ack(rc, &ack));
    CHECK(ack == NULL);
    /* No ttl.onExpiry: routed to the dead-letter queue, because the TTL expired. */
    OK(lex_receipt_routing(rc, &s));
    CHECK(STR_EQ(s, "DLQ"));
    OK(lex_receipt_dead_letter_reason(rc, &s));
    CHECK(STR_EQ(s, "TTL_EXPIRED"));
    OK(lex_receipt_to_json(rc, false, &b));
    CHECK(has_prefix(b, "{\"messageId\":\"m-exp\",\"outcome\":\"DEAD_LETTER\",\"duplicate\":false,"
                        "\"httpStatus\":410,\"valid\":false,\"routing\":\"DLQ\",\"deadLetterReason\":\"TTL_EXPIRED\","));
    CHECK(!contains(b, "\"ack\":"));
    lex_buf_free(&b);
    lex_receipt_free(rc);

    /* ttl.onExpiry RETURN: routed back to the sender with a REJECTED acknowledgment. */
    const char *returned =
        "{\"lex\":{\"header\":{\"messageId\":\"m-ret\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
        "\"timestamp\":\"2026-05-04T09:00:00Z\",\"senderId\":\"S\",\"receiverId\":\"R\","
        "\"ttl\":{\"expiresAt\":\"2026-05-04T09:30:00Z\",\"onExpiry\":\"RETURN\"}},\"payload\":{\"lead\":{}}}}";
    OK(lex_receiver_receive(rx, S(returned), &rc, NULL));
    OK(lex_receipt_routing(rc, &s));
    CHECK(STR_EQ(s, "RETURN"));
    OK(lex_receipt_ack(rc, &ack));
    CHECK(ack != NULL);
    OK(lex_message_get_json(ack, S("/lex/payload/acknowledgment/status"), &b, NULL));
    CHECK(STR_EQ(b, "\"REJECTED\""));
    lex_buf_free(&b);
    lex_message_free(ack);
    lex_receipt_free(rc);
    lex_receiver_free(rx);
}

/* A lead with a RESTRICTED governance block whose retention ended on 2020-01-31. */
static const char *GOVERNED =
    "{\"lex\":{\"header\":{\"messageId\":\"m-gov\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
    "\"timestamp\":\"2020-01-01T09:00:00Z\",\"senderId\":\"S\",\"receiverId\":\"DEALER-A\"},"
    "\"payload\":{\"lead\":{}},\"dataGovernance\":{\"forwardingPolicy\":\"RESTRICTED\","
    "\"allowedRecipients\":[\"DEALER-B\"],\"blockedRecipients\":[\"DEALER-X\"],\"auditRequired\":true,"
    "\"declaredAt\":\"2020-01-01T00:00:00Z\",\"retentionPolicy\":{\"maxRetentionDays\":30}}}}";

static void test_may_forward(void) {
    lex_message *plain = NULL, *gov = NULL;
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &plain, NULL));
    OK(lex_message_parse(S(GOVERNED), LEX_FORMAT_AUTO, NULL, &gov, NULL));
    lex_buf d = {NULL, 0};

    /* No governance block: behaves as OPEN (DG-010). NULL options: the system clock. */
    OK(lex_message_may_forward(plain, S("ANYONE"), NULL, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":true,\"code\":\"FORWARD_NO_GOVERNANCE\",\"ruleId\":\"DG-010\",\"reason\":\""));
    CHECK(ends_with(d, "\",\"auditRequired\":false}"));
    CHECK(d.ptr[d.len] == '\0');
    lex_buf_free(&d);
    CHECK(d.ptr == NULL && d.len == 0);

    /* The clock of the options decides the retention check. */
    lex_validate_options *o = NULL;
    OK(lex_validate_options_new(&o, NULL));
    OK(lex_validate_options_set_now_rfc3339(o, S("2020-01-10T00:00:00Z"), NULL));
    OK(lex_message_may_forward(gov, S("DEALER-B"), o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":true,\"code\":\"FORWARD_ALLOWED_RECIPIENT\",\"policy\":\"RESTRICTED\","));
    CHECK(ends_with(d, "\",\"auditRequired\":true,\"retainUntil\":\"2020-01-31T00:00:00Z\"}"));
    lex_buf_free(&d);
    OK(lex_message_may_forward(gov, S("DEALER-C"), o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_NOT_ALLOWED_RECIPIENT\",\"ruleId\":\"DG-009\","));
    lex_buf_free(&d);
    OK(lex_message_may_forward(gov, S("DEALER-X"), o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_BLOCKED_RECIPIENT\",\"policy\":\"RESTRICTED\","));
    lex_buf_free(&d);
    /* After the retention period (options without a clock, and NULL options: system clock). */
    OK(lex_validate_options_set_now_rfc3339(o, S("2020-02-01T00:00:00Z"), NULL));
    OK(lex_message_may_forward(gov, S("DEALER-B"), o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_RETENTION_EXPIRED\","));
    lex_buf_free(&d);
    OK(lex_validate_options_clear_now(o, NULL));
    OK(lex_message_may_forward(gov, S("DEALER-B"), o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_RETENTION_EXPIRED\","));
    lex_buf_free(&d);
    OK(lex_message_may_forward(gov, S("DEALER-B"), NULL, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_RETENTION_EXPIRED\","));
    lex_buf_free(&d);
    /* An empty recipient ((NULL, 0) is the empty string) is a denial, not an error. */
    OK(lex_message_may_forward(gov, NULL, 0, o, &d, NULL));
    CHECK(has_prefix(d, "{\"allowed\":false,\"code\":\"FORWARD_INVALID_RECIPIENT\",\"reason\":\""));
    lex_buf_free(&d);

    lex_validate_options_free(o);
    lex_message_free(gov);
    lex_message_free(plain);
}

/* X12 997 and EDIFACT CONTRL (generate, then read back), the duplicate closure and the
 * forwarding decision as a handle with accessors. */
static void test_exchange(void) {
    lex_message *lead = NULL, *closure = NULL;
    OK(lex_message_parse(S(LEAD), LEX_FORMAT_AUTO, NULL, &lead, NULL));
    lex_buf x12 = {NULL, 0}, ack = {NULL, 0}, json = {NULL, 0};
    OK(lex_message_serialize(lead, LEX_FORMAT_X12, false, &x12, NULL));
    OK(lex_input_x12_functional_ack(x12.ptr, x12.len, NULL, &ack, NULL));
    CHECK(has_prefix(ack, "ISA"));
    CHECK(contains(ack, "ST*997*"));
    CHECK(contains(ack, "AK5*A"));
    OK(lex_input_x12_read_functional_ack(ack.ptr, ack.len, NULL, &json, NULL));
    CHECK(has_prefix(json, "[{\"functionalId\":\"PO\","));
    CHECK(contains(json, "\"status\":\"A\""));
    lex_buf_free(&json);
    lex_buf_free(&ack);
    lex_buf_free(&x12);

    lex_buf edi = {NULL, 0}, contrl = {NULL, 0};
    OK(lex_message_serialize(lead, LEX_FORMAT_EDIFACT, false, &edi, NULL));
    OK(lex_input_edifact_contrl(edi.ptr, edi.len, &contrl, NULL));
    CHECK(contains(contrl, "CONTRL:D:3:UN"));
    OK(lex_input_edifact_contrl_read(contrl.ptr, contrl.len, &json, NULL));
    CHECK(has_prefix(json, "[{\"interchangeReference\":"));
    CHECK(contains(json, "\"accepted\":true"));
    lex_buf_free(&json);
    lex_buf_free(&contrl);
    lex_buf_free(&edi);

    /* Two handles written as one X12 interchange; JSON takes exactly one. */
    const lex_message *two[2] = {lead, lead};
    OK(lex_message_serialize_all(two, 2, LEX_FORMAT_X12, false, &x12, NULL));
    CHECK(contains(x12, "GE*2*"));
    lex_buf_free(&x12);
    lex_error *e2 = NULL;
    CHECK(lex_message_serialize_all(two, 2, LEX_FORMAT_JSON, false, &x12, &e2) != LEX_STATUS_OK);
    lex_error_free(e2);

    lex_build_options *b = NULL;
    OK(lex_build_options_new(&b, NULL));
    OK(lex_build_options_set_now_rfc3339(b, S(NOW), NULL));
    OK(lex_message_duplicate_closure(lead, S("LEAD-CANONICAL-1"), b, &closure, NULL));
    lex_str t;
    OK(lex_message_type(closure, &t));
    CHECK(STR_EQ(t, "LEAD_CLOSURE"));
    lex_buf c = {NULL, 0};
    OK(lex_message_to_json(closure, false, &c));
    CHECK(contains(c, "\"closureStatus\":\"DUPLICATE\""));
    CHECK(contains(c, "\"duplicateOfLeadId\":\"LEAD-CANONICAL-1\""));
    lex_buf_free(&c);

    lex_forward_decision *d = NULL;
    OK(lex_message_forward_decision(lead, S("ANYONE"), NULL, &d, NULL));
    bool allowed = false, audit = true;
    OK(lex_forward_decision_allowed(d, &allowed));
    CHECK(allowed);
    OK(lex_forward_decision_code(d, &t));
    CHECK(STR_EQ(t, "FORWARD_NO_GOVERNANCE"));
    OK(lex_forward_decision_rule_id(d, &t));
    CHECK(STR_EQ(t, "DG-010"));
    OK(lex_forward_decision_policy(d, &t));
    CHECK(t.ptr == NULL && t.len == 0);
    OK(lex_forward_decision_reason(d, &t));
    CHECK(t.len > 0);
    OK(lex_forward_decision_audit_required(d, &audit));
    CHECK(!audit);
    OK(lex_forward_decision_retain_until(d, &t));
    CHECK(t.ptr == NULL);
    OK(lex_forward_decision_to_json(d, &c));
    CHECK(has_prefix(c, "{\"allowed\":true,\"code\":\"FORWARD_NO_GOVERNANCE\","));
    lex_buf_free(&c);
    lex_forward_decision_free(d);

    /* Bad input: an X12 997 of JSON text is a parse error, a NULL decision an argument error. */
    lex_error *e = NULL;
    CHECK(lex_input_x12_functional_ack((const uint8_t *)"{}", 2, NULL, &ack, &e) == LEX_STATUS_PARSE_ERROR);
    lex_error_free(e);
    CHECK(lex_forward_decision_allowed(NULL, &allowed) == LEX_STATUS_NULL_POINTER);

    /* The core's argument checks for wider integers. */
    uint8_t level = 0;
    size_t limit = 0;
    OK(lex_parse_level(3, &level, NULL));
    CHECK(level == 3);
    e = NULL;
    CHECK(lex_parse_level(4, &level, &e) == LEX_STATUS_INVALID_ARGUMENT);
    lex_str m;
    OK(lex_error_message(e, &m));
    CHECK(STR_EQ(m, "level must be 1, 2 or 3, not 4"));
    lex_error_free(e);
    OK(lex_parse_limit(S("max_depth"), 7, &limit, NULL));
    CHECK(limit == 7);
    e = NULL;
    CHECK(lex_parse_limit(S("max_depth"), -1, &limit, &e) == LEX_STATUS_INVALID_ARGUMENT);
    OK(lex_error_message(e, &m));
    CHECK(STR_EQ(m, "limit max_depth must be a positive integer, not -1"));
    lex_error_free(e);

    lex_build_options_free(b);
    lex_message_free(closure);
    lex_message_free(lead);
}

static void test_free_functions_accept_null(void) {
    lex_buf_free(NULL);
    lex_buf empty = {NULL, 0};
    lex_buf_free(&empty);
    lex_error_free(NULL);
    lex_message_free(NULL);
    lex_message_list_free(NULL);
    lex_report_free(NULL);
    lex_receipt_free(NULL);
    lex_receipt_list_free(NULL);
    lex_receiver_free(NULL);
    lex_validate_options_free(NULL);
    lex_build_options_free(NULL);
    lex_forward_decision_free(NULL);
}

int main(void) {
    test_versions_and_constants();
    test_parse_and_accessors();
    test_message_list();
    test_validate();
    test_convert_detect_fingerprint_transition();
    test_build_and_acknowledge();
    test_receiver();
    test_may_forward();
    test_exchange();
    test_free_functions_accept_null();
    return check_done("test_api");
}
