//! Benchmark support for lex: a deterministic corpus of LEAD messages of realistic sizes,
//! valid and invalid, in every wire format the core can write, plus the peer schema set-up
//! shared by every language's benchmark.
//!
//! The generator is deterministic (message `i` is always the same bytes) so every language's
//! benchmark reads the same inputs. It builds the JSON tree with `serde_json::json!` and lets
//! the core's writers produce the other formats.

#![deny(missing_docs)]

pub mod timing;

use lex_core::Format;
use lex_core::api;
use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use serde_json::{Value, json};

/// The message sizes of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// Mandatory blocks only (~1 KB of pretty JSON).
    Small,
    /// Address, trade-in, financing, consent, governance, source detail, history (~4 KB).
    Typical,
    /// Typical plus a long history, many phone numbers and extensions (~20 KB).
    Large,
}

impl Size {
    /// Every size, smallest first.
    pub const ALL: [Size; 3] = [Size::Small, Size::Typical, Size::Large];

    /// `small`, `typical` or `large` (used in file names).
    pub fn name(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Typical => "typical",
            Size::Large => "large",
        }
    }
}

/// A hex UUID v4-shaped id derived from `i` (deterministic).
fn uuid(i: usize) -> String {
    format!("5f0c6a52-3d1e-4b8a-9c41-{:012x}", i as u64 * 7919 + 1)
}

const MAKES: [(&str, &str); 4] = [
    ("Volvo", "EX30"),
    ("Skoda", "Enyaq"),
    ("Toyota", "Corolla"),
    ("Ford", "Transit Custom"),
];
const STATUSES: [&str; 4] = [
    "EXPLORING",
    "SHOPPING",
    "EXPRESSED_INTEREST",
    "TEST_DRIVE_REQUESTED",
];

/// The `lex` tree of LEAD message number `i` of `size`. Invalid messages carry a malformed
/// `customer.emailAddress` (no `@`) and an unknown lead status: two defects that the core
/// (at its default level 2) and the JSON Schema peers both reject, each on its own.
pub fn lead(size: Size, i: usize, valid: bool) -> Value {
    let (make, model) = MAKES[i % MAKES.len()];
    let status = if valid {
        STATUSES[i % STATUSES.len()]
    } else {
        "MAYBE_LATER"
    };
    let mut customer = json!({
        "customerId": format!("CUST-{i:08}"),
        "firstName": "Amara",
        "lastName": format!("Okafor{}", i % 97),
        "emailAddress": format!("amara.okafor{i}@example.org"),
        "phoneNumber": format!("+4477009{:05}", i % 100_000),
    });
    if !valid {
        customer["emailAddress"] = json!(format!("amara.okafor{i}.example.org"));
    }
    let mut lead = json!({
        "leadId": format!("LEAD-NW-2026-{i:06}"),
        "status": status,
        "source": "MANUFACTURER_WEBSITE",
        "customer": customer,
        "desiredProduct": {
            "productType": "VEHICLE_NEW",
            "assetClass": "VEHICLE",
            "make": make,
            "model": model,
            "year": 2026,
            "condition": "NEW"
        },
        "metadata": {
            "createdDate": "2026-05-04T09:29:41Z",
            "countryCode": "GB",
            "language": "en-GB"
        }
    });
    let mut lex = json!({
        "header": {
            "messageId": uuid(i),
            "messageType": "LEAD",
            "version": "1.0",
            "timestamp": "2026-05-04T09:30:00Z",
            "senderId": "PORTAL-NORTHWIND",
            "receiverId": "DEALER-CONTOSO-017"
        },
        "payload": {}
    });
    if size != Size::Small {
        add_typical_blocks(&mut lead, &mut lex, i);
    }
    if size == Size::Large {
        add_large_blocks(&mut lead, &mut lex, i);
    }
    lex["payload"]["lead"] = lead;
    json!({ "lex": lex })
}

