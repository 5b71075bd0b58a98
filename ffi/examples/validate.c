/* Validates a LEX message file with liblex and prints its issues.
 *   cc validate.c $(pkg-config --cflags --libs lex) -o lex-validate
 *   ./lex-validate examples/lead.json     # exit 0 valid, 1 invalid, 2 unreadable */
#include <lex.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    if (lex_abi_version() >> 16 != LEX_ABI_VERSION_MAJOR) {
        fprintf(stderr, "liblex ABI %u does not match lex.h ABI %d\n", lex_abi_version() >> 16,
                LEX_ABI_VERSION_MAJOR);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);

    lex_report *report = NULL;
    lex_error *err = NULL;
    if (lex_input_validate(buf, len, LEX_FORMAT_AUTO, NULL, &report, &err) != LEX_STATUS_OK) {
        lex_buf text = {NULL, 0};
        lex_error_to_string(err, &text);
        fprintf(stderr, "%s: %s\n", argv[1], (const char *)text.ptr); /* NUL-terminated */
        lex_buf_free(&text);
        lex_error_free(err);
        return 2;
    }
    bool valid = false;
    size_t count = 0;
    lex_report_valid(report, &valid);
    lex_report_issue_count(report, &count);
    for (size_t i = 0; i < count; i++) {
        lex_str code, pointer;
        lex_report_issue_code(report, i, &code, NULL);
        lex_report_issue_pointer(report, i, &pointer, NULL);
        printf("%.*s at %.*s\n", (int)code.len, (const char *)code.ptr, (int)pointer.len,
               (const char *)pointer.ptr);
    }
    printf("%s: %s\n", argv[1], valid ? "valid" : "invalid");
    lex_report_free(report);
    return valid ? 0 : 1;
}
