//! Coordinated predicates share their subject, and an object "him" is not the sentence's own
//! subject. Built-in dictionaries; sentences written for these tests.

use dyad_code::Coder;
use std::sync::OnceLock;

fn triples(text: &str) -> Vec<String> {
    static CODER: OnceLock<Coder> = OnceLock::new();
    let coder = CODER.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts));
    let mut doc = dyad_segment::segment_text(text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2024, 4, 1);
    coder.code_document(&doc).iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

#[test]
fn coordinated_verbs_share_the_subject_and_him_is_the_other_person() {
    let t = triples("Vladimir Putin congratulated Xi Jinping on the anniversary and invited him to visit Russia in May.");
    assert!(t.contains(&"RUSGOV 051 CHNGOV".to_string()), "{t:?}");
    assert!(t.contains(&"RUSGOV 036 CHNGOV".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("CHNGOV 036 RUSGOV")), "{t:?}");
}

#[test]
fn him_in_an_infinitive_after_the_other_person_is_the_subject() {
    // "to visit him": Xi visits Putin.
    let t = triples("Vladimir Putin invited Xi Jinping to visit him in Moscow.");
    assert!(t.contains(&"RUSGOV 036 CHNGOV".to_string()), "{t:?}");
    assert!(t.contains(&"CHNGOV 036 RUSGOV".to_string()), "{t:?}");
}

#[test]
fn a_new_subject_after_and_is_no_shared_subject() {
    // "and Joe Biden criticized": the verb has its own subject right before it.
    let t = triples("Vladimir Putin met Xi Jinping and Joe Biden criticized Angela Merkel.");
    assert!(t.contains(&"USAGOV 111 DEUELI".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("RUSGOV 111")), "{t:?}");
}

#[test]
fn two_coordinated_phrases_of_a_symmetric_verb_act_on_each_other() {
    // "activists and the district police clashed": each side on the other.
    let events = triples("Hindu activists and the south district police clashed over the ceremony.");
    assert!(events.iter().any(|e| e.starts_with("---COP 190")), "{events:?}");
    assert!(events.iter().any(|e| e.ends_with("190 ---COP")), "{events:?}");
    // The agreement is the act's own object; the first member ends in a name no dictionary
    // knows, and the pattern `+ and $ *` takes it as target: both ways all the same.
    let events = triples("U.S. Trade Representative Robert Zoellick and the Kuwaiti minister signed an agreement.");
    assert!(events.contains(&"USAGOV 057 KWTGOV".to_string()) && events.contains(&"KWTGOV 057 USAGOV".to_string()), "{events:?}");
    // "and" inside a name joins no actors.
    let events = triples("The documents were presented by officials of the US Food and Drug Administration at a meeting.");
    assert!(events.iter().all(|e| !e.contains(" 04")), "{events:?}");
    // Acting together on an object: not on each other.
    let events = triples("Ms Jamieson and First Minister Jack McConnell met supporters' representatives.");
    assert!(events.iter().all(|e| !e.contains(" 04")), "{events:?}");
}

#[test]
fn coordinated_titled_names_keep_their_own_countries() {
    // However the parser splits "and Eritrean President Isaias Afwerki", the adjective is
    // Eritrea's president, not a country on its own.
    let events = triples("Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki signed an agreement.");
    assert!(events.contains(&"ETHGOV 057 ERIGOV".to_string()) && events.contains(&"ERIGOV 057 ETHGOV".to_string()), "{events:?}");
    let events = triples("Kim Jong Un met his South Korean and U.S. counterparts.");
    assert!(events.contains(&"PRKGOV 040 KORGOV".to_string()) && events.contains(&"PRKGOV 040 USAGOV".to_string()), "{events:?}");
}
