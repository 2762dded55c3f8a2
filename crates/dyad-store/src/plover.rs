//! CAMEO → PLOVER event type and mode, following the PLOVER project's 2021 crosswalk
//! (openeventdata/PLOVER, CC BY-SA 4.0). Looked up by longest matching code prefix.

// "code=TYPE" or "code=TYPE/mode". Roots 01 (statements) and 02 (appeals) have no PLOVER type.
const TABLE: &str = "03=AGREE 04=CONSULT 041=CONSULT/phone 042=CONSULT/visit 043=CONSULT/visit \
    044=CONSULT/third-party 05=SUPPORT 06=COOPERATE 07=AID 08=RETREAT 080=CONCEDE 081=CONCEDE \
    0813=RETREAT 0814=RETREAT 082=CONCEDE 083=CONCEDE 0841=RETREAT/release 0842=RETREAT/return \
    085=RETREAT/ease 086=RETREAT/access 087=RETREAT/disarm 0871=RETREAT/ceasefire \
    0872=RETREAT/withdraw 09=ACCUSE 090=ACCUSE/investigate 091=ACCUSE/investigate \
    092=ACCUSE/investigate 093=ACCUSE/investigate 094=ACCUSE/investigate 10=REQUEST \
    101=REQUEST/assist 102=REQUEST/assist 103=REQUEST/assist 104=REQUEST/change \
    105=REQUEST/change 1051=REQUEST/yield 1052=REQUEST/yield 1053=REQUEST/yield \
    1054=REQUEST/yield 1055=REQUEST/yield 1056=REQUEST/yield 106=REQUEST/meet 107=REQUEST/meet \
    108=REQUEST/meet 11=ACCUSE 110=ACCUSE/disapprove 111=ACCUSE/disapprove 112=ACCUSE/disapprove \
    1121=ACCUSE/allege 1122=ACCUSE/allege 1123=ACCUSE/allege 1124=ACCUSE/allege \
    1125=ACCUSE/allege 113=ACCUSE/disapprove 114=ACCUSE/allege 115=ACCUSE/allege \
    116=ACCUSE/disapprove 12=REJECT 121=REJECT/assist 122=REJECT/assist 123=REJECT/change \
    124=REJECT/change 1243=REJECT/yield 1244=REJECT/yield 1245=REJECT/yield 1246=REJECT/yield \
    125=REJECT/meet 126=REJECT/meet 127=REJECT/meet 128=REJECT/yield 129=REJECT/yield \
    13=THREATEN 1311=THREATEN/relations 1312=THREATEN/restrict 1313=THREATEN/relations \
    132=THREATEN/ban 1321=THREATEN/political 1323=THREATEN/restrict 1324=THREATEN/restrict \
    133=THREATEN/relations 134=THREATEN/relations 135=THREATEN/relations 136=THREATEN/expel \
    137=THREATEN/violence 138=THREATEN/violence 1381=THREATEN/restrict 1382=THREATEN/territory \
    139=THREATEN/relations 14=PROTEST 141=PROTEST/demo 142=PROTEST/hunger 143=PROTEST/boycott \
    144=PROTEST/obstruct 145=PROTEST/riot 15=MOBILIZE 151=MOBILIZE/police 152=MOBILIZE/troops \
    153=MOBILIZE/police 154=MOBILIZE/troops 16=SANCTION 161=SANCTION/withdraw \
    162=SANCTION/discontinue 163=COERCE/restrict 164=SANCTION/withdraw 165=SANCTION/withdraw \
    166=SANCTION/expel 17=COERCE 171=COERCE/seize 1712=ASSAULT/seize 172=COERCE/restrict \
    1722=COERCE/ban 1723=COERCE/curfew 1724=COERCE/martial-law 173=COERCE/arrest \
    174=COERCE/deport 175=ASSAULT/pro_autocracy 18=ASSAULT 181=ASSAULT/abduct 182=ASSAULT/beat \
    1821=ASSAULT/sexual 1822=ASSAULT/torture 1823=ASSAULT 183=ASSAULT/suicide-attack \
    1832=ASSAULT/explosives 1833=ASSAULT/explosives 184=ASSAULT/abduct 185=ASSAULT/assassinate \
    186=ASSAULT/assassinate 19=ASSAULT 191=COERCE/restrict 192=COERCE/seize \
    193=ASSAULT/firearms 194=ASSAULT/heavy-weapons 195=ASSAULT/heavy-weapons 20=ASSAULT \
    200=ASSAULT/massacre 201=ASSAULT/cleansing 202=ASSAULT/massacre 203=ASSAULT/cleansing \
    204=ASSAULT/unconventional";

/// PLOVER (type, mode) for a CAMEO event code; `None` when PLOVER has no counterpart.
pub fn cameo_to_plover(code: &str) -> Option<(&'static str, Option<&'static str>)> {
    let code = code.trim();
    (2..=code.len().min(4)).rev().find_map(|n| {
        let prefix = code.get(..n)?;
        TABLE.split_ascii_whitespace().find_map(|entry| {
            let (c, value) = entry.split_once('=')?;
            (c == prefix).then(|| match value.split_once('/') {
                Some((t, m)) => (t, Some(m)),
                None => (value, None),
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        assert_eq!(cameo_to_plover("042"), Some(("CONSULT", Some("visit"))));
        assert_eq!(cameo_to_plover("040"), Some(("CONSULT", None)));
        assert_eq!(cameo_to_plover("0813"), Some(("RETREAT", None)));
        assert_eq!(cameo_to_plover("0811"), Some(("CONCEDE", None)));
        assert_eq!(cameo_to_plover("1712"), Some(("ASSAULT", Some("seize"))));
        assert_eq!(cameo_to_plover("051"), Some(("SUPPORT", None)));
    }

    #[test]
    fn statements_and_junk_have_none() {
        assert_eq!(cameo_to_plover("010"), None);
        assert_eq!(cameo_to_plover("0"), None);
        assert_eq!(cameo_to_plover(""), None);
    }
}
