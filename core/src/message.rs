//! [`Message`]: one LEX envelope as a canonical tree, with typed views.

use crate::error::Result;
use crate::format::Format;
use crate::report::Issue;
use crate::value::{Map, Value};
use std::fmt;

/// The five LEX message types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageType {
    /// A sales lead.
    Lead,
    /// An asset (product/inventory) record.
    Asset,
    /// An acknowledgment of a received message.
    Acknowledgment,
    /// A subscription to events.
    Subscription,
    /// The closure of a lead (won, lost, ...).
    LeadClosure,
}

impl MessageType {
    /// Every message type, in the schema's order.
    pub const ALL: [MessageType; 5] = [
        MessageType::Lead,
        MessageType::Asset,
        MessageType::Acknowledgment,
        MessageType::Subscription,
        MessageType::LeadClosure,
    ];

    /// The wire name (`LEAD`, `ASSET`, `ACKNOWLEDGMENT`, `SUBSCRIPTION`, `LEAD_CLOSURE`).
    pub fn as_str(self) -> &'static str {
        match self {
            MessageType::Lead => "LEAD",
            MessageType::Asset => "ASSET",
            MessageType::Acknowledgment => "ACKNOWLEDGMENT",
            MessageType::Subscription => "SUBSCRIPTION",
            MessageType::LeadClosure => "LEAD_CLOSURE",
        }
    }

    /// Parses the wire name (case-sensitive, as the schema requires).
    pub fn parse(s: &str) -> Option<MessageType> {
        MessageType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The key under `lex.payload` that holds this type's body (`lead`, `leadClosure`, ...).
    pub fn payload_key(self) -> &'static str {
        match self {
            MessageType::Lead => "lead",
            MessageType::Asset => "asset",
            MessageType::Acknowledgment => "acknowledgment",
            MessageType::Subscription => "subscription",
            MessageType::LeadClosure => "leadClosure",
        }
    }
}

impl fmt::Display for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The wire names of the five message types.
pub const MESSAGE_TYPES: [&str; 5] = [
    "LEAD",
    "ASSET",
    "ACKNOWLEDGMENT",
    "SUBSCRIPTION",
    "LEAD_CLOSURE",
];

/// One LEX message: the canonical tree `{"lex": {...}}`, the format it was read from, and
/// the normalisation warnings produced while reading it.
///
/// Messages are immutable once built; every accessor borrows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    root: Value,
    source: Format,
    read_issues: Vec<Issue>,
}

impl Message {
    /// Builds a message from a tree, normalising the aliases of decisions.md (each one
    /// reported as an `ALIAS_NORMALIZED` warning in [`Message::read_issues`]).
    ///
    /// Fails with `NOT_A_LEX_MESSAGE` when the tree is not an object with a `lex` object.
    pub fn from_value(root: Value, source: Format) -> Result<Message> {
        let (root, issues) = crate::normalize::normalize(root)?;
        Ok(Message {
            root,
            source,
            read_issues: issues,
        })
    }

    /// Builds a message from a tree plus issues a reader already found (EDI warnings, ...).
    pub fn from_value_with_issues(
        root: Value,
        source: Format,
        mut reader_issues: Vec<Issue>,
    ) -> Result<Message> {
        let mut m = Message::from_value(root, source)?;
        reader_issues.append(&mut m.read_issues);
        m.read_issues = reader_issues;
        Ok(m)
    }

    /// Puts issues a reader found before the normalisation issues, exactly as
    /// [`Message::from_value_with_issues`] orders them, for a reader that had to build the
    /// message before it knew all of its own findings (no second normalisation).
    pub(crate) fn prepend_read_issues(&mut self, mut reader_issues: Vec<Issue>) {
        reader_issues.append(&mut self.read_issues);
        self.read_issues = reader_issues;
    }

    /// The whole tree, `{"lex": {...}}`.
    pub fn root(&self) -> &Value {
        &self.root
    }

    /// Consumes the message, returning its tree.
    pub fn into_value(self) -> Value {
        self.root
    }

    /// The format the message was read from (`Json` for built messages).
    pub fn source_format(&self) -> Format {
        self.source
    }

    /// Warnings produced while reading and normalising (aliases, EDI envelope findings).
    pub fn read_issues(&self) -> &[Issue] {
        &self.read_issues
    }

