//! The structural model: the tables in `validate/tables/*.tbl` (derived once from the LEX
//! schemas by `tools/gen_tables.py`), parsed on first use into one tree per table.
//!
//! The tables hold facts only (names, types, enums, constraints). What a violation weighs
//! (CRITICAL/ERROR/WARNING) is decided by [`super::policy`] from the node's schema path when
//! the tree is built, so walking a message does no string work unless an issue is reported.

use super::policy::{self, Sev};
use crate::message::MessageType;
use crate::report::Level;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Value types a node accepts (a bit set).
pub(crate) mod ty {
    pub const STRING: u8 = 1;
    pub const INTEGER: u8 = 2;
    pub const NUMBER: u8 = 4;
    pub const BOOLEAN: u8 = 8;
    pub const OBJECT: u8 = 16;
    pub const ARRAY: u8 = 32;
    pub const NULL: u8 = 64;
    pub const ANY: u8 = 127;
}

/// A string format the schemas use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    DateTime,
    Date,
    Email,
    Uri,
}

/// One schema node.
#[derive(Debug)]
pub(crate) struct Node {
    /// Schema path in the table (`customer.phoneNumbers[].number`).
    pub path: String,
    /// Accepted types (bits of [`ty`]).
    pub types: u8,
    /// Required by its parent object.
    pub required: bool,
    /// `additionalProperties: false`.
    pub closed: bool,
    pub enumeration: Vec<String>,
    pub pattern: Option<Regex>,
    pub pattern_src: Option<String>,
    pub format: Option<Format>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_len: Option<usize>,
    pub max_len: Option<usize>,
    pub min_items: Option<usize>,
    pub max_items: Option<usize>,
    /// Property name → child index, in schema order.
    pub props: Vec<(String, usize)>,
    /// The same pairs sorted by (length, name), for binary search (no hashing on the hot path).
    pub sorted: Vec<(String, usize)>,
    /// Number of required children.
    pub required_count: usize,
    /// Array item node.
    pub items: Option<usize>,
    /// Weight of a missing required node.
    pub req_sev: Sev,
    /// Weight of an enum violation.
    pub enum_sev: Sev,
    /// Weight of a pattern violation.
    pub pattern_sev: Sev,
    /// `null` is tolerated even though the schema does not list it.
    pub null_ok: bool,
}

impl Default for Node {
    fn default() -> Self {
        Node {
            path: String::new(),
            types: ty::ANY,
            required: false,
            closed: false,
            enumeration: Vec::new(),
            pattern: None,
            pattern_src: None,
            format: None,
            min: None,
            max: None,
            min_len: None,
            max_len: None,
            min_items: None,
            max_items: None,
            props: Vec::new(),
            sorted: Vec::new(),
            required_count: 0,
            items: None,
            req_sev: Level::Error,
            enum_sev: Level::Error,
            pattern_sev: Level::Error,
            null_ok: false,
        }
    }
}

impl Node {
    /// The child for property `name`.
    pub fn child(&self, name: &str) -> Option<usize> {
        // Length first: most probes are decided without comparing bytes.
        self.sorted
            .binary_search_by(|(k, _)| (k.len(), k.as_str()).cmp(&(name.len(), name)))
            .ok()
            .and_then(|i| self.sorted.get(i))
            .map(|(_, c)| *c)
    }
}

/// A parsed table: nodes with the root at index 0.
#[derive(Debug)]
pub(crate) struct Table {
    pub nodes: Vec<Node>,
}

impl Table {
    /// Parses a table. The text is embedded at build time and covered by tests, so a
    /// malformed line is a programming error: it is skipped rather than panicking.
    fn parse(name: &'static str, text: &str) -> Table {
        let mut nodes: Vec<Node> = Vec::new();
        let mut by_path: HashMap<String, usize> = HashMap::new();
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(path), Some(types)) = (cols.next(), cols.next()) else {
                continue;
            };
            let mut node = Node {
                path: path.to_string(),
                types: parse_types(types),
                ..Node::default()
            };
            for attr in cols {
                let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
                match k {
                    "req" => node.required = true,
                    "closed" => node.closed = true,
                    "enum" => node.enumeration = v.split('|').map(str::to_string).collect(),
                    "pat" => {
                        node.pattern = compile(v);
                        node.pattern_src = Some(v.to_string());
                    }
                    "fmt" => {
                        node.format = match v {
                            "date-time" => Some(Format::DateTime),
                            "date" => Some(Format::Date),
                            "email" => Some(Format::Email),
                            "uri" => Some(Format::Uri),
                            _ => None,
                        }
                    }
                    "min" => node.min = v.parse().ok(),
                    "max" => node.max = v.parse().ok(),
                    "minlen" => node.min_len = v.parse().ok(),
                    "maxlen" => node.max_len = v.parse().ok(),
                    "minitems" => node.min_items = v.parse().ok(),
                    "maxitems" => node.max_items = v.parse().ok(),
                    _ => {}
                }
            }
            let (req_sev, enum_sev, pattern_sev, null_ok) = policy::weigh(name, &node);
            node.req_sev = req_sev;
            node.enum_sev = enum_sev;
            node.pattern_sev = pattern_sev;
            node.null_ok = null_ok;
            let idx = nodes.len();
            if path != "$" {
                let (parent, key) = split_parent(path);
                if let Some(&p) = by_path.get(parent) {
                    if key == "[]" {
                        nodes[p].items = Some(idx);
                    } else {
                        nodes[p].props.push((key.to_string(), idx));
                        if node.required {
                            nodes[p].required_count += 1;
                        }
                    }
                }
            }
            by_path.insert(path.to_string(), idx);
            nodes.push(node);
        }
        for n in &mut nodes {
            n.sorted = n.props.clone();
            n.sorted
                .sort_by(|(a, _), (b, _)| (a.len(), a.as_str()).cmp(&(b.len(), b.as_str())));
        }
        Table { nodes }
    }

    /// The root node.
    pub fn root(&self) -> &Node {
        static EMPTY: OnceLock<Node> = OnceLock::new();
        self.nodes
            .first()
            .unwrap_or_else(|| EMPTY.get_or_init(Node::default))
    }

    /// The node at `idx`.
    pub fn node(&self, idx: usize) -> &Node {
        self.nodes.get(idx).unwrap_or_else(|| self.root())
    }

    /// The node for a schema path (tests and rules that need one node's facts).
    pub fn find(&self, path: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.path == path)
    }
}

