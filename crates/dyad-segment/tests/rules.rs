//! Exact sentence and token outcomes for the rules in the crate docs.

use dyad_segment::segment_text;

fn sentences(text: &str) -> Vec<String> {
    let doc = segment_text(text);
    doc.sentences.iter().map(|s| doc.sentence_text(s).to_string()).collect()
}

fn tokens(text: &str) -> Vec<String> {
    let doc = segment_text(text);
    doc.tokens.iter().map(|t| doc.token_text(t).to_string()).collect()
}

#[track_caller]
fn assert_sentences(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "sentences of {text:?}");
}

#[track_caller]
fn assert_tokens(text: &str, expected: &[&str]) {
    assert_eq!(tokens(text), expected, "tokens of {text:?}");
}

// ---- sentences ----

#[test]
fn plain_sentences() {
    assert_sentences(
        "Putin sent greetings. Kim replied! Did he? Yes.",
        &["Putin sent greetings.", "Kim replied!", "Did he?", "Yes."],
    );
}

#[test]
fn text_without_final_punctuation_is_one_sentence() {
    assert_sentences("Russia backs dialogue with Pyongyang", &["Russia backs dialogue with Pyongyang"]);
    assert_sentences("First one. Then no period", &["First one.", "Then no period"]);
}

#[test]
fn titles_never_split() {
    assert_sentences(
        "Mr. Kim met Gen. Smith and Lt. Col. Jones. Sen. Warren and Rep. Cole spoke to Gov. Brown.",
        &["Mr. Kim met Gen. Smith and Lt. Col. Jones.", "Sen. Warren and Rep. Cole spoke to Gov. Brown."],
    );
    assert_sentences("Dr. Ng visited St. Petersburg. It rained.", &["Dr. Ng visited St. Petersburg.", "It rained."]);
}

#[test]
fn us_inside_and_at_end_of_sentence() {
    // Inside: the next word is not a sentence starter.
    assert_sentences("The U.S. Army said U.S. officials left.", &["The U.S. Army said U.S. officials left."]);
    // At the end: the next word is a common sentence starter.
    assert_sentences(
        "Kim met envoys from the U.S. The talks failed.",
        &["Kim met envoys from the U.S.", "The talks failed."],
    );
    assert_sentences("He flew to the U.S. He met Trump.", &["He flew to the U.S.", "He met Trump."]);
    // An opening quote after "U.S." starts a sentence too.
    assert_sentences(
        "He criticised the U.S. \u{201c}We will respond,\u{201d} he said.",
        &["He criticised the U.S.", "\u{201c}We will respond,\u{201d} he said."],
    );
}

#[test]
fn company_abbreviations() {
    assert_sentences(
        "Apple Inc. said sales rose. Samsung Electronics Co. Ltd. disagreed.",
        &["Apple Inc. said sales rose.", "Samsung Electronics Co. Ltd. disagreed."],
    );
    assert_sentences("He works for Acme Corp. The firm denied it.", &["He works for Acme Corp.", "The firm denied it."]);
}

#[test]
fn initials_and_juniors() {
    assert_sentences(
        "George W. Bush met J.R.R. Tolkien fans. Martin Luther King Jr. spoke.",
        &["George W. Bush met J.R.R. Tolkien fans.", "Martin Luther King Jr. spoke."],
    );
    assert_sentences("The plan was called Plan B. The army rejected it.", &["The plan was called Plan B.", "The army rejected it."]);
}

#[test]
fn juniors_and_two_letter_capitals() {
    assert_sentences(
        "He met Martin Luther King Jr. He was young. It was reported by the FT. But nobody confirmed it.",
        &["He met Martin Luther King Jr.", "He was young.", "It was reported by the FT.", "But nobody confirmed it."],
    );
    // All-caps titles of three letters or more keep their period.
    assert_sentences("GEN. SMITH SPOKE. THE END.", &["GEN. SMITH SPOKE.", "THE END."]);
}

#[test]
fn spaced_ellipsis_does_not_split() {
    assert_sentences(
        "\"It was a strange match. . . momentum swings,\" said Hewitt. He won.",
        &["\"It was a strange match. . . momentum swings,\" said Hewitt.", "He won."],
    );
}

#[test]
fn number_abbreviation_and_decimals() {
    assert_sentences(
        "Resolution No. 2 passed with 3.5 percent. It was the No. 1 issue.",
        &["Resolution No. 2 passed with 3.5 percent.", "It was the No. 1 issue."],
    );
    // "no." that is not before a number is the word "no".
    assert_sentences("He said no. The talks ended.", &["He said no.", "The talks ended."]);
}

