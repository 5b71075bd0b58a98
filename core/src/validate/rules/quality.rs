//! Data-quality rules stated in prose without a code (spec-model §4.4), level 2 (the L2
//! "business rules: VIN" obligation): VIN check digit on explicit VIN fields (WARNING only,
//! decisions.md) and an inverted budget range.

use super::{Ctx, get_f64, get_obj, get_str, issue_at, pointer_join};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::Value;

/// ISO 3779 check digit (position 9) of a 17-character VIN; `None` when the VIN has
/// characters outside `[A-HJ-NPR-Z0-9]` or the wrong length.
pub fn vin_check_digit(vin: &str) -> Option<char> {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    if vin.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in vin.chars().zip(WEIGHTS) {
        let v = match c {
            '0'..='9' => c.to_digit(10)?,
            'A' | 'J' => 1,
            'B' | 'K' | 'S' => 2,
            'C' | 'L' | 'T' => 3,
            'D' | 'M' | 'U' => 4,
            'E' | 'N' | 'V' => 5,
            'F' | 'W' => 6,
            'G' | 'P' | 'X' => 7,
            'H' | 'Y' => 8,
            'R' | 'Z' => 9,
            _ => return None,
        };
        sum += v * w;
    }
    let r = sum % 11;
    Some(if r == 10 {
        'X'
    } else {
        char::from(b'0' + r as u8)
    })
}

fn vin(value: &str, pointer: String, issues: &mut Vec<Issue>) {
    let Some(expected) = vin_check_digit(value) else {
        return; // not a well-formed VIN: the pattern check (where the schema has one) reports it
    };
    let actual = value.chars().nth(8).unwrap_or(' ');
    if actual != expected {
        issues.push(
            issue_at(
                Level::Warning,
                "VIN_CHECK_DIGIT",
                pointer,
                format!("VIN {value} has check digit {actual}; ISO 3779 gives {expected}"),
            )
            .rejected(Value::from(value)),
        );
    }
}

/// Runs the rules.
pub fn check(ctx: &Ctx<'_>, issues: &mut Vec<Issue>) {
    if ctx.opts.level < 2 {
        return;
    }
    match ctx.mtype {
        MessageType::Asset => {
            if let Some(v) = get_obj(ctx.body, "groundVehicle").and_then(|g| get_str(g, "vin")) {
                vin(
                    v,
                    pointer_join("/lex/payload/asset", &["groundVehicle", "vin"]),
                    issues,
                );
            }
        }
        MessageType::Lead => {
            let base = "/lex/payload/lead";
            if let Some(v) = get_obj(ctx.body, "tradeIn").and_then(|t| get_str(t, "vin")) {
                vin(v, pointer_join(base, &["tradeIn", "vin"]), issues);
            }
            if let Some(v) =
                get_obj(ctx.body, "sourceDetail").and_then(|t| get_str(t, "testDriveVehicleVIN"))
            {
                vin(
                    v,
                    pointer_join(base, &["sourceDetail", "testDriveVehicleVIN"]),
                    issues,
                );
            }
            if let Some(dp) = get_obj(ctx.body, "desiredProduct") {
                if let (Some(lo), Some(hi)) = (get_f64(dp, "budgetMin"), get_f64(dp, "budgetMax")) {
                    if lo > hi {
                        issues.push(issue_at(
                            Level::Warning,
                            "BUDGET_RANGE_INVERTED",
                            pointer_join(base, &["desiredProduct", "budgetMin"]),
                            format!("budgetMin {lo} is above budgetMax {hi}"),
                        ));
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert_eq!(vin_check_digit("1M8GDM9AXKP042788"), Some('X'));
        assert_eq!(vin_check_digit("11111111111111111"), Some('1'));
        assert_eq!(vin_check_digit("5YJ3E1EA7PF000001"), Some('9'));
        assert_eq!(vin_check_digit("5YJ3E1EAIPF000001"), None);
    }
}
