//! The Rust peers, set up the way their users would: a compiled `jsonschema` validator per
//! message type (from the upstream schemas, read at run time), `quick-xml` raw events,
//! `edifact-parser` segment events.

use edifact_primitives::{Control, RawSegment};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The upstream schema files by message type.
const TYPES: [(&str, &str); 5] = [
    ("LEAD", "LEX_LEAD_SCHEMA.json"),
    ("ASSET", "LEX_ASSET_SCHEMA.json"),
    ("ACKNOWLEDGMENT", "LEX_ACKNOWLEDGMENT_SCHEMA.json"),
    ("SUBSCRIPTION", "LEX_SUBSCRIPTION_SCHEMA.json"),
    ("LEAD_CLOSURE", "LEX_LEAD_CLOSURE_SCHEMA.json"),
];
const BASE: &str = "https://lexstandard.org/schemas/v1/";

/// `jsonschema` validators dispatched on `lex.header.messageType`.
pub struct SchemaPeer {
    by_type: HashMap<String, jsonschema::Validator>,
}

impl SchemaPeer {
    /// Compiles one validator per message type (formats checked, as lex checks them).
    pub fn load(dir: &Path) -> Result<SchemaPeer, String> {
        let mut registry = jsonschema::Registry::new();
        for file in TYPES.iter().map(|t| t.1).chain(["LEX_MESSAGE_SCHEMA.json"]) {
            let text =
                std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
            // The upstream files start with a UTF-8 byte-order mark.
            let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|e| format!("{file}: {e}"))?;
            registry = registry
                .add(format!("{BASE}{file}"), value)
                .map_err(|e| e.to_string())?;
        }
        let registry = registry.prepare().map_err(|e| e.to_string())?;
        let mut by_type = HashMap::new();
        for (mtype, file) in TYPES {
            let schema = lex_bench::peer_schema(BASE, file);
            let v = jsonschema::options()
                .with_registry(&registry)
                .should_validate_formats(true)
                .build(&schema)
                .map_err(|e| format!("{file}: {e}"))?;
            by_type.insert(mtype.to_string(), v);
        }
        Ok(SchemaPeer { by_type })
    }

    /// Parses the text and validates its `lex` object against its type's schema.
    pub fn is_valid(&self, input: &[u8]) -> bool {
        let Ok(doc) = serde_json::from_slice::<Value>(input) else {
            return false;
        };
        let lex = &doc["lex"];
        match lex["header"]["messageType"]
            .as_str()
            .and_then(|t| self.by_type.get(t))
        {
            Some(v) => v.is_valid(lex),
            None => false,
        }
    }
}

/// Reads every raw event of an XML document; returns the event count.
pub fn quick_xml_events(input: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return n,
            Ok(_) => n += 1,
        }
        buf.clear();
    }
}

/// Counts segments and elements through `edifact-parser`'s streaming handler.
pub fn edifact_parser_segments(input: &[u8]) -> usize {
    struct Count(usize);
    impl edifact_parser::EdifactHandler for Count {
        fn on_segment(&mut self, segment: &RawSegment) -> Control {
            self.0 += 1 + segment.elements.len();
            Control::Continue
        }
    }
    let mut count = Count(0);
    let _ = edifact_parser::EdifactStreamParser::parse(input, &mut count);
    count.0
}

/// `x12-types` (MIT OR Apache-2.0): the typed 005010 850 bindings, parsed with its `nom`
/// parser into one `Transmission<_850>` (every segment of every transaction set into typed
/// structs, no LEX model). Built only with the `x12-peer` feature: the crate holds every
/// X12 transaction set of five versions and takes minutes to compile.
#[cfg(feature = "x12-peer")]
pub mod x12 {
    use x12_types::util::Parser;
    use x12_types::v005010::{_850, Transmission};

    /// The parsed interchange and the number of transaction sets in it, or the parser's error.
    pub fn parse(input: &[u8]) -> Result<(Transmission<_850>, usize), String> {
        let text = std::str::from_utf8(input).map_err(|e| e.to_string())?;
        let (rest, t) = Transmission::<_850>::parse(text).map_err(|e| e.to_string())?;
        if !rest.trim().is_empty() {
            return Err(format!("{} bytes left unparsed", rest.len()));
        }
        let n = t.functional_group.iter().map(|g| g.segments.len()).sum();
        Ok((t, n))
    }

    /// Writes the interchange back with the crate's `Display` implementation.
    pub fn write(t: &Transmission<_850>) -> String {
        t.to_string()
    }
}
