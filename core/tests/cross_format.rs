//! Any format to any format: every one of the 12 cross-format paths, and the chain
//! JSON → XML → X12 → EDIFACT → JSON, gives back the identical tree for generated messages
//! of all five types (optional blocks, arbitrary extension data).
//!
//! Cases: `PROPTEST_CASES` (default 1,000; `make stress` raises it to 100,000).

mod support;

use lex_core::api::ReadOptions;
use lex_core::api::WriteOptions;
use lex_core::{ErrorKind, Format, Message, Value, api, testgen};
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

fn cases() -> u32 {
    support::cases(1000)
}

static WRITTEN: AtomicUsize = AtomicUsize::new(0);
static TOO_BIG_FOR_EDIFACT: AtomicUsize = AtomicUsize::new(0);

/// Writes `msg` as `format`; `None` only when EDIFACT's repeat limit makes it unrepresentable.
fn write(msg: &Message, format: Format, pretty: bool) -> Option<String> {
    let opts = WriteOptions {
        pretty,
        ..WriteOptions::default()
    };
    match api::serialize(msg, format, &opts) {
        Ok(t) => {
            WRITTEN.fetch_add(1, Ordering::Relaxed);
            Some(t)
        }
        Err(e) if format == Format::Edifact && e.kind == ErrorKind::Unrepresentable => {
            TOO_BIG_FOR_EDIFACT.fetch_add(1, Ordering::Relaxed);
            None
        }
        Err(e) => panic!("writing {format} failed: {e}"),
    }
}

fn read(text: &str, format: Format) -> Value {
    let m = api::parse(text.as_bytes(), Some(format), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("reading our own {format} failed: {e}\n{text}"));
    assert!(
        m.read_issues().is_empty(),
        "reading our own {format} produced warnings: {:?}",
        m.read_issues()
    );
    m.into_value()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_cross_format_path_is_lossless(tree in testgen::message(), pretty in any::<bool>()) {
        let msg = Message::from_value(tree.clone(), Format::Json).unwrap();
        prop_assert_eq!(msg.root(), &tree);
        for from in Format::ALL {
            let Some(src) = write(&msg, from, pretty) else { continue };
            prop_assert_eq!(&read(&src, from), &tree, "{} itself", from);
            for to in Format::ALL {
                if to == from {
                    continue;
                }
                let opts = WriteOptions { pretty, ..WriteOptions::default() };
                let out = match api::convert(src.as_bytes(), to, Some(from), &ReadOptions::default(), &opts) {
                    Ok(t) => t,
                    Err(e) if to == Format::Edifact && e.kind == ErrorKind::Unrepresentable => continue,
                    Err(e) => panic!("{from} -> {to} failed: {e}"),
                };
                prop_assert_eq!(&read(&out, to), &tree, "{} -> {}", from, to);
            }
        }
    }

    #[test]
    fn the_chain_json_xml_x12_edifact_json_is_lossless(tree in testgen::message()) {
        let chain = [Format::Json, Format::Xml, Format::X12, Format::Edifact, Format::Json];
        let mut text = Message::from_value(tree.clone(), Format::Json).unwrap().to_json(false);
        for pair in chain.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let out = api::convert(text.as_bytes(), to, Some(from), &ReadOptions::default(), &WriteOptions::default());
            text = match out {
                Ok(t) => t,
                Err(e) if to == Format::Edifact && e.kind == ErrorKind::Unrepresentable => return Ok(()),
                Err(e) => panic!("{from} -> {to} failed: {e}"),
            };
        }
        prop_assert_eq!(read(&text, Format::Json), tree);
    }
}

#[test]
fn most_generated_messages_fit_in_edifact() {
    // Run a fixed sample so the ratio is meaningful whatever order the tests run in.
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut ok = 0;
    let n = 200;
    for _ in 0..n {
        let tree = testgen::message().new_tree(&mut runner).unwrap().current();
        let msg = Message::from_value(tree, Format::Json).unwrap();
        if api::serialize(&msg, Format::Edifact, &WriteOptions::default()).is_ok() {
            ok += 1;
        }
    }
    assert!(
        ok * 10 >= n * 9,
        "only {ok} of {n} generated messages fit EDIFACT's repeat limit"
    );
}