    /// The `lex` object.
    pub fn lex(&self) -> &Map {
        // `normalize` guarantees `lex` is an object; fall back to an empty map defensively.
        static EMPTY: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
        self.root
            .get("lex")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::default))
    }

    /// A typed view of `lex.header` (every accessor returns `None` when absent).
    pub fn header(&self) -> HeaderView<'_> {
        HeaderView(self.lex().get("header").and_then(Value::as_object))
    }

    /// `lex.header.messageType` as written.
    pub fn message_type_str(&self) -> Option<&str> {
        self.header().message_type()
    }

    /// `lex.header.messageType` when it is one of the five types.
    pub fn message_type(&self) -> Option<MessageType> {
        self.message_type_str().and_then(MessageType::parse)
    }

    /// `lex.header.messageId`.
    pub fn message_id(&self) -> Option<&str> {
        self.header().message_id()
    }

    /// The body of the payload for the declared type (`lex.payload.lead`, ...).
    pub fn body(&self) -> Option<&Map> {
        let key = self.message_type()?.payload_key();
        self.lex()
            .get("payload")?
            .get(key)
            .and_then(Value::as_object)
    }

    /// A typed view of `lex.payload.lead` when the message is a LEAD.
    pub fn lead(&self) -> Option<LeadView<'_>> {
        if self.message_type()? != MessageType::Lead {
            return None;
        }
        self.body().map(LeadView)
    }

    /// Resolves an RFC 6901 pointer from the message root.
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
    }

    /// Canonical JSON-EDI text.
    pub fn to_json(&self, pretty: bool) -> String {
        crate::codec::json_write::to_string(&self.root, pretty)
    }
}

fn str_of<'a>(m: Option<&'a Map>, key: &str) -> Option<&'a str> {
    m?.get(key)?.as_str()
}

/// Typed read-only view of `lex.header`.
#[derive(Clone, Copy, Debug)]
pub struct HeaderView<'a>(Option<&'a Map>);

impl<'a> HeaderView<'a> {
    /// The raw header object, when present.
    pub fn raw(&self) -> Option<&'a Map> {
        self.0
    }
    /// `messageId`.
    pub fn message_id(&self) -> Option<&'a str> {
        str_of(self.0, "messageId")
    }
    /// `messageType` as written.
    pub fn message_type(&self) -> Option<&'a str> {
        str_of(self.0, "messageType")
    }
    /// `version`.
    pub fn version(&self) -> Option<&'a str> {
        str_of(self.0, "version")
    }
    /// `timestamp`.
    pub fn timestamp(&self) -> Option<&'a str> {
        str_of(self.0, "timestamp")
    }
    /// `senderId`.
    pub fn sender_id(&self) -> Option<&'a str> {
        str_of(self.0, "senderId")
    }
    /// `receiverId`.
    pub fn receiver_id(&self) -> Option<&'a str> {
        str_of(self.0, "receiverId")
    }
    /// `correlationId`.
    pub fn correlation_id(&self) -> Option<&'a str> {
        str_of(self.0, "correlationId")
    }
    /// `ttl` object.
    pub fn ttl(&self) -> Option<&'a Map> {
        self.0?.get("ttl")?.as_object()
    }
    /// `retryContext` object.
    pub fn retry_context(&self) -> Option<&'a Map> {
        self.0?.get("retryContext")?.as_object()
    }
}

/// Typed read-only view of `lex.payload.lead`.
#[derive(Clone, Copy, Debug)]
pub struct LeadView<'a>(&'a Map);

impl<'a> LeadView<'a> {
    /// The raw lead object.
    pub fn raw(&self) -> &'a Map {
        self.0
    }
    /// `leadId`.
    pub fn lead_id(&self) -> Option<&'a str> {
        str_of(Some(self.0), "leadId")
    }
    /// `status`.
    pub fn status(&self) -> Option<&'a str> {
        str_of(Some(self.0), "status")
    }
    /// `leadType`.
    pub fn lead_type(&self) -> Option<&'a str> {
        str_of(Some(self.0), "leadType")
    }
    /// `customer` object.
    pub fn customer(&self) -> Option<&'a Map> {
        self.0.get("customer")?.as_object()
    }
    /// `customer.emailAddress`.
    pub fn email(&self) -> Option<&'a str> {
        str_of(self.customer(), "emailAddress")
    }
    /// `customer.phoneNumber`.
    pub fn phone(&self) -> Option<&'a str> {
        str_of(self.customer(), "phoneNumber")
    }
    /// `customer.lastName`.
    pub fn last_name(&self) -> Option<&'a str> {
        str_of(self.customer(), "lastName")
    }
    /// `desiredProduct` object.
    pub fn desired_product(&self) -> Option<&'a Map> {
        self.0.get("desiredProduct")?.as_object()
    }
    /// The last `leadHistory[]` entry, when present.
    pub fn last_history(&self) -> Option<&'a Map> {
        self.0.get("leadHistory")?.as_array()?.last()?.as_object()
    }
}
