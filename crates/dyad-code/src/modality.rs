//! Negation and modality around a verb. A negated verb ("did not attack", "refused to meet")
//! makes no event; an intended one ("would hold talks", "ready to meet") makes the CAMEO
//! intent code that corresponds to the verb's code (`intent_code`). Words a pattern already
//! used ("NOT *") are left alone: the dictionary decided.

use crate::pattern::PatternMatch;
use crate::tag::{Tagged, VerbMatch};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modality {
    Plain,
    /// The words that negate ("not", "refused to").
    Negated(String),
    /// The words that express intent ("would", "ready to").
    Intent(String),
    /// The words that refuse ("refused to", "declined to"): a CAMEO rejection (`refusal_code`)
    /// when the coder's options ask for it.
    Refusal(String),
}

const NEGATORS: &[&str] = &["not", "never", "no"];
/// "X to VERB" frames that negate the verb.
const REFUSALS: &[&str] = &["refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "rejected"];
/// "X to VERB" frames that express intent.
const INTENTS: &[&str] = &[
    "ready", "willing", "prepared", "plans", "plan", "planned", "planning", "intends", "intend", "intended", "wants", "want",
    "wanted", "hopes", "hope", "hoped", "agreed", "agrees", "agree", "promised", "promises", "pledged", "pledges", "vowed",
    "vows", "offered", "offers", "expects", "expected", "seeks", "sought", "eager", "keen",
];
/// "would hold talks" is an intention; "could attack" a speculation, which makes no event.
const SPECULATIVE: &[&str] = &["could", "might", "may", "can", "cannot"];

/// Verbs that permit an act, which has then not happened: "a law that allows the police to
/// arrest anyone", "empowered the courts to".
const PERMISSIONS: &[&str] = &[
    "allow", "allows", "allowed", "allowing", "permit", "permits", "permitted", "permitting", "authorise", "authorises",
    "authorised", "authorize", "authorizes", "authorized", "empower", "empowers", "empowered", "enable", "enables",
    "enabled",
];
/// "should be arrested", "must resign": what someone says ought to happen, not an event.
const OBLIGATION: &[&str] = &["should", "must", "ought"];
/// "X to VERB" frames of likelihood: "likely to be arrested" has not happened.
const LIKELIHOOD: &[&str] = &["likely", "unlikely"];
/// Auxiliaries that may stand before a bare "be" ("will be arrested", "may be detained").
const MODALS: &[&str] = &["will", "would", "shall", "should", "must", "may", "might", "can", "could", "cannot", "ought", "to"];

/// Look at up to four words before the verb (stopping at punctuation or an actor).
/// With `dyad`, "will" is an intention and a refusal frame is a `Refusal`, not a negation.
pub fn of_verb(t: &Tagged, v: &VerbMatch, used: &PatternMatch, dyad: bool) -> Modality {
    let mut k = v.start;
    let mut seen = 0;
    while k > 0 && seen < 4 {
        k -= 1;
        seen += 1;
        if used.uses(k) {
            continue;
        }
        let w = &t.words[k];
        if w.punct || t.in_noun[k] {
            break;
        }
        let s = w.norm.as_str();
        if NEGATORS.contains(&s) {
            return Modality::Negated(s.to_string());
        }
        // "demanded (that) the leaders be arrested": a bare "be" with no auxiliary before it
        // is a subjunctive, what is asked for.
        if s == "be" {
            let mut j = k;
            while j > 0 && t.words[j - 1].norm.ends_with("ly") && !t.words[j - 1].punct {
                j -= 1;
            }
            let before = (j > 0).then(|| t.words[j - 1].norm.as_str());
            if !before.is_some_and(|b| MODALS.contains(&b) || NEGATORS.contains(&b)) {
                return Modality::Negated("subjunctive: be".to_string());
            }
        }
        if OBLIGATION.contains(&s) {
            return Modality::Negated(format!("obligation: {s}"));
        }
        if s == "to" && k > 0 && !used.uses(k - 1) {
            let prev = t.words[k - 1].norm.as_str();
            // "not ready to", "did not agree to" are negations of the intent.
            let negated_frame = k >= 2 && NEGATORS.contains(&t.words[k - 2].norm.as_str());
            if dyad && REFUSALS.contains(&prev) && !negated_frame {
                return Modality::Refusal(format!("{prev} to"));
            }
            if REFUSALS.contains(&prev) || (negated_frame && INTENTS.contains(&prev)) {
                return Modality::Negated(format!("{prev} to"));
            }
            if INTENTS.contains(&prev) {
                return Modality::Intent(format!("{prev} to"));
            }
            if LIKELIHOOD.contains(&prev) {
                return Modality::Negated(format!("speculative: {prev} to"));
            }
            // "allowed to arrest", "allows the police to arrest": past the permitted actor.
            let mut j = k - 1;
            while j > 0 && (t.in_noun[j] || matches!(t.words[j].norm.as_str(), "the" | "a" | "an")) && j + 6 > k {
                j -= 1;
            }
            let permit = t.words[j].norm.as_str();
            if PERMISSIONS.contains(&permit) {
                return Modality::Negated(format!("permission: {permit} ... to"));
            }
        }
        // "would not attack" was caught above as a negation (nearer the verb).
        if s == "would" || (dyad && s == "will") {
            return Modality::Intent(s.to_string());
        }
        if SPECULATIVE.contains(&s) {
            return Modality::Negated(format!("speculative: {s}"));
        }
    }
    Modality::Plain
}

/// The CAMEO "express intent" code for an intended action with `code`, if CAMEO has one.
///
/// | verb root | intent |
/// |---|---|
/// | 03 intent | unchanged |
/// | 04 consult (045 mediate → 039) | 036 meet or negotiate |
/// | 05 diplomatic cooperation | 032 |
/// | 06 material cooperation (061–064) | 031 (0311–0314) |
/// | 07 aid (071–074) | 033 (0331–0334) |
/// | 08 yield (081 → 0351, 082 → 0352, 083 → 034, 084 → 0353, 085 → 0354, 086 → 0355, 087 → 0356) | 035 |
/// | 14 protest | 133 threaten protest |
/// | 16 reduce relations | 131 threaten non-force |
/// | 17 coerce | 137 threaten repression |
/// | 18, 19, 20 force | 138 threaten military force |
///
/// Other roots (statements, appeals, demands, rejections, accusations) have no intent code:
/// the intended act is not yet an event.
pub fn intent_code(code: &str) -> Option<String> {
    let root = code.get(..2)?;
    let sub = code.get(..3).unwrap_or(code);
    let c = match root {
        "03" => return Some(code.to_string()),
        "04" if sub == "045" => "039",
        "04" => "036",
        "05" => "032",
        "06" => match sub {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match sub {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => match sub {
            "081" => "0351",
            "082" => "0352",
            "083" => "034",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        "14" => "133",
        "16" => "131",
        "17" => "137",
        "18" | "19" | "20" => "138",
        _ => return None,
    };
    Some(c.to_string())
}

/// The CAMEO rejection code for refusing an action with `code` ("refused to meet" → 125).
///
/// | verb code | rejection |
/// |---|---|
/// | 01 statement | 011 decline comment |
/// | 04 consult (045 mediate → 126) | 125 reject proposal to meet or negotiate |
/// | 057 sign agreement, 05 other | 127 reject plan or agreement; 120 |
/// | 06 material cooperation (061 → 1211, 062 → 1212) | 121 |
/// | 07 aid (071 → 1221, 072 → 1222, 073 → 1223, 074 → 1224) | 122 |
/// | 081 → 1241, 082 → 1242, 083x → 123x, 084 → 1243, 085 → 1244, 086 → 1245, 087 → 1246 | 124 refuse to yield |
/// | 03 intent, 12 reject | 120 |
///
/// Other roots (appeals, demands, protests, force) have none: refusing to attack is no event.
pub fn refusal_code(code: &str) -> Option<String> {
    let root = code.get(..2)?;
    let sub = code.get(..3).unwrap_or(code);
    let c = match root {
        "01" => "011",
        "04" if sub == "045" => "126",
        "04" => "125",
        "05" if sub == "057" => "127",
        "05" | "03" | "12" => "120",
        "06" => match sub {
            "061" => "1211",
            "062" => "1212",
            _ => "121",
        },
        "07" => match sub {
            "071" => "1221",
            "072" => "1222",
            "073" => "1223",
            "074" => "1224",
            _ => "122",
        },
        "08" => match sub {
            "081" => "1241",
            "082" => "1242",
            "083" => match code {
                "0831" => "1231",
                "0832" => "1232",
                "0833" => "1233",
                "0834" => "1234",
                _ => "123",
            },
            "084" => "1243",
            "085" => "1244",
            "086" => "1245",
            "087" => "1246",
            _ => "124",
        },
        _ => return None,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_table() {
        assert_eq!(refusal_code("010").as_deref(), Some("011"));
        assert_eq!(refusal_code("043").as_deref(), Some("125"));
        assert_eq!(refusal_code("057").as_deref(), Some("127"));
        assert_eq!(refusal_code("073").as_deref(), Some("1223"));
        assert_eq!(refusal_code("0871").as_deref(), Some("1246"));
        assert_eq!(refusal_code("0832").as_deref(), Some("1232"));
        assert_eq!(refusal_code("190"), None);
    }

    #[test]
    fn intent_table() {
        assert_eq!(intent_code("043").as_deref(), Some("036"));
        assert_eq!(intent_code("046").as_deref(), Some("036"));
        assert_eq!(intent_code("051").as_deref(), Some("032"));
        assert_eq!(intent_code("0312").as_deref(), Some("0312"));
        assert_eq!(intent_code("073").as_deref(), Some("0333"));
        assert_eq!(intent_code("190").as_deref(), Some("138"));
        assert_eq!(intent_code("010"), None);
        assert_eq!(intent_code("1"), None);
    }
}
