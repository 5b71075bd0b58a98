//! Benchmark program for the exchange operations: prints a table of throughputs.
//! Run with `make bench-lifecycle` (release build). Not a test: nothing is asserted.

use lex_core::api;
use lex_core::api::BuildOptions;
use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use lex_core::api::{STATUSES, TransitionPolicy, check_transition};

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use time::macros::datetime;

fn lead(n: usize) -> String {
    format!(
        r#"{{"lex":{{"header":{{"messageId":"a1b2c3d4-e5f6-4a7b-8c9d-{n:012}","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T10:00:00Z","senderId":"PORTAL-001","receiverId":"DEALER-001"}},"payload":{{"lead":{{"leadId":"L-{n}","status":"EXPRESSED_INTEREST","source":"RETAILER_WEBSITE","customer":{{"firstName":"Jane","lastName":"Smith{n}","emailAddress":"jane{n}@example.com","phoneNumber":"+1415555{:04}","address":{{"city":"Berlin","countryCode":"DE"}}}},"consentRecord":{{"gdpr":{{"legalBasis":"CONSENT","retentionPeriodDays":365,"consentTimestamp":"2026-04-01T00:00:00Z"}}}},"desiredProduct":{{"productType":"VEHICLE_NEW"}},"metadata":{{"createdDate":"2026-04-01T10:00:00Z"}}}}}},"dataGovernance":{{"dataOwner":"PORTAL-001","forwardingPolicy":"RESTRICTED","allowedRecipients":["DEALER-001","OEM-001"],"analyticsAllowed":true,"trainingDataAllowed":false,"declaredAt":"2026-03-28T09:00:00Z","declaredBy":"PORTAL-001"}},"extensions":[{{"namespace":"acme.fleet.pricing","version":"1.0.0","producer":"ACME-1","producedAt":"2026-04-03T09:00:00Z","data":{{"n":{n}}}}}]}}}}"#,
        n % 10_000
    )
}

fn row(name: &str, count: usize, start: Instant) {
    let secs = start.elapsed().as_secs_f64();
    println!(
        "| {name:<42} | {count:>9} | {:>12.0} | {:>9.2} |",
        count as f64 / secs,
        secs * 1e6 / count as f64
    );
}

fn main() {
    let now = datetime!(2026-04-03 12:00 UTC);
    let opts = ValidateOptions {
        level: 3,
        now: Some(now),
        ..ValidateOptions::default()
    };
    let inputs: Vec<String> = (0..20_000).map(lead).collect();
    let msgs: Vec<_> = inputs
        .iter()
        .take(2_000)
        .map(|t| {
            api::parse(t.as_bytes(), None, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    println!(
        "| operation                                  |     count |      ops / s | µs / op   |"
    );
    println!(
        "|--------------------------------------------|-----------|--------------|-----------|"
    );

    let n = 1_000_000;
    let t = Instant::now();
    for i in 0..n {
        let (f, to) = (STATUSES[i % 15], STATUSES[(i / 15) % 15]);
        let _ = black_box(check_transition(f, to, TransitionPolicy::Default));
    }
    row("check_transition (default policy)", n, t);

    let n = 200_000;
    let t = Instant::now();
    for i in 0..n {
        black_box(api::fingerprint(
            " Jane.Smith@Example.com ",
            "+1 (415) 555-1234",
            if i % 2 == 0 { "Müller" } else { "Smith" },
        ));
    }
    row("fingerprint", n, t);

    let n = 200_000;
    let t = Instant::now();
    for i in 0..n {
        black_box(api::may_forward_at(&msgs[i % msgs.len()], "OEM-001", now));
    }
    row("may_forward (RESTRICTED)", n, t);

    let level3 = ValidateOptions {
        level: 3,
        now: Some(now),
        ..ValidateOptions::default()
    };
    let n = 100_000;
    let t = Instant::now();
    for i in 0..n {
        let m = &msgs[i % msgs.len()];
        // The rule families are internal to the core: measured through the façade, as
        // the whole level-3 validation that runs them.
        black_box(api::validate(m, &level3));
    }
    row(
        "validate level 3 (incl. consent, governance, extension rules)",
        n,
        t,
    );

    let n = 50_000;
    let t = Instant::now();
    for i in 0..n {
        let b = BuildOptions {
            now: Some(now),
            message_id: None,
        };
        black_box(api::acknowledge_with(&msgs[i % msgs.len()], None, None, &b).ok());
    }
    row("acknowledge (no report)", n, t);

    let rx = api::Receiver::new(opts.clone());
    let t = Instant::now();
    for text in &inputs {
        black_box(rx.receive(text.as_bytes()).ok());
    }
    row("Receiver::receive, new messages (L3)", inputs.len(), t);
    let t = Instant::now();
    for text in &inputs {
        black_box(rx.receive(text.as_bytes()).ok());
    }
    row("Receiver::receive, replays", inputs.len(), t);

    let rx = Arc::new(api::Receiver::new(opts));
    let t = Instant::now();
    std::thread::scope(|s| {
        for part in inputs.chunks(inputs.len() / 2) {
            let rx = rx.clone();
            s.spawn(move || {
                for text in part {
                    black_box(rx.receive(text.as_bytes()).ok());
                }
            });
        }
    });
    row(
        "Receiver::receive, 2 threads, new messages",
        inputs.len(),
        t,
    );
}
