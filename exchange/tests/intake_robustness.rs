//! The Content-Type dispatch and the CloudEvents headers under mutated input: seeded
//! random byte flips, truncations and header values over every media type never panic, and
//! every refusal carries a stable code (a libFuzzer target would pull this crate's server
//! stack into the nightly fuzz build; this deterministic run stays in `make test`).

mod common;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use lex_core::Format;
use lex_core::api::Limits;
use lex_exchange::intake::{MEDIA_TYPES, read_message};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let m = common::lead(
        "5f0c6a1e-0000-4000-8000-0000000000ff",
        "LEAD-FUZZ-0001",
        "EXPRESSED_INTEREST",
    );
    let json = serde_json::to_vec(&m).expect("json");
    let conv = |f| {
        lex_core::api::convert(
            &json,
            f,
            Some(Format::Json),
            &Default::default(),
            &Default::default(),
        )
        .expect("converts")
        .into_bytes()
    };
    let ce = serde_json::to_vec(
        &serde_json::json!({"specversion": "1.0", "id": "5f0c6a1e-0000-4000-8000-0000000000ff",
        "type": "org.lexstandard.lead.submitted", "source": "x", "data": m["lex"]["payload"]}),
    )
    .expect("json");
    vec![
        ("application/json", json.clone()),
        ("application/xml", conv(Format::Xml)),
        ("application/edi-x12", conv(Format::X12)),
        ("application/edifact", conv(Format::Edifact)),
        ("application/cloudevents+json", ce),
    ]
}

#[test]
fn mutated_requests_never_panic_and_refusals_have_codes() {
    let mut rng = Rng(0x1e5_f022);
    let seeds = seeds();
    let ce_headers = [
        "ce-specversion",
        "ce-id",
        "ce-type",
        "ce-source",
        "ce-time",
        "ce-lexreceiver",
        "ce-lex-version",
    ];
    let (mut ok, mut refused) = (0, 0);
    for _ in 0..4000 {
        let (ct, seed) = &seeds[rng.below(seeds.len())];
        let mut body = seed.clone();
        match rng.below(4) {
            0 => body.truncate(rng.below(body.len() + 1)),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(body.len());
                    if let Some(b) = body.get_mut(i) {
                        *b = rng.next() as u8;
                    }
                }
            }
            2 => {
                let i = rng.below(body.len());
                let extra: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                body.splice(i..i, extra);
            }
            _ => {}
        }
        let mut headers = HeaderMap::new();
        let ct = if rng.below(10) == 0 {
            MEDIA_TYPES[rng.below(MEDIA_TYPES.len())]
        } else {
            ct
        };
        if rng.below(20) != 0 {
            headers.insert("content-type", HeaderValue::from_static(ct));
        }
        if rng.below(3) == 0 {
            for h in ce_headers {
                if rng.below(2) == 0 {
                    let v: String = (0..rng.below(12))
                        .map(|_| (b' ' + (rng.next() % 94) as u8) as char)
                        .collect();
                    let v = if h == "ce-specversion" && rng.below(2) == 0 {
                        "1.0".to_string()
                    } else {
                        v
                    };
                    if let Ok(v) = HeaderValue::from_str(&v) {
                        headers.insert(HeaderName::from_static(h), v);
                    }
                }
            }
        }
        match read_message(&headers, &body, Limits::default()) {
            Ok(_) => ok += 1,
            Err(e) => {
                refused += 1;
                assert!(e.status.is_client_error(), "{} {}", e.status, e.message);
                assert!(
                    !e.code.is_empty()
                        && e.code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                    "{}",
                    e.code
                );
            }
        }
    }
    assert!(
        ok > 100 && refused > 100,
        "both paths exercised: {ok} read, {refused} refused"
    );
}
