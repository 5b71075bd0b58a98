use super::*;
use crate::options::ReadOptions;

fn msg(extensions: &str) -> Message {
    let text = format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-000000000001","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"DEALER-001","receiverId":"DMS-001"}},"payload":{{"lead":{{"leadId":"L-1"}}}},"extensions":{extensions}}}}}"#
    );
    crate::api::parse(text.as_bytes(), None, &ReadOptions::default()).unwrap()
}

fn found(extensions: &str) -> Vec<(String, Level, String, Option<String>)> {
    let mut issues = Vec::new();
    check_extensions(&msg(extensions), 2, &mut issues);
    issues
        .into_iter()
        .map(|i| (i.code, i.level, i.field, i.rule_id))
        .collect()
}

fn c(code: &str, level: Level, field: &str, rule: &str) -> (String, Level, String, Option<String>) {
    (
        code.into(),
        level,
        field.into(),
        (!rule.is_empty()).then(|| rule.to_string()),
    )
}

#[test]
fn namespace_format_and_semver() {
    for ok in [
        "toyota.na.captive",
        "cdk.global.dms.workflow",
        "dealer.abc123.crm",
        "lex.ext.acme.fleet",
        "my-org.x-1.y",
    ] {
        assert!(is_valid_namespace(ok), "{ok}");
    }
    for bad in [
        "toyota.captive",
        "Toyota.na.captive",
        "a..b.c",
        "a.b.c.",
        "-a.b.c",
        "a.b-.c",
        "a b.c.d",
    ] {
        assert!(!is_valid_namespace(bad), "{bad}");
    }
    for ok in ["1.0.0", "1.2.3-beta.1", "2.0.0+build.7", "0.0.1-0.a"] {
        assert!(is_semver(ok), "{ok}");
    }
    for bad in ["1.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0-01"] {
        assert!(!is_semver(bad), "{bad}");
    }
    assert!(is_reserved("lex.core.ev") && is_reserved("lex.core.fleet") && is_reserved("lex.core"));
    assert!(!is_reserved("lex.ext.acme.fleet") && !is_reserved("lex.coreish.x"));
}

#[test]
fn a_complete_unknown_namespace_is_clean_at_level_two() {
    let e = r#"[{"namespace":"toyota.na.captive","version":"1.2.0","producer":"ORG-TOYOTA-001","producedAt":"2026-03-28T10:00:00Z","schemaUri":"urn:x","data":{"a":1}}]"#;
    assert_eq!(
        found(e),
        [c(
            "EXT_NAMESPACE_UNREGISTERED",
            Level::Info,
            "lex.extensions[0].namespace",
            "EXT-007"
        )]
    );
    let mut none = Vec::new();
    check_extensions(&msg(e), 1, &mut none);
    assert!(none.is_empty());
}

#[test]
fn ext_rules() {
    let e = r#"[{"namespace":"lex.core.fleet","version":"1.0","producer":" ","producedAt":"soon"},{"namespace":"","data":null,"schemaUri":"urn:x","version":"1.0.0","producer":"P-1","producedAt":"2026-03-28T10:00:00Z"},7,{"namespace":"lex.core.ev","version":"2.0.0","producer":"ORG-1","producedAt":"2026-03-28T10:00:00Z","data":{},"schemaUri":"lex://registry/extensions/lex.core.ev/2.0.0"},{"namespace":"Acme.Fleet","version":"1.0.0","producer":"ORG-1","producedAt":"2026-03-28T10:00:00Z","data":[],"schemaUri":"urn:y"}]"#;
    assert_eq!(
        found(e),
        [
            c(
                "EXT_RESERVED_NAMESPACE",
                Level::Error,
                "lex.extensions[0].namespace",
                "EXT-001"
            ),
            c(
                "INVALID_FORMAT",
                Level::Error,
                "lex.extensions[0].version",
                "EXT-003"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.extensions[0].producer",
                "EXT-004"
            ),
            c(
                "INVALID_FORMAT",
                Level::Error,
                "lex.extensions[0].producedAt",
                "EXT-005"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.extensions[0].data",
                "EXT-006"
            ),
            c(
                "EXT_SCHEMA_URI_ABSENT",
                Level::Info,
                "lex.extensions[0].schemaUri",
                "EXT-009"
            ),
            c(
                "REQUIRED_FIELD_MISSING",
                Level::Error,
                "lex.extensions[1].namespace",
                "EXT-002"
            ),
            c("INVALID_TYPE", Level::Error, "lex.extensions[2]", ""),
            c(
                "EXT_VERSION_AHEAD",
                Level::Warning,
                "lex.extensions[3].version",
                "EXT-008"
            ),
            c(
                "EXT_NAMESPACE_FORMAT",
                Level::Warning,
                "lex.extensions[4].namespace",
                ""
            ),
            c(
                "EXT_NAMESPACE_UNREGISTERED",
                Level::Info,
                "lex.extensions[4].namespace",
                "EXT-007"
            ),
        ]
    );
}

#[test]
fn noncanonical_members_are_reported_not_rewritten() {
    let m = msg(r#"{"lex.ext.acme.fleet":{"fleetSize":12}}"#);
    let mut issues = Vec::new();
    check_extensions(&m, 2, &mut issues);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].code.as_str(), issues[0].pointer.as_str()),
        ("EXTENSIONS_NONCANONICAL", "/lex/extensions")
    );
    assert!(namespaces(&m).is_empty());
    let m =
        msg(r#"[{"namespace":"a.b.c","data":{"k":[1,2.50]}},{"namespace":"d.e.f","data":null}]"#);
    assert_eq!(namespaces(&m), ["a.b.c", "d.e.f"]);
    assert_eq!(data(&m, "d.e.f"), Some(&Value::Null));
    assert_eq!(
        data(&m, "a.b.c")
            .unwrap()
            .get("k")
            .unwrap()
            .as_array()
            .unwrap()[1]
            .as_number()
            .unwrap()
            .lexeme(),
        "2.50"
    );
    assert_eq!(data(&m, "x.y.z"), None);
}
