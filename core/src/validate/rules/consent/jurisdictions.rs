//! The consent jurisdictions of the schema: legal bases, required members, and which
//! country requires which block.

use crate::report::Level;

/// Legal bases of `gdpr` and `ukGdpr`.
pub const GDPR_LEGAL_BASES: [&str; 6] = [
    "CONSENT",
    "LEGITIMATE_INTEREST",
    "CONTRACT",
    "VITAL_INTEREST",
    "PUBLIC_TASK",
    "LEGAL_OBLIGATION",
];
/// Legal bases of `lgpd`.
pub const LGPD_LEGAL_BASES: [&str; 10] = [
    "CONSENT",
    "LEGITIMATE_INTEREST",
    "CONTRACT",
    "LEGAL_OBLIGATION",
    "VITAL_INTEREST",
    "RESEARCH",
    "CREDIT_PROTECTION",
    "JUDICIAL",
    "HEALTH",
    "REGULATORY",
];
/// Legal bases of `nfadp`.
pub const NFADP_LEGAL_BASES: [&str; 4] = [
    "CONSENT",
    "LEGITIMATE_INTEREST",
    "CONTRACT",
    "LEGAL_OBLIGATION",
];
/// Legal bases of `pdpaTh`.
pub const PDPA_TH_LEGAL_BASES: [&str; 6] = [
    "CONSENT",
    "CONTRACT",
    "LEGAL_OBLIGATION",
    "VITAL_INTEREST",
    "PUBLIC_TASK",
    "LEGITIMATE_INTEREST",
];

/// EU-27 plus the EEA members IS, LI, NO (no LEX document lists them; our choice).
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// US state codes: the 50 states, DC and the inhabited territories.
pub const US_STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
];

/// What a required member must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Bool,
    Str,
}

/// One jurisdiction block of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Jurisdiction {
    /// The key under `consentRecord` (`gdpr`, `pdpaSg`, ...).
    pub block: &'static str,
    /// The regime's usual name (`GDPR`, `PDPA-SG`, ...).
    pub regime: &'static str,
    /// Severity when a customer of the jurisdiction has no block (Error, or Warning for
    /// CCPA and PIPEDA as the consent model says).
    pub missing_level: Level,
    /// The allowed `legalBasis` values, when the block has one.
    pub legal_bases: Option<&'static [&'static str]>,
    /// Schema-required members (with accepted prose aliases of identical meaning).
    pub(super) required: &'static [(&'static str, &'static [&'static str], Kind)],
}

const B: Kind = Kind::Bool;
const S: Kind = Kind::Str;

