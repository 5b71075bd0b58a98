//! Measures validation speed: `cargo run --release -p lex-core --example bench_validate [FILE]`.
//!
//! Reads one message (default: a ~4 KB LEAD with the optional blocks most rules look at),
//! validates it repeatedly at level 3 and prints the mean time per validation, excluding
//! parsing. A benchmark program, not a test: nothing here asserts a duration.

use lex_core::api::{self, ReadOptions, ValidateOptions};
use std::time::Instant;

const SAMPLE: &str = r#"{"lex":{"header":{"messageId":"3f0c9a52-7d1e-4b8a-9c2f-000000000099","messageType":"LEAD","version":"1.0","timestamp":"2026-04-03T11:30:00Z","senderId":"WEBPORTAL-NORTH","receiverId":"RETAILER-0042"},
"payload":{"lead":{"leadId":"LEAD-BENCH-000001","status":"IN_NEGOTIATION","leadType":"PRIMARY","source":"MANUFACTURER_WEBSITE","leadCreatedDate":"2026-04-01T08:00:00Z","leadVersion":3,
"leadHistory":[{"version":1,"previousStatus":null,"newStatus":"SHOPPING","timestamp":"2026-04-01T08:00:00Z"},{"version":2,"previousStatus":"SHOPPING","newStatus":"IN_NEGOTIATION","timestamp":"2026-04-02T08:00:00Z"}],
"sourceDetail":{"sourceType":"MANUFACTURER_WEBSITE","sourceURL":"https://www.example.org/ex30","channel":"DIGITAL","deviceType":"DESKTOP","utmSource":"newsletter","leadQualityScore":7.5},
"customer":{"customerId":"C-1","firstName":"Ines","lastName":"Okafor","emailAddress":"ines.okafor@example.org","phoneNumber":"+442079460123","preferredContactMethod":"EMAIL","locale":"en-GB",
"address":{"street1":"1 High Street","city":"Leeds","postalCode":"LS1 1AA","countryCode":"GB"},"phoneNumbers":[{"number":"+442079460123","type":"MOBILE","preferred":true}]},
"desiredProduct":{"productType":"VEHICLE_NEW","assetClass":"VEHICLE","make":"Volvo","model":"EX30","trim":"Plus","year":2026,"condition":"NEW","budgetMin":35000,"budgetMax":45000,"budgetCurrency":"GBP","fuelType":"ELECTRIC","desiredColor":["Moss Yellow","Onyx Black"],
"featurePreferences":[{"feature":"HEAT_PUMP","weighting":80},{"feature":"TOWBAR","weighting":-20}],"evPreferences":{"estimatedRangeKm":450,"rangeStandard":"WLTP"}},
"tradeIn":{"tradeInVehicleOffered":true,"tradeInYear":2019,"tradeInMake":"Ford","tradeInModel":"Focus","tradeInMileage":61000,"tradeInCondition":"GOOD","estimatedTradeInValue":9000},
"financing":{"needsFinancing":true,"downPaymentCapacity":5000,"preferredMonthlyPayment":450,"loanTerm":48,"creditScore":"GOOD"},
"purchaseTimeframe":{"earliestDate":"2026-05-01","latestDate":"2026-06-30","urgency":"THIS_QUARTER"},
"consentRecord":{"ukGdpr":{"legalBasis":"CONSENT","purposeCodes":["LEAD_FOLLOW_UP"],"retentionPeriodDays":365},"marketing":{"emailMarketing":true,"smsMarketing":false},"recordedAt":"2026-04-01T08:00:00Z"},
"deduplication":{"customerFingerprint":"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f","deduplicationWindowHours":72},
"leadIntelligence":{"intentScore":0.71,"confidenceLevel":"HIGH","buyingWindowDays":45,"scoringReasons":[{"factor":"RETURN_VISIT","direction":"POSITIVE","weight":0.4}],"behavioralSignals":["VDP_VIEW_3X","PAYMENT_CALCULATOR_USED"],
"modelMetadata":{"modelId":"intent-gbm","modelVersion":"4.2.0","scoredAt":"2026-04-03T11:00:00Z","dataFreshnessDays":2}},
"financialSummary":{"vehiclePrice":42000,"negotiatedPrice":40500,"tradeInAllowance":9000,"tradeInPayoff":2000,"netTradeIn":7000,"currency":"GBP",
"taxesAndFees":{"calculatedBy":"DMS-TAXCALC","calculatedAt":"2026-04-02T10:00:00Z","jurisdictionCodes":["GB"],"lineItems":[{"label":"VAT","type":"VAT","amount":6750},{"label":"Registration","type":"REGISTRATION_FEE","amount":55}],"totalTaxesAndFees":6805,"isEstimate":true}},
"metadata":{"createdDate":"2026-04-01T08:00:00Z","updatedDate":"2026-04-03T11:29:00Z","countryCode":"GB","currencyCode":"GBP","language":"en-GB","ownershipChain":[{"owner":"WEBPORTAL-NORTH","timestamp":"2026-04-01T08:00:00Z","action":"CREATED"}]}}}}}"#;

fn main() {
    let input = match std::env::args().nth(1) {
        Some(path) => std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")),
        None => SAMPLE.as_bytes().to_vec(),
    };
    let msg = api::parse(&input, None, &ReadOptions::default()).expect("a readable message");
    let opts = ValidateOptions {
        level: 3,
        now: Some(time::macros::datetime!(2026-04-03 12:00 UTC)),
        ..ValidateOptions::default()
    };
    let report = api::validate(&msg, &opts);
    println!(
        "{} bytes, valid={}, {} error(s), {} warning(s)",
        input.len(),
        report.valid,
        report.errors.len(),
        report.warnings.len()
    );
    for _ in 0..1_000 {
        std::hint::black_box(api::validate(&msg, &opts));
    }
    let n = 50_000u32;
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(api::validate(std::hint::black_box(&msg), &opts));
    }
    let per = start.elapsed() / n;
    println!("validate (level 3): {per:?} per message over {n} runs");
    let start = Instant::now();
    for _ in 0..n / 10 {
        let m = api::parse(&input, None, &ReadOptions::default()).expect("readable");
        std::hint::black_box(api::validate(&m, &opts));
    }
    println!(
        "parse + validate: {:?} per message",
        start.elapsed() / (n / 10)
    );
}