/// The optional blocks of a typical lead.
fn add_typical_blocks(lead: &mut Value, lex: &mut Value, i: usize) {
    lead["leadType"] = json!("PRIMARY");
    lead["leadCreatedDate"] = json!("2026-05-04T09:29:41Z");
    lead["leadVersion"] = json!(3);
    lead["customer"]["address"] = json!({
        "addressType": "RESIDENTIAL",
        "street1": format!("{} Harbour Street", i % 300 + 1),
        "city": "Leeds",
        "postalCode": "LS1 4DY",
        "countryCode": "GB"
    });
    lead["customer"]["preferredContactMethod"] = json!("EMAIL");
    lead["sourceDetail"] = json!({
        "sourceType": "MANUFACTURER_WEBSITE",
        "sourceURL": "https://www.example.com/configurator/ex30",
        "channel": "DIGITAL",
        "campaignCode": format!("SPRING-{}", i % 12),
        "marketingSource": "PAID_SEARCH",
        "deviceType": "MOBILE",
        "leadEntryMethod": "FORM_SUBMISSION",
        "formCompletionTime": 184,
        "leadQualityScore": 7.5
    });
    lead["tradeIn"] = json!({
        "tradeInVehicleOffered": true,
        "tradeInYear": 2019,
        "tradeInMake": "Volkswagen",
        "tradeInModel": "Golf",
        "tradeInMileage": 48_000 + i % 1000,
        "tradeInCondition": "GOOD",
        "estimatedTradeInValue": 11_500,
        "tradeInOdometerStatus": "ORIGINAL",
        "tradeInTitleStatus": "CLEAN"
    });
    lead["financing"] = json!({
        "needsFinancing": true,
        "downPaymentCapacity": 5000,
        "preferredMonthlyPayment": 420,
        "loanTerm": 48,
        "creditScore": "GOOD"
    });
    lead["leadHistory"] = json!(history(3));
    lead["metadata"]["createdBy"] = json!("web-form");
    lead["metadata"]["createdBySystem"] = json!("PORTAL-NORTHWIND");
    lead["metadata"]["timezone"] = json!("Europe/London");
    lead["metadata"]["complianceFlags"] = json!({"gdprCompliant": true, "ccpaCompliant": false});
    lex["dataGovernance"] = json!({
        "dataOwner": "PORTAL-NORTHWIND",
        "forwardingPolicy": "RESTRICTED",
        "allowedRecipients": ["DEALER-CONTOSO-017", "OEM-VOLVO-UK"],
        "analyticsAllowed": true,
        "trainingDataAllowed": false,
        "declaredAt": "2026-05-04T09:00:00Z",
        "declaredBy": "PORTAL-NORTHWIND"
    });
    lex["extensions"] = json!([extension(i, 0)]);
}

/// The extra blocks of a large lead: a long history, phone list, ownership chain, extensions.
fn add_large_blocks(lead: &mut Value, lex: &mut Value, i: usize) {
    lead["leadHistory"] = json!(history(40));
    lead["customer"]["phoneNumbers"] = json!(
        (0..6)
            .map(|k| json!({"number": format!("+4477009{:05}", (i + k) % 100_000), "type": "MOBILE", "bestTime": "EVENING", "preferred": k == 0, "countryCode": "GB"}))
            .collect::<Vec<_>>()
    );
    lead["metadata"]["ownershipChain"] = json!(
        (0..12)
            .map(|k| json!({"owner": format!("SYSTEM-{k:02}"), "timestamp": "2026-05-04T09:31:00Z", "action": "FORWARDED", "version": "1.0"}))
            .collect::<Vec<_>>()
    );
    lex["extensions"] = json!((0..8).map(|k| extension(i, k)).collect::<Vec<_>>());
}

fn history(n: usize) -> Vec<Value> {
    (0..n)
        .map(|k| {
            json!({
                "version": k + 1,
                "previousStatus": STATUSES[k % STATUSES.len()],
                "newStatus": STATUSES[(k + 1) % STATUSES.len()],
                "timestamp": format!("2026-05-0{}T09:{:02}:00Z", 1 + k % 3, k % 60),
                "changedBy": "crm-sync",
                "reason": "customer replied to the follow-up e-mail and asked for a quote"
            })
        })
        .collect()
}