#[test]
fn latin_and_time_abbreviations() {
    assert_sentences(
        "Allies, e.g. Japan, agreed, i.e. they signed. Russia vs. Ukraine continued.",
        &["Allies, e.g. Japan, agreed, i.e. they signed.", "Russia vs. Ukraine continued."],
    );
    assert_sentences(
        "The strike came at 4 a.m. Tuesday. It ended at 5 p.m. The army withdrew.",
        &["The strike came at 4 a.m. Tuesday.", "It ended at 5 p.m.", "The army withdrew."],
    );
}

#[test]
fn month_abbreviations() {
    assert_sentences(
        "The talks began Jan. 5 and ended Sept. 30. They resume in Dec. The date is set.",
        &["The talks began Jan. 5 and ended Sept. 30.", "They resume in Dec.", "The date is set."],
    );
}

#[test]
fn ellipses_and_repeated_marks() {
    assert_sentences(
        "He hesitated... and then agreed. Really?! Yes... The end\u{2026} Fine.",
        &["He hesitated... and then agreed.", "Really?!", "Yes...", "The end\u{2026}", "Fine."],
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    assert_sentences(
        "\"We are ready,\" he said. \"We will talk.\" Next came silence.",
        &["\"We are ready,\" he said.", "\"We will talk.\"", "Next came silence."],
    );
    assert_sentences(
        "\u{201c}Go home!\u{201d} he shouted. (They did.) Then it rained.",
        &["\u{201c}Go home!\u{201d} he shouted.", "(They did.)", "Then it rained."],
    );
    // A question inside a quote followed by a lower-case word continues the sentence.
    assert_sentences("\"Why?\" he asked. Nobody knew.", &["\"Why?\" he asked.", "Nobody knew."]);
}

#[test]
fn quotes_spanning_sentences_split_inside_the_quote() {
    assert_sentences(
        "Putin said: \u{201c}I am satisfied. I am convinced we will continue.\u{201d} Kim agreed.",
        &["Putin said: \u{201c}I am satisfied.", "I am convinced we will continue.\u{201d}", "Kim agreed."],
    );
}

#[test]
fn no_space_no_boundary() {
    assert_sentences("Visit breitbart.com today. Version 2.1.3 shipped.", &["Visit breitbart.com today.", "Version 2.1.3 shipped."]);
}

#[test]
fn paragraphs_split_on_blank_lines() {
    let doc = segment_text("First paragraph here.\n\n  \nSecond one. Two sentences.\n\nThird");
    let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| &doc.text[p.start..p.end]).collect();
    assert_eq!(paragraphs, ["First paragraph here.", "Second one. Two sentences.", "Third"]);
    let by_paragraph: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(by_paragraph, [0, 1, 1, 2]);
}

#[test]
fn sentences_never_cross_paragraphs() {
    // No final punctuation at the paragraph end: the blank line still ends the sentence.
    assert_sentences("A headline without a period\n\nThe body starts here.", &["A headline without a period", "The body starts here."]);
    // Even after a title abbreviation.
    assert_sentences("He met Gen.\n\nSmith was there.", &["He met Gen.", "Smith was there."]);
}

#[test]
fn hard_wrapped_lines_continue_the_sentence() {
    let text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects, Comissaria Smith said.\n    The dry period means the temporao will be late this year.";
    assert_sentences(
        text,
        &[
            "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects, Comissaria Smith said.",
            "The dry period means the temporao will be late this year.",
        ],
    );
}

#[test]
fn indented_line_starts_a_sentence() {
    assert_sentences(
        "Bread wheat prev 1,655.8, total 2,692.4 (4,161.0)\n    Maize Mar 48.0, total 48.0 (nil)",
        &["Bread wheat prev 1,655.8, total 2,692.4 (4,161.0)", "Maize Mar 48.0, total 48.0 (nil)"],
    );
}

#[test]
fn line_ending_in_final_punctuation_ends_the_sentence() {
    assert_sentences("They met in Moscow.\nthe talks were secret", &["They met in Moscow.", "the talks were secret"]);
}

