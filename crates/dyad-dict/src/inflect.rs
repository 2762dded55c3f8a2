//! Regular English inflections for verbs and nouns, for dictionary entries that do not
//! spell their forms out. Input and output are lowercase single words.

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Short consonant-vowel-consonant verbs double their last letter: stop → stopped.
/// Only one-syllable words: stress on longer ones ("visit" vs "commit") is not in the
/// spelling, so those are left to explicit forms.
fn doubles_final(w: &[u8]) -> bool {
    let n = w.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (w[n - 3], w[n - 2], w[n - 1]);
    let cvc = !is_vowel(a)
        && is_vowel(b)
        && c.is_ascii_alphabetic()
        && !is_vowel(c)
        && !matches!(c, b'w' | b'x' | b'y');
    let vowel_groups = w
        .iter()
        .enumerate()
        .filter(|&(i, &ch)| is_vowel(ch) && (i == 0 || !is_vowel(w[i - 1])))
        .count();
    // "qu" acts as a consonant: quit → quitted is rare, but quiz → quizzed.
    cvc && vowel_groups == 1 && !(a == b'u' && n >= 4 && w[n - 4] == b'q')
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// Third person singular: agree → agrees, push → pushes, deny → denies.
pub fn third_person(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Past tense / participle: agree → agreed, deny → denied, stop → stopped.
pub fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if ends_consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if doubles_final(w.as_bytes()) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

/// Present participle: agree → agreeing, make → making, die → dying, stop → stopping.
pub fn gerund(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.len() > 2
        && w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
    {
        format!("{}ing", &w[..w.len() - 1])
    } else if doubles_final(w.as_bytes()) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// The base form and its regular inflections.
pub fn verb_forms(w: &str) -> [String; 4] {
    [w.to_string(), third_person(w), past(w), gerund(w)]
}

/// Regular forms of a multi-word verb, inflecting the word at `head` ("cordon off" with
/// head 0 → "cordoned off", "wire tap" with head 1 → "wire tapped").
pub fn phrase_verb_forms(words: &[&str], head: usize) -> Vec<String> {
    verb_forms(words[head])
        .into_iter()
        .map(|f| {
            let mut ws: Vec<&str> = words.to_vec();
            ws[head] = &f;
            ws.join(" ")
        })
        .collect()
}

/// Regular noun plural per PETRARCH's rule: -y → -ies (after a consonant), -ss/-s/-x/-ch/-sh
/// → -es, else -s.
pub fn plural(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Plural of a phrase: the last word is inflected ("prime minister" → "prime ministers").
pub fn phrase_plural(p: &str) -> String {
    match p.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", plural(last)),
        None => plural(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        assert_eq!(
            verb_forms("agree"),
            ["agree", "agrees", "agreed", "agreeing"]
        );
        assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(verb_forms("stop"), ["stop", "stops", "stopped", "stopping"]);
        assert_eq!(
            verb_forms("visit"),
            ["visit", "visits", "visited", "visiting"]
        );
        assert_eq!(verb_forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(verb_forms("make")[3], "making");
        assert_eq!(verb_forms("play"), ["play", "plays", "played", "playing"]);
        assert_eq!(verb_forms("die")[3], "dying");
        assert_eq!(verb_forms("fix")[2], "fixed");
        assert_eq!(verb_forms("meet")[2], "meeted"); // irregular: written explicitly
    }

    #[test]
    fn multiword_verbs() {
        assert_eq!(
            phrase_verb_forms(&["cordon", "off"], 0),
            ["cordon off", "cordons off", "cordoned off", "cordoning off"]
        );
        assert_eq!(phrase_verb_forms(&["wire", "tap"], 1)[2], "wire tapped");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("country"), "countries");
        assert_eq!(plural("boss"), "bosses");
        assert_eq!(plural("day"), "days");
        assert_eq!(phrase_plural("prime minister"), "prime ministers");
    }
}