/// Splits `a.b[]` into (`a.b`, `[]`) and `a.b` into (`a`, `b`); the root is `$`.
fn split_parent(path: &str) -> (&str, &str) {
    if let Some(p) = path.strip_suffix("[]") {
        return (if p.is_empty() { "$" } else { p }, "[]");
    }
    match path.rfind('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("$", path),
    }
}

fn parse_types(s: &str) -> u8 {
    s.split('|')
        .map(|t| match t {
            "string" => ty::STRING,
            "integer" => ty::INTEGER,
            "number" => ty::NUMBER | ty::INTEGER,
            "boolean" => ty::BOOLEAN,
            "object" => ty::OBJECT,
            "array" => ty::ARRAY,
            "null" => ty::NULL,
            _ => ty::ANY,
        })
        .fold(0, |a, b| a | b)
}

/// Compiles a schema pattern. ECMA-262 `\d` means ASCII digits, so patterns are compiled
/// without Unicode classes when the regex crate accepts that, else with them.
fn compile(src: &str) -> Option<Regex> {
    regex::RegexBuilder::new(src)
        .unicode(false)
        .build()
        .or_else(|_| Regex::new(src))
        .ok()
}

macro_rules! table {
    ($fn:ident, $name:literal) => {
        fn $fn() -> &'static Table {
            static T: OnceLock<Table> = OnceLock::new();
            T.get_or_init(|| Table::parse($name, include_str!(concat!("tables/", $name, ".tbl"))))
        }
    };
}

table!(envelope_table, "envelope");
table!(lead_table, "lead");
table!(asset_table, "asset");
table!(ack_table, "acknowledgment");
table!(subscription_table, "subscription");
table!(closure_table, "lead_closure");

/// The table of the `lex` object (header, extensions, dataGovernance, signature).
pub(crate) fn envelope() -> &'static Table {
    envelope_table()
}

/// The table of a payload body.
pub(crate) fn body(mtype: MessageType) -> &'static Table {
    match mtype {
        MessageType::Lead => lead_table(),
        MessageType::Asset => asset_table(),
        MessageType::Acknowledgment => ack_table(),
        MessageType::Subscription => subscription_table(),
        MessageType::LeadClosure => closure_table(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_into_one_tree() {
        for t in [envelope()]
            .into_iter()
            .chain(MessageType::ALL.into_iter().map(body))
        {
            assert!(t.nodes.len() > 50);
            // Every node but the root is reachable from its parent.
            let mut reached = vec![false; t.nodes.len()];
            reached[0] = true;
            for n in &t.nodes {
                for (_, c) in &n.props {
                    reached[*c] = true;
                }
                if let Some(c) = n.items {
                    reached[c] = true;
                }
            }
            assert!(reached.iter().all(|r| *r));
            // Every pattern compiles.
            for n in &t.nodes {
                assert_eq!(n.pattern.is_some(), n.pattern_src.is_some(), "{}", n.path);
            }
        }
        assert_eq!(body(MessageType::Lead).nodes.len(), 741);
    }

    #[test]
    fn facts_are_read() {
        let lead = body(MessageType::Lead);
        let lt = lead.find("financing.loanTerm").unwrap();
        assert_eq!((lt.min, lt.max), (Some(12.0), Some(84.0)));
        assert_eq!(lt.types, ty::INTEGER);
        let email = lead.find("customer.emailAddress").unwrap();
        assert!(email.required);
        assert_eq!(email.format, Some(Format::Email));
        assert!(lead.find("financialSummary.taxesAndFees").unwrap().closed);
        assert_eq!(lead.find("status").unwrap().enumeration.len(), 15);
        let env = envelope();
        assert!(env.find("extensions[]").unwrap().closed);
        let id = env.find("header.messageId").unwrap();
        assert!(
            id.pattern
                .as_ref()
                .unwrap()
                .is_match("a1b2c3d4-e5f6-4a7b-8c9d-000000000014")
        );
    }
}