#[test]
fn short_lines_are_headings_long_lines_are_paragraphs() {
    // Byline (short line) then body.
    assert_sentences("By Jennie Oh\nNorth Korean leader Kim Jong Un called.", &["By Jennie Oh", "North Korean leader Kim Jong Un called."]);
    // One paragraph per line, no final punctuation: a line over 100 characters is not wrapped.
    let long = "North Korean leader Kim Jong Un called to congratulate Russian President Vladimir Putin. Photo by KCNA/UPI";
    assert!(long.chars().count() > 100);
    let text = format!("{long}\nNorth Korean leader Kim Jong Un called.");
    assert_sentences(
        &text,
        &[
            "North Korean leader Kim Jong Un called to congratulate Russian President Vladimir Putin.",
            "Photo by KCNA/UPI",
            "North Korean leader Kim Jong Un called.",
        ],
    );
    // A wrapped-length line (40 to 100 characters) before a capital continues.
    assert_sentences(
        "Russia said on Tuesday that it would hold talks with\nPyongyang next month.",
        &["Russia said on Tuesday that it would hold talks with\nPyongyang next month."],
    );
    // A line ending in a comma continues even when short.
    assert_sentences("Moscow, Beijing,\nTokyo and Seoul agreed.", &["Moscow, Beijing,\nTokyo and Seoul agreed."]);
}

#[test]
fn cjk_full_stops_split_without_space() {
    assert_sentences("金正恩は会談した。プーチンも同意した。", &["金正恩は会談した。", "プーチンも同意した。"]);
}

#[test]
fn only_punctuation_or_emoji() {
    assert_sentences("...!?", &["...!?"]);
    assert_sentences("\u{1f600} \u{1f1fa}\u{1f1f8}", &["\u{1f600} \u{1f1fa}\u{1f1f8}"]);
    assert_sentences("", &[] as &[&str]);
    assert_sentences(" \n\n \t ", &[] as &[&str]);
}

// ---- tokens ----

#[test]
fn abbreviations_keep_their_period() {
    assert_tokens(
        "Mr. Kim, Lt. Col. Ri, the U.S. and e.g. 5 a.m. Jan. 5",
        &["Mr.", "Kim", ",", "Lt.", "Col.", "Ri", ",", "the", "U.S.", "and", "e.g.", "5", "a.m.", "Jan.", "5"],
    );
    assert_tokens("George W. Bush and J.R.R. Tolkien", &["George", "W.", "Bush", "and", "J.R.R.", "Tolkien"]);
    assert_tokens("He said no. No. 2 won", &["He", "said", "no", ".", "No.", "2", "won"]);
    // A period after an ordinary word is its own token.
    assert_tokens("Moscow.", &["Moscow", "."]);
}

#[test]
fn numbers() {
    assert_tokens(
        "up to 13,000 km, 3.5%, the 1950-53 war, $1.13bn (\u{a3}600m) at 10:30 in 1986/87, .5 and 5.",
        &[
            "up", "to", "13,000", "km", ",", "3.5%", ",", "the", "1950-53", "war", ",", "$", "1.13bn", "(",
            "\u{a3}", "600m", ")", "at", "10:30", "in", "1986/87", ",", ".5", "and", "5", ".",
        ],
    );
    let doc = segment_text("13,000 3.5% 1950-53 word");
    let kinds: Vec<_> = doc.tokens.iter().map(|t| t.kind).collect();
    use dyad_doc::TokenKind::*;
    assert_eq!(kinds, [Number, Number, Number, Word]);
}

#[test]
fn hyphenated_words_split_as_universal_dependencies_does() {
    assert_tokens("Kim Jong-un's state-run media", &["Kim", "Jong", "-", "un", "'s", "state", "-", "run", "media"]);
    assert_tokens("Hamas-linked gunmen", &["Hamas", "-", "linked", "gunmen"]);
    assert_tokens("a 5-year-old - and -- then\u{2014}now", &["a", "5", "-", "year", "-", "old", "-", "and", "--", "then", "\u{2014}", "now"]);
    // Bound prefixes, number ranges and phone numbers stay whole.
    assert_tokens("non-aligned co-workers e-mail 1950-53 713-853-3989", &["non-aligned", "co-workers", "e-mail", "1950-53", "713-853-3989"]);
    assert_tokens("Anti-Taliban forces", &["Anti-Taliban", "forces"]);
}

#[test]
fn fused_words_split() {
    assert_tokens("I cannot go, we're gonna stay", &["I", "can", "not", "go", ",", "we", "'re", "gon", "na", "stay"]);
    assert_tokens("CANNOT", &["CAN", "NOT"]);
    assert_tokens("cannots canon", &["cannots", "canon"]);
}