fn extension(i: usize, k: usize) -> Value {
    json!({
        "namespace": format!("acme.fleet.pricing{k}"),
        "version": "1.0.0",
        "producer": "ACME-1",
        "producedAt": "2026-05-04T09:00:00Z",
        "data": {"quoteId": format!("Q-{i}-{k}"), "listPrice": 38_990, "discounts": [500, 250], "note": "spring campaign price"}
    })
}

/// A single-defect variant of the typical valid message (see [`defects`]).
pub struct Defect {
    /// What is wrong, e.g. `unknown status`.
    pub name: &'static str,
    /// The whole message tree (`{"lex": ...}`).
    pub tree: Value,
    /// Why lex's default level (STANDARD, level 2) accepts it with a warning, where that is
    /// a known, documented weighting; `None` when lex rejects it like the schemas do.
    pub lex_accepts_because: Option<&'static str>,
}

/// Single-defect variants of the typical valid message, for the verdict-agreement check of
/// the benchmarks (never timed). Each one alone makes the message invalid for the upstream
/// JSON Schemas; whether lex agrees at its default level is what the benchmark reports.
pub fn defects() -> Vec<Defect> {
    let base = lead(Size::Typical, 1, true);
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        f(&mut v["lex"]["payload"]["lead"]);
        v
    };
    let drop = |v: &mut Value, key: &str| {
        if let Some(o) = v.as_object_mut() {
            o.remove(key);
        }
    };
    const DISPUTED: &str = "a disputed requirement: the design (decision D8) makes one \
        missing contact of the email/phone pair a WARNING in STANDARD, an ERROR only when both \
        are missing (and in strict mode)";
    let defect = |name, tree, why| Defect {
        name,
        tree,
        lex_accepts_because: why,
    };
    vec![
        defect(
            "unknown status",
            edit(&|l| l["status"] = json!("MAYBE_LATER")),
            None,
        ),
        defect(
            "malformed customer.emailAddress",
            edit(&|l| l["customer"]["emailAddress"] = json!("amara.example.org")),
            None,
        ),
        defect(
            "customer.emailAddress missing",
            edit(&|l| drop(&mut l["customer"], "emailAddress")),
            Some(DISPUTED),
        ),
        defect(
            "customer.phoneNumber missing",
            edit(&|l| drop(&mut l["customer"], "phoneNumber")),
            Some(DISPUTED),
        ),
        defect(
            "unknown desiredProduct.condition",
            edit(&|l| l["desiredProduct"]["condition"] = json!("SLIGHTLY_USED")),
            Some(
                "the STANDARD profile weighs enums outside the core list as WARNINGs \
                 (decision D8): its schema-drift list includes \
                 `desiredProduct.factoryOrderPreference`, a direct child of the required \
                 `desiredProduct` block, so non-core enums there are not binding; strict \
                 mode rejects it",
            ),
        ),
    ]
}

/// The file extension of a format in the corpus.
pub fn extension_of(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Xml => "xml",
        Format::X12 => "x12",
        Format::Edifact => "edi",
    }
}

/// Message `i` of `size` written in `format` by the core's writer (pretty JSON for JSON,
/// the writer's default layout for the others). `Err` when the core cannot write the format
/// (a codec not yet available) or the message.
pub fn render(size: Size, i: usize, valid: bool, format: Format) -> Result<String, String> {
    let text = serde_json::to_string_pretty(&lead(size, i, valid)).map_err(|e| e.to_string())?;
    if format == Format::Json {
        return Ok(text);
    }
    let message = api::parse(text.as_bytes(), Some(Format::Json), &ReadOptions::default())
        .map_err(|e| e.to_string())?;
    api::serialize(&message, format, &WriteOptions::default()).map_err(|e| e.to_string())
}

/// Compact one-line JSON of message `i` (for NDJSON batches).
pub fn compact_json(size: Size, i: usize, valid: bool) -> String {
    lead(size, i, valid).to_string()
}

/// The batch mix: message `i` of a batch is invalid every 10th time and cycles the sizes
/// 6 small : 3 typical : 1 large.
pub fn batch_entry(i: usize) -> (Size, bool) {
    let size = match i % 10 {
        0..=5 => Size::Small,
        6..=8 => Size::Typical,
        _ => Size::Large,
    };
    (size, i % 10 != 3)
}

