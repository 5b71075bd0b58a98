//! XML-EDI: a lossless canonical writer and a tolerant, safe reader.
//!
//! # The canonical mapping
//!
//! A message `{"lex": {...}}` is one XML 1.0 document in UTF-8 with the XML declaration and
//! no namespace. The root is `<lex>`; every object member is a child element named exactly
//! like its key, in the tree's order. An attribute `t` says what XML cannot:
//!
//! | JSON | XML |
//! |---|---|
//! | string | text content (`t="string"` when empty, whitespace only, or when it would otherwise read as a number or boolean; `t="json"` with a JSON string literal when it holds characters XML 1.0 forbids) |
//! | number | `t="number"`, text = the exact lexeme (`15.0` stays `15.0`) |
//! | boolean | `t="boolean"`, `true`/`false` |
//! | null | `t="null"`, empty element |
//! | object | child elements; `t="object"` when empty, or when its name is an array in the LEX schemas |
//! | array | `t="array"`, one `<item>` element per member, typed by the same rules |
//!
//! A key that is not an ASCII XML name (or starts with `xml`) is written `<_ k="key">`, or
//! `<_ kj="JSON string literal">` when it holds characters XML 1.0 forbids. A string
//! `lex.version` that is the first member of `lex` becomes the root attribute `version`.
//! Any element may carry `t="json"` with a JSON text as content. Text of leaves is taken
//! verbatim; carriage returns are written `&#13;`.
//!
//! Members of the document beside `lex` (the standard's scenario files annotate each
//! message with `_phase`) are carried, as in the X12 and EDIFACT payload blocks, so that
//! any format converts to any other losslessly. They go in a processing instruction
//! [`MEMBERS_PI`] holding a compact JSON object: before the root for members that precede
//! `lex`, after it for members that follow (`<?lex-members {"_phase":"DISCOVERY"}?>`).
//! Other XML-EDI readers ignore processing instructions and see the plain `<lex>`
//! document; this reader restores the members in their place. Inside the JSON, `>` is
//! written `\u003e` so that the text never holds `?>`.
//!
//! # Reading
//!
//! The reader accepts the canonical form and, in tolerant mode, the variants found in the
//! LEX material: roots `LEX`/`LEXMessage`/`ALXMessage`, PascalCase names, namespaces,
//! untyped numbers and booleans (typed from the LEX schemas, else inferred), wrapper
//! elements and repeated siblings as arrays, `<Field name="…">` maps, `<Checksum
//! algorithm="…">`, empty elements and `xsi:nil`. Each is reported as a warning whose code
//! starts with `XML_`; in strict mode each is an error instead. DTDs and entity references
//! other than the five predefined ones are always refused (`FORBIDDEN_CONSTRUCT`).
//!
//! | warning code | normalisation |
//! |---|---|
//! | `XML_ROOT_RENAMED` | root `LEX`, `LEXMessage` or `ALXMessage` read as `lex` |
//! | `XML_NAMESPACE_IGNORED` | namespace declarations or prefixes ignored (once per document) |
//! | `XML_NAME_NORMALIZED` | PascalCase element name read as camelCase (once per name) |
//! | `XML_TYPE_INFERRED` | untyped leaf read as a number or boolean |
//! | `XML_WRAPPER_ARRAY` | wrapper element with singular children read as an array |
//! | `XML_REPEATED_ELEMENTS` | repeated sibling elements read as an array |
//! | `XML_FIELD_MAP` | `<Field name="k">v</Field>` children read as an object |
//! | `XML_CHECKSUM` | `<Checksum algorithm="a">x</Checksum>` read as `"a:x"` |
//! | `XML_EMPTY_ELEMENT` | empty untyped element read as absent, or `[]` for a schema array |
//! | `XML_NIL` | `xsi:nil="true"` read as null |
//! | `XML_ARRAY_ITEM_NAME` | member of a `t="array"` element not named `item` |
//! | `XML_ATTRIBUTE_IGNORED` | an attribute without meaning in XML-EDI dropped |
//! | `XML_MIXED_CONTENT` | text beside child elements dropped |
//!
//! Each kind is listed at most 1,000 times per document; beyond that one summary warning
//! gives the count.

mod convert;
mod ctx;
mod lexical;
mod names;
mod reader;
mod schema_names;
mod writer;

/// The processing-instruction target that carries the members beside `lex`.
pub const MEMBERS_PI: &str = "lex-members";

use crate::error::Result;
use crate::message::Message;
use crate::options::ReadOptions;

/// Reads one XML-EDI document (a document holds exactly one message).
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
    reader::read(input, opts)
}

/// Writes one message as canonical XML-EDI (indented unless `opts.pretty` is false).
pub fn write(message: &Message, opts: &super::WriteOptions) -> Result<String> {
    writer::write(message, opts.pretty)
}