#[test]
fn possessives_and_contractions() {
    assert_tokens("Putin's", &["Putin", "'s"]);
    assert_tokens("Putin\u{2019}s", &["Putin", "\u{2019}s"]);
    assert_tokens(
        "didn't won't can't they're we've I'll she'd I'm DON'T",
        &["did", "n't", "wo", "n't", "ca", "n't", "they", "'re", "we", "'ve", "I", "'ll", "she", "'d", "I", "'m", "DO", "N'T"],
    );
    assert_tokens("doesn\u{2019}t", &["does", "n\u{2019}t"]);
    // Apostrophes inside names stay; a plural possessive apostrophe is punctuation.
    assert_tokens("O'Brien and Cote d'Ivoire and the Joneses' car", &["O'Brien", "and", "Cote", "d'Ivoire", "and", "the", "Joneses", "'", "car"]);
}

#[test]
fn quotes_and_brackets() {
    assert_tokens(
        "\u{201c}greetings\u{201d} \u{2018}Sincere\u{2019} \"yes\" 'no' (UPI) [as president]",
        &[
            "\u{201c}", "greetings", "\u{201d}", "\u{2018}", "Sincere", "\u{2019}", "\"", "yes", "\"", "'", "no", "'", "(", "UPI",
            ")", "[", "as", "president", "]",
        ],
    );
}

#[test]
fn urls_emails_handles() {
    assert_tokens(
        "Follow @ben_kew, email bkew@breitbart.com. See https://www.upi.com/Top_News/2018/03/20/ (or www.kcna.kp).",
        &[
            "Follow", "@ben_kew", ",", "email", "bkew@breitbart.com", ".", "See", "https://www.upi.com/Top_News/2018/03/20/",
            "(", "or", "www.kcna.kp", ")", ".",
        ],
    );
    assert_tokens("john.smith@state.gov #MeToo", &["john.smith@state.gov", "#MeToo"]);
    // Not e-mails.
    assert_tokens("a@b and x@y.", &["a", "@", "b", "and", "x", "@", "y", "."]);
}

#[test]
fn ellipsis_and_marks_are_one_token() {
    assert_tokens("Wait... what?! No\u{2026}", &["Wait", "...", "what", "?!", "No", "\u{2026}"]);
}

#[test]
fn symbols_and_emoji() {
    use dyad_doc::TokenKind::*;
    let doc = segment_text("Peace \u{1f54a}\u{fe0f} \u{1f44d}\u{1f3fd} \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f1f0}\u{1f1f7} + \u{20ac}5");
    let got: Vec<(&str, _)> = doc.tokens.iter().map(|t| (doc.token_text(t), t.kind)).collect();
    assert_eq!(
        got,
        [
            ("Peace", Word),
            ("\u{1f54a}\u{fe0f}", Symbol),
            ("\u{1f44d}\u{1f3fd}", Symbol),
            ("\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}", Symbol),
            ("\u{1f1f0}\u{1f1f7}", Symbol),
            ("+", Symbol),
            ("\u{20ac}", Symbol),
            ("5", Number),
        ]
    );
}

#[test]
fn cjk_runs_and_accents() {
    assert_tokens("金正恩 委员长 said", &["金正恩", "委员长", "said"]);
    // Decomposed accent (e + combining acute) stays in the word; NBSP separates.
    assert_tokens("Pe\u{301}rez\u{a0}Moscú", &["Pe\u{301}rez", "Moscú"]);
    assert_tokens("zero\u{200b}width", &["zero", "width"]);
}

#[test]
fn seed_sentence_tokens() {
    assert_tokens(
        "Russian President Vladimir Putin sent North Korean dictator Kim Jong-un \u{201c}greetings\u{201d} for the country\u{2019}s independence celebrations, state media reported on Thursday.",
        &[
            "Russian", "President", "Vladimir", "Putin", "sent", "North", "Korean", "dictator", "Kim", "Jong", "-", "un", "\u{201c}",
            "greetings", "\u{201d}", "for", "the", "country", "\u{2019}s", "independence", "celebrations", ",", "state", "media",
            "reported", "on", "Thursday", ".",
        ],
    );
}

#[test]
fn stage_replaces_previous_segmentation() {
    use dyad_doc::{Document, Stage};
    let mut doc = segment_text("One. Two. Three.");
    assert_eq!(doc.sentences.len(), 3);
    doc.text = "Just one".to_string();
    fn default_exists<T: Default>() -> T {
        T::default()
    }
    let segmenter: dyad_segment::Segmenter = default_exists();
    segmenter.run(&mut doc);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(doc.tokens.len(), 2);
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(dyad_segment::Segmenter.name(), "segment");
    let _ = Document::default();
}