/// The wrapper schema the JSON Schema peers apply to the `lex` object of a message: the
/// per-type schema `file` (the envelope's `oneOf` can never match, see the design notes)
/// plus the message header from the envelope schema. `base` is the `$id` directory of the
/// upstream schemas.
pub fn peer_schema(base: &str, file: &str) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "allOf": [
            {"$ref": format!("{base}{file}")},
            {
                "type": "object",
                "required": ["header"],
                "properties": {"header": {"$ref": format!("{base}LEX_MESSAGE_SCHEMA.json#/definitions/MessageHeader")}}
            }
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_realistic() {
        let len = |s| {
            serde_json::to_string_pretty(&lead(s, 7, true))
                .unwrap()
                .len()
        };
        assert!(
            (700..1500).contains(&len(Size::Small)),
            "small {}",
            len(Size::Small)
        );
        assert!(
            (3000..6000).contains(&len(Size::Typical)),
            "typical {}",
            len(Size::Typical)
        );
        assert!(
            (15_000..26_000).contains(&len(Size::Large)),
            "large {}",
            len(Size::Large)
        );
    }

    #[test]
    fn valid_messages_are_valid_in_every_size() {
        use lex_core::api::ValidateOptions;
        for size in Size::ALL {
            let text = render(size, 3, true, Format::Json).unwrap();
            let report =
                api::validate_input(text.as_bytes(), None, &ValidateOptions::default()).unwrap();
            assert!(report.valid, "{size:?}: {report:?}");
        }
    }

    #[test]
    fn invalid_messages_carry_a_bad_email_and_an_unknown_status() {
        for size in Size::ALL {
            let bad = lead(size, 3, false);
            let good = lead(size, 3, true);
            let (b, g) = (
                &bad["lex"]["payload"]["lead"],
                &good["lex"]["payload"]["lead"],
            );
            assert_eq!(b["status"], "MAYBE_LATER");
            assert_eq!(g["status"], "TEST_DRIVE_REQUESTED");
            assert_eq!(b["customer"]["emailAddress"], "amara.okafor3.example.org");
            assert_eq!(g["customer"]["emailAddress"], "amara.okafor3@example.org");
        }
    }

    #[test]
    fn invalid_messages_are_rejected_at_the_default_level_in_every_format() {
        use lex_core::api::ValidateOptions;
        for size in Size::ALL {
            for format in Format::ALL {
                let text = render(size, 3, false, format).unwrap();
                let report =
                    api::validate_input(text.as_bytes(), Some(format), &ValidateOptions::default())
                        .unwrap();
                assert!(!report.valid, "{size:?} {format:?}");
                let mut codes: Vec<&str> = report.errors.iter().map(|i| i.code.as_str()).collect();
                codes.sort_unstable();
                assert_eq!(
                    codes,
                    ["INVALID_EMAIL_FORMAT", "INVALID_ENUM_VALUE"],
                    "{size:?} {format:?}"
                );
            }
        }
    }

    #[test]
    fn defects_each_change_one_field() {
        let d = defects();
        assert_eq!(d.len(), 5);
        let base = lead(Size::Typical, 1, true);
        for x in &d {
            assert_ne!(x.tree, base, "{}", x.name);
        }
        assert!(
            d[2].tree["lex"]["payload"]["lead"]["customer"]
                .get("emailAddress")
                .is_none()
        );
    }

    #[test]
    fn lex_accepts_exactly_the_defects_said_to_be_accepted() {
        use lex_core::api::ValidateOptions;
        for d in defects() {
            let text = d.tree.to_string();
            let report =
                api::validate_input(text.as_bytes(), None, &ValidateOptions::default()).unwrap();
            assert_eq!(
                report.valid,
                d.lex_accepts_because.is_some(),
                "{}: {report:?}",
                d.name
            );
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(
            compact_json(Size::Large, 11, true),
            compact_json(Size::Large, 11, true)
        );
        assert_ne!(
            compact_json(Size::Small, 1, true),
            compact_json(Size::Small, 2, true)
        );
    }
}
