//! What a structural violation weighs, decided once per schema node (decision D8, the
//! STANDARD profile; strict mode turns every structural WARNING into an ERROR).
//!
//! * A missing required field is CRITICAL in the header, ERROR on the payload object, and a
//!   WARNING inside optional blocks unless a published rule family makes that block binding
//!   (consent, deduplication, multi-industry B2B blocks, the deal blocks, `aiInsights.generatedBy`,
//!   `systemCapabilities`, `dataGovernance`, `extensions[]`). Disputed requirements
//!   (`header.version`, `lead.metadata`, `leadClosure.leadCreatedDate`, one of the customer's
//!   email/phone) are WARNINGs; the structural layer fixes up the email/phone pair and
//!   `desiredProduct.productType` per message.
//! * Enum violations are ERRORs on the header and payload object and for the core enums
//!   D8 lists; WARNINGs for other enums inside optional blocks (D8).
//! * `header.messageId` not being a UUID is a WARNING (D30).
//! * `leadHistory[].previousStatus: null` (D31) and `null` captive-finance sub-blocks (D31)
//!   are accepted.

use super::model::Node;
use crate::report::Level;

/// Severity of a structural finding.
pub(crate) type Sev = Level;

/// Blocks whose nested `required` lists are binding (ERROR), by table and path prefix.
const BINDING: &[(&str, &str)] = &[
    ("envelope", "extensions[]"),
    ("envelope", "dataGovernance"),
    ("lead", "consentRecord."),
    ("lead", "deduplication."),
    ("lead", "fleetOrder."),
    ("lead", "partExchange."),
    ("lead", "procurementFinancing."),
    ("lead", "customer.organizationBuyer."),
    ("lead", "aiInsights.generatedBy"),
    ("subscription", "systemCapabilities."),
];

/// Deal blocks (shared by LEAD and LEAD_CLOSURE): binding requireds and core enums.
const DEAL_BLOCKS: &[&str] = &[
    "financialSummary.",
    "captiveFinance.",
    "dealLineage.",
    "structuredNotes",
];

/// Enums inside blocks that are nevertheless core (ERROR), by table and exact path.
const CORE_ENUMS: &[(&str, &str)] = &[
    ("envelope", "dataGovernance.forwardingPolicy"),
    ("envelope", "dataGovernance.aiGovernance.aiDecisionScope"),
    ("lead", "leadHistory[].previousStatus"),
    ("lead", "leadHistory[].newStatus"),
    ("lead", "desiredProduct.assetClass"),
    ("subscription", "systemCapabilities.conformanceLevel"),
    ("subscription", "systemCapabilities.supportedMessageTypes[]"),
];

/// Disputed requirements: WARNING in the STANDARD profile.
const DISPUTED: &[(&str, &str)] = &[
    ("envelope", "header.version"),
    ("lead", "metadata"),
    ("lead", "customer.emailAddress"),
    ("lead", "customer.phoneNumber"),
    ("lead_closure", "leadCreatedDate"),
];

fn is_top(path: &str) -> bool {
    !path.contains('.') && !path.contains('[')
}

fn in_deal_block(table: &str, path: &str) -> bool {
    matches!(table, "lead" | "lead_closure") && DEAL_BLOCKS.iter().any(|p| path.starts_with(p))
}

/// Returns (missing-required weight, enum weight, pattern weight, null tolerated).
pub(crate) fn weigh(table: &str, node: &Node) -> (Sev, Sev, Sev, bool) {
    let path = node.path.as_str();
    let header_field = table == "envelope"
        && path
            .strip_prefix("header.")
            .is_some_and(|rest| !rest.contains('.'));

    let req = if DISPUTED.contains(&(table, path)) {
        Level::Warning
    } else if header_field {
        Level::Critical
    } else if (table != "envelope" && is_top(path))
        || in_deal_block(table, path)
        || BINDING
            .iter()
            .any(|(t, p)| *t == table && path.starts_with(p))
        || (table == "lead" && path == "desiredProduct.productType")
    {
        Level::Error
    } else {
        Level::Warning
    };

    let top_enum = table != "envelope" && (is_top(path) || is_top(path.trim_end_matches("[]")));
    let legal_basis =
        table == "lead" && path.starts_with("consentRecord.") && path.ends_with(".legalBasis");
    let en = if header_field
        || top_enum
        || legal_basis
        || in_deal_block(table, path)
        || CORE_ENUMS.contains(&(table, path))
    {
        Level::Error
    } else {
        Level::Warning
    };

    let pat = if table == "envelope" && path == "header.messageId" {
        Level::Warning
    } else {
        Level::Error
    };

    let null_ok = matches!(
        (table, path),
        ("lead", "leadHistory[].previousStatus")
            | ("lead" | "lead_closure", "captiveFinance.leaseTerms")
            | ("lead" | "lead_closure", "captiveFinance.retailFinance")
    );
    (req, en, pat, null_ok)
}
