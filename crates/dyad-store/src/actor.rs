//! Splitting a CAMEO actor code ("RUSGOV", "IGOUNO", "USAMILREB") into GDELT's actor columns.

/// GDELT's per-actor attribute columns, derived from the code's 3-letter blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorParts {
    pub country: String,
    pub known_group: String,
    /// dyad's dictionaries do not code ethnicity; kept for the column layout.
    pub ethnic: String,
    pub religion: [String; 2],
    pub types: [String; 3],
}

// CAMEO role ("type") codes.
const TYPES: &str = "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH \
    HRI LAB LEG MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET";
// CAMEO religion codes.
const RELIGIONS: &str = "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS \
    MOS MRN NRM PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO";
// CAMEO known-group codes (IGOs, NGOs, armed groups with their own code).
const KNOWN_GROUPS: &str = "AAM ABD ACC ADB AEU AFB ALQ AMF AML AMN AMU ANO APE ARL ASL ASN ATD \
    BCA BIS BTH CEM CFA CIS CMN COE CPA CPC CRC CSS CWN DFL EBR ECA EEC EFT ENN FAO FID FIS FLN \
    FTA GCC GIA GOE GOS GSP GSS HCH HCR HEZ HIP HMS HRW IAC IAD IAE IAF ICC ICG ICJ ICO IDB IGC \
    IHF ILO IMF IOM IPU IRC ISJ ITP JUR KDP KID LBA LKD MBR MRZ MSF MSP NAT NEP NON OAS OAU OIC \
    OPC PAP PFL PLF PLO PLS PMD PRC PSE RCR RND SAA SAD SCE SHA SOT TAL UEM UNO WAD WAM WAS WBK \
    WCT WEF WFP WHO WTO XFM";

fn listed(list: &str, block: &str) -> bool {
    list.split_ascii_whitespace().any(|c| c == block)
}

/// Split `code` into blocks of three: a leading block that is neither a role nor a known group
/// is the country; known groups win over roles (UNO, AMN, IRC are both); the rest fill the role
/// and religion slots in order. Blocks that fit nowhere are ignored.
pub fn split_actor(code: &str) -> ActorParts {
    let mut parts = ActorParts::default();
    let code = code.trim().to_ascii_uppercase();
    if !code.is_ascii() {
        return parts;
    }
    let (mut n_types, mut n_religions) = (0, 0);
    for (i, block) in code.as_bytes().chunks(3).enumerate() {
        let Ok(block) = std::str::from_utf8(block) else {
            continue;
        };
        if block.len() != 3 {
            continue;
        }
        if listed(KNOWN_GROUPS, block) && parts.known_group.is_empty() && block != "IGO" {
            parts.known_group = block.to_string();
        } else if listed(TYPES, block) {
            if n_types < 3 {
                parts.types[n_types] = block.to_string();
                n_types += 1;
            }
        } else if i == 0 && block.bytes().all(|b| b.is_ascii_alphabetic()) {
            parts.country = block.to_string();
        } else if listed(RELIGIONS, block) && n_religions < 2 {
            parts.religion[n_religions] = block.to_string();
            n_religions += 1;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_and_role() {
        let p = split_actor("RUSGOV");
        assert_eq!(p.country, "RUS");
        assert_eq!(p.types[0], "GOV");
        assert_eq!(p.known_group, "");
    }

    #[test]
    fn igo_with_known_group() {
        let p = split_actor("IGOUNO");
        assert_eq!(p.country, "");
        assert_eq!(p.types[0], "IGO");
        assert_eq!(p.known_group, "UNO");
    }

    #[test]
    fn several_roles_and_religion() {
        let p = split_actor("USAMILREBMOS");
        assert_eq!(p.country, "USA");
        assert_eq!(p.types, ["MIL".to_string(), "REB".into(), String::new()]);
        assert_eq!(p.religion[0], "MOS");
    }

    #[test]
    fn odd_input_gives_empty_parts() {
        assert_eq!(split_actor(""), ActorParts::default());
        assert_eq!(split_actor("ÄÖÜ"), ActorParts::default());
        assert_eq!(split_actor("US").country, "");
    }
}
