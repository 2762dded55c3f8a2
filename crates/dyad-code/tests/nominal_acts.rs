//! Acts named by nouns: arrests ("the arrest of X", "arrests were made") and firing owned by
//! the actor before it ("due to police firing"); and an arrest whose arrested is a pronoun
//! bound to nobody. Built-in dictionaries.

mod common;
use common::code;

#[test]
fn an_arrest_noun_is_an_arrest() {
    // The arrested after "of", past a number; the arrester implicit (the police).
    assert_eq!(code("Police confirmed the arrest of three Hamas militants."), ["---COP 173 PSEREBHMS"]);
    // The arrester after "by".
    let events = code("Residents complained about the arrests made by the Kenyan police on Thursday.");
    assert!(events.iter().any(|e| e.starts_with("KENCOP 173")), "{events:?}");
    // Made, with nobody named: the police, and no target read past the noun's own phrase.
    assert_eq!(code("Some arrests have also been made and people booked for inciting violence."), ["---COP 173 "]);
}

#[test]
fn an_arrest_asked_for_or_denied_is_none() {
    for text in [
        "The opposition demanded the arrest of the minister.",
        "No arrests have been made so far.",
        "A court issued a warrant for his arrest.",
    ] {
        assert!(code(text).iter().all(|e| !e.contains(" 173 ")), "{text}: {:?}", code(text));
    }
}

#[test]
fn the_actor_right_before_firing_after_a_preposition_owns_it() {
    let events = code("Officials said 40 deaths were due to police firing on violent mobs.");
    assert!(events.iter().any(|e| e.starts_with("---COP 193")), "{events:?}");
    // The past "fired" is another verb: a company firing workers is no force.
    assert!(code("After the merger the company fired 200 workers.").iter().all(|e| !e.contains(" 19")));
}

#[test]
fn an_arrested_pronoun_bound_to_nobody_leaves_the_arrest() {
    let events = code("Two persons were injured. He was detained by police on Monday.");
    assert!(events.contains(&"---COP 173 ".to_string()), "{events:?}");
}
