//! Negation and modality that make no event: obligations, subjunctives, likelihood, with the
//! built-in dictionaries.

mod common;
use common::code;

fn arrests(text: &str) -> usize {
    code(text).iter().filter(|e| e.contains(" 173 ")).count()
}

#[test]
fn what_ought_to_happen_is_no_event() {
    assert_eq!(arrests("Kenyan police arrested the rebel leaders on Monday."), 1);
    assert_eq!(arrests("The opposition said the rebel leaders should be arrested."), 0);
    assert_eq!(arrests("Kenyan police must arrest the rebel leaders."), 0);
}

#[test]
fn a_subjunctive_be_is_what_is_asked_for() {
    assert_eq!(arrests("Kenyan lawmakers demanded that the rebel leaders be arrested."), 0);
    // With an auxiliary it is a passive like any other.
    assert_eq!(arrests("In Nairobi, the rebel leaders have been arrested by Kenyan police."), 1);
}

#[test]
fn what_is_likely_has_not_happened() {
    assert_eq!(arrests("The rebel leaders are likely to be arrested by Kenyan police."), 0);
}

#[test]
fn what_can_or_may_be_done_has_not_happened() {
    // Ability and permission: the act is possible, not done.
    assert_eq!(arrests("Under the new law, terror suspects can be detained by Kenyan police without trial."), 0);
    assert_eq!(arrests("The law allows Kenyan police to arrest anyone withholding information."), 0);
    assert_eq!(arrests("Kenyan police arrested anyone withholding information."), 1);
}