/// Every jurisdiction block of the schema, in schema order.
pub const JURISDICTIONS: [Jurisdiction; 16] = [
    j(
        "tcpa",
        "TCPA",
        Level::Error,
        None,
        &[("expressWrittenConsent", &[], B)],
    ),
    j(
        "gdpr",
        "GDPR",
        Level::Error,
        Some(&GDPR_LEGAL_BASES),
        &[("legalBasis", &[], S)],
    ),
    j(
        "ukGdpr",
        "UK GDPR",
        Level::Error,
        Some(&GDPR_LEGAL_BASES),
        &[("legalBasis", &[], S)],
    ),
    j(
        "ccpa",
        "CCPA/CPRA",
        Level::Warning,
        None,
        &[("optedOut", &[], B)],
    ),
    j(
        "usStatePrivacy",
        "US state privacy laws",
        Level::Warning,
        None,
        &[],
    ),
    j(
        "dpdp",
        "DPDPA",
        Level::Error,
        None,
        &[("consentGiven", &["consentGranted"], B)],
    ),
    j(
        "pipl",
        "PIPL",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("processingPurpose", &[], S),
            ("sensitiveDataIncluded", &[], B),
            ("crossBorderTransferApproved", &[], B),
        ],
    ),
    j(
        "lgpd",
        "LGPD",
        Level::Error,
        Some(&LGPD_LEGAL_BASES),
        &[("legalBasis", &[], S), ("consentGranted", &[], B)],
    ),
    j(
        "popia",
        "POPIA",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("responsiblePartyName", &[], S),
            ("dataSubjectRightsNotified", &[], B),
        ],
    ),
    j(
        "pipeda",
        "PIPEDA",
        Level::Warning,
        None,
        &[
            ("consentGranted", &[], B),
            ("impliedConsent", &[], B),
            ("quebecLaw25Applicable", &[], B),
        ],
    ),
    j(
        "pdpaSg",
        "PDPA-SG",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("doNotCallRegistryChecked", &[], B),
        ],
    ),
    j(
        "appi",
        "APPI",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("thirdPartyProvisionConsent", &[], B),
            ("crossBorderTransferConsent", &[], B),
        ],
    ),
    j(
        "nfadp",
        "nFADP",
        Level::Error,
        Some(&NFADP_LEGAL_BASES),
        &[
            ("legalBasis", &[], S),
            ("dataControllerName", &["dataController"], S),
        ],
    ),
    j(
        "pipaKr",
        "PIPA-K",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("sensitiveDataIncluded", &[], B),
            ("thirdPartyProvisionConsent", &[], B),
        ],
    ),
    j(
        "pdplSa",
        "PDPL",
        Level::Error,
        None,
        &[
            ("consentGranted", &[], B),
            ("sensitiveDataIncluded", &[], B),
            ("crossBorderTransferApproved", &[], B),
        ],
    ),
    j(
        "pdpaTh",
        "PDPA-TH",
        Level::Error,
        Some(&PDPA_TH_LEGAL_BASES),
        &[
            ("legalBasis", &[], S),
            ("consentGranted", &[], B),
            ("dataControllerName", &["dataController"], S),
        ],
    ),
];

const fn j(
    block: &'static str,
    regime: &'static str,
    missing_level: Level,
    legal_bases: Option<&'static [&'static str]>,
    required: &'static [(&'static str, &'static [&'static str], Kind)],
) -> Jurisdiction {
    Jurisdiction {
        block,
        regime,
        missing_level,
        legal_bases,
        required,
    }
}

/// The jurisdiction block named `block`.
pub fn jurisdiction(block: &str) -> Option<&'static Jurisdiction> {
    JURISDICTIONS.iter().find(|j| j.block == block)
}

/// The blocks a customer of `country` (ISO 3166 alpha-2) and `state` must carry, with the
/// severity of their absence: US → `tcpa` (and `ccpa` as a WARNING in California), EU/EEA →
/// `gdpr`, GB → `ukGdpr`, IN `dpdp`, CN `pipl`, BR `lgpd`, ZA `popia`, CA (Canada) `pipeda`
/// (WARNING), SG `pdpaSg`, JP `appi`, CH `nfadp`, KR `pipaKr`, SA `pdplSa`, TH `pdpaTh`.
/// `usStatePrivacy` is never required (all its members are optional).
pub fn required_blocks(country: &str, state: Option<&str>) -> Vec<(&'static str, Level)> {
    let one = |b: &'static str| {
        jurisdiction(b)
            .map(|j| vec![(j.block, j.missing_level)])
            .unwrap_or_default()
    };
    match country {
        "US" => {
            let mut v = one("tcpa");
            if state == Some("CA") {
                v.extend(one("ccpa"));
            }
            v
        }
        "GB" => one("ukGdpr"),
        "IN" => one("dpdp"),
        "CN" => one("pipl"),
        "BR" => one("lgpd"),
        "ZA" => one("popia"),
        "CA" => one("pipeda"),
        "SG" => one("pdpaSg"),
        "JP" => one("appi"),
        "CH" => one("nfadp"),
        "KR" => one("pipaKr"),
        "SA" => one("pdplSa"),
        "TH" => one("pdpaTh"),
        c if EU_EEA.contains(&c) => one("gdpr"),
        _ => Vec::new(),
    }
}
