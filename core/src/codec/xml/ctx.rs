//! The state of one XML-EDI read, shared by the reader, the conversion of closed elements
//! and the lexical checks.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::options::Limits;
use crate::report::{Issue, Level};
use crate::value::Map;
use std::collections::{HashMap, HashSet};

/// The most warnings of one kind listed individually.
const MAX_LISTED: usize = 1000;

/// Reading state shared with the conversion of closed elements.
pub(super) struct Ctx<'a> {
    /// The whole input (for locations).
    pub input: &'a [u8],
    /// Offset of the parsed text within `input` (3 after a byte-order mark).
    pub base: usize,
    /// Strict mode: the first normalisation is an error.
    pub strict: bool,
    /// Limits in force.
    pub limits: Limits,
    /// Warnings found so far.
    pub issues: Vec<Issue>,
    /// The PascalCase variant (names are mapped to camelCase).
    pub pascal: Option<bool>,
    /// Element names already reported as renamed (each is reported once).
    pub renamed: HashSet<String>,
    /// True once the namespace declarations have been reported.
    pub namespaces_reported: bool,
    counts: HashMap<String, usize>,
    /// Members beside `lex` from `<?lex-members?>` before the root element.
    pub members_before: Map,
    /// Members beside `lex` from `<?lex-members?>` after the root element.
    pub members_after: Map,
}

impl<'a> Ctx<'a> {
    /// A fresh state for reading `input`, whose parsed text starts at `base`.
    pub fn new(input: &'a [u8], base: usize, strict: bool, limits: Limits) -> Ctx<'a> {
        Ctx {
            input,
            base,
            strict,
            limits,
            issues: Vec::new(),
            pascal: None,
            renamed: HashSet::new(),
            namespaces_reported: false,
            counts: HashMap::new(),
            members_before: Map::default(),
            members_after: Map::default(),
        }
    }

    /// A location from an offset into the parsed text.
    pub fn loc(&self, offset: usize) -> Location {
        Location::at_offset(self.input, self.base + offset)
    }

    /// An error at an offset into the parsed text.
    pub fn err(&self, kind: ErrorKind, msg: impl Into<String>, offset: usize) -> Error {
        Error::at(kind, msg, self.loc(offset))
    }

    /// Records a normalisation: a warning in tolerant mode, an error in strict mode.
    pub fn normalised(
        &mut self,
        code: &str,
        pointer: &str,
        message: String,
        offset: usize,
    ) -> Result<()> {
        if self.strict {
            return Err(self.err(
                ErrorKind::Syntax,
                format!("not canonical XML-EDI (strict mode): {message} [{code}]"),
                offset,
            ));
        }
        // Each kind is listed at most MAX_LISTED times; the rest is counted and summarised
        // at the end, so hostile input cannot grow the warning list without bound.
        let listed = self.counts.entry(code.to_string()).or_insert(0);
        *listed += 1;
        if *listed <= MAX_LISTED {
            let field = crate::normalize::pointer_to_field(pointer);
            self.issues
                .push(Issue::new(Level::Warning, code, field, pointer, message));
        }
        Ok(())
    }

    /// Appends one summary warning per kind that occurred more than MAX_LISTED times.
    pub fn summarise(&mut self) {
        let mut over: Vec<(&String, &usize)> = self
            .counts
            .iter()
            .filter(|(_, n)| **n > MAX_LISTED)
            .collect();
        over.sort();
        for (code, n) in over {
            self.issues.push(Issue::new(
                Level::Warning,
                code.as_str(),
                "",
                "",
                format!(
                    "{} more {code} normalisations were made and not listed one by one",
                    n - MAX_LISTED
                ),
            ));
        }
    }
}
