//! Mentions from the dependency tree: each dictionary match (a *piece*: "NATO", "commander",
//! "Danish") climbs from its top word to the head of its noun phrase along `compound`, `flat`,
//! `amod`, `nmod:poss`, `nmod` with "of"/"from"/"in"/"at", and `appos`; the pieces that reach
//! the same head are one unit, composed by `compose` from the names nearest the head
//! (`rank`). Coordination (`conj`) makes compounds: conjuncts of the head are units of one
//! mention ("Russia and China"); conjuncts of a modifier share the rest of the phrase
//! ("Russian and Chinese officials", "the ambassadors of Arnor and Gondor").

use super::{add_hit, codes_of, office, pronoun_at, share_trailing_agents, AgentRef, Mention, Unit};
use crate::compile::NameKind;
use crate::tag::Tagged;
use crate::tree::Tree;
use chrono::NaiveDate;
use dyad_dict::Dictionaries;
use dyad_doc::Upos;

/// Ranks of the ways a name joins a phrase, nearest first (see `compose`).
pub const RANK_MODIFIER: u8 = 0;
pub const RANK_APPOS: u8 = 1;
pub const RANK_OF: u8 = 2;
pub const RANK_IN: u8 = 3;

const NONE: usize = usize::MAX;

/// How word `w` hangs on its head inside a noun phrase: its rank and label, or `None` when
/// the relation leaves the phrase (a verb's argument, "talks with China", a conjunct).
pub fn link(t: &Tagged, tree: &Tree, w: usize) -> Option<(u8, &'static str)> {
    if tree.rel_is(w, "compound") {
        return Some((RANK_MODIFIER, "compound"));
    }
    if tree.rel_is(w, "flat") {
        return Some((RANK_MODIFIER, "flat"));
    }
    if tree.rel_is(w, "amod") {
        return Some((RANK_MODIFIER, "amod"));
    }
    if tree.rel_is(w, "nmod:poss") {
        return Some((RANK_MODIFIER, "nmod:poss"));
    }
    // The parser's label for a title before a name ("President Kagame").
    if tree.rel_is(w, "nmod:desc") {
        return Some((RANK_MODIFIER, "title"));
    }
    // An apposition is set off by punctuation ("The NATO commander in Kosovo, a Danish
    // general"); without it the parse is mostly a second object ("called Merkel a stupid
    // leader").
    if tree.rel_is(w, "appos") {
        let set_off = tree.head[w].is_some_and(|h| h > w || (h + 1..w).any(|k| t.words[k].punct));
        return set_off.then_some((RANK_APPOS, "appos"));
    }
    if tree.rel_is(w, "nmod") {
        let case = tree.child(w, "case").map(|c| t.words[c].norm.as_str());
        return match case {
            Some("of") => Some((RANK_OF, "of")),
            Some("from") => Some((RANK_OF, "from")),
            Some("in" | "at") => Some((RANK_IN, "in")),
            None if t.words[w].possessive => Some((RANK_MODIFIER, "nmod:poss")),
            _ => None,
        };
    }
    None
}

/// The rank and label of the path from word `from` up to its ancestor `to`: the farthest
/// step decides ("Afghan" amod "province" of "governor": of).
fn path_rank(t: &Tagged, tree: &Tree, from: usize, to: usize) -> (u8, &'static str) {
    if !tree.dominates(to, from) {
        return (RANK_MODIFIER, "next word");
    }
    let mut best = (RANK_MODIFIER, "head");
    let mut w = from;
    let mut first = true;
    for _ in 0..tree.len() {
        if w == to {
            break;
        }
        let Some((rank, label)) = link(t, tree, w) else {
            // A relation outside the phrase links ("nmod:desc"): a plain modifier.
            if first {
                best = (RANK_MODIFIER, "dependent");
            }
            break;
        };
        if first || rank > best.0 {
            best = (rank, label);
        }
        first = false;
        let Some(h) = tree.head[w] else { break };
        w = h;
    }
    best
}

/// Whether piece `from`, following what each piece climbs onto, reaches piece `to`.
fn climbs_to(up: &[usize], top: &[usize], piece_of: &[usize], from: usize, to: usize) -> bool {
    let mut at = from;
    for _ in 0..up.len() {
        if at == to {
            return true;
        }
        let q = piece_of[up[at]];
        if up[at] == top[at] || q == NONE {
            return false;
        }
        at = q;
    }
    true
}

/// Build the sentence's mentions from its tree (`tree.len() == t.words.len()`).
pub fn build(t: &Tagged, tree: &Tree, d: &Dictionaries, date: Option<NaiveDate>) -> Vec<Mention> {
    let n = t.words.len();
    // 1. Pieces: one per dictionary match, and pronouns.
    let mut pieces: Vec<Unit> = Vec::new();
    let (mut i, mut k) = (0, 0);
    while i < n {
        while k < t.nouns.len() && t.nouns[k].start < i {
            k += 1;
        }
        if k < t.nouns.len() && t.nouns[k].start == i {
            let mut u = Unit { start: i, end: i, ..Default::default() };
            add_hit(&mut u, &t.nouns[k], d, date);
            u.end = u.end.clamp(i + 1, n);
            i = u.end;
            pieces.push(u);
        } else if let Some(u) = pronoun_at(t, i) {
            i = u.end.min(n);
            pieces.push(u);
        } else {
            i += 1;
        }
    }
    let mut piece_of = vec![NONE; n];
    for (k, p) in pieces.iter().enumerate() {
        for slot in &mut piece_of[p.start..p.end] {
            *slot = k;
        }
    }
    let is_name_piece = |k: usize| k != NONE && pieces[k].pronoun.is_none();
    // The word of each piece that hangs outside it.
    let top: Vec<usize> = pieces
        .iter()
        .map(|p| tree.head_of(p.start, p.end).unwrap_or(p.end - 1))
        .collect();
    // 2. Climb: the highest piece above along phrase links, else the noun right above a
    // modifier ("President Umbardacil", "the Afghan province").
    let mut up = top.clone();
    for k in 0..pieces.len() {
        if pieces[k].pronoun.is_some() {
            continue;
        }
        let (mut w, mut highest, mut first) = (top[k], None, None);
        for step in 0..n {
            let Some(h) = tree.head[w] else { break };
            let Some((rank, _)) = link(t, tree, w) else { break };
            let q = piece_of[h];
            let on_piece = is_name_piece(q) && q != k;
            // "France, Germany, and Britain" parsed with Germany as an apposition: one name
            // in apposition to another is a list, joined below.
            if rank == RANK_APPOS && on_piece && bare_name(&pieces[k]) && bare_name(&pieces[q]) {
                break;
            }
            if !on_piece && !matches!(tree.upos[h], Upos::NOUN | Upos::PROPN) {
                break;
            }
            // A phrase never spans a verb the dictionaries found: "Nigerian police arrested
            // opposition leaders" parsed with "arrested" as an adjective is two phrases.
            let (lo, hi) = (w.min(h), w.max(h));
            if (lo + 1..hi).chain([h]).any(|x| t.in_verb[x] && piece_of[x] == NONE) {
                break;
            }
            if on_piece {
                highest = Some(h);
            } else if step == 0 && rank == RANK_MODIFIER {
                first = Some(h);
            }
            w = h;
        }
        up[k] = highest.or(first).unwrap_or(top[k]);
    }
    // A match the tree left on its own right before another ("Kenyan police" misparsed) is
    // a modifier of the next, as written.
    for k in 0..pieces.len().saturating_sub(1) {
        let next = k + 1;
        if up[k] == top[k]
            && is_name_piece(k)
            && is_name_piece(next)
            && pieces[next].start == pieces[k].end
            && !tree.rel_is(top[k], "conj")
            && !climbs_to(&up, &top, &piece_of, next, k)
        {
            up[k] = top[next];
        }
    }
    // The phrase head each piece belongs to (following pieces that climbed onto pieces).
    let key: Vec<usize> = (0..pieces.len())
        .map(|k| {
            let mut at = k;
            for _ in 0..pieces.len() {
                let h = up[at];
                let q = piece_of[h];
                if h == top[at] || q == NONE || q == at {
                    return h;
                }
                at = q;
            }
            up[at]
        })
        .collect();
    // 3. Conjuncts of a modifier inside another phrase: "Chinese" in "Russian and Chinese
    // officials" stands where "Russian" stands.
    let mut coordinate_of = vec![NONE; pieces.len()];
    for k in 0..pieces.len() {
        if !is_name_piece(k) || key[k] != top[k] || !tree.rel_is(top[k], "conj") {
            continue;
        }
        let Some(g) = tree.head[top[k]] else { continue };
        if !coordination(tree, g) {
            continue;
        }
        let q = piece_of[g];
        // Not a conjunct of an apposition ("leader Muammar Gaddafi and Bulgarian President
        // ..." misparsed): that is a phrase of its own, joined by `conj` below.
        if is_name_piece(q) && key[q] != top[q] && pieces[q].start < pieces[k].start && path_rank(t, tree, top[q], key[q]).0 != RANK_APPOS {
            coordinate_of[k] = q;
        }
    }
    // Modifiers of one head joined by "and"/"or" without a `conj` ("US and British forces"
    // parsed as two modifiers): the later stands in for the earlier, as a conjunct would.
    let mut key = key;
    for k in 1..pieces.len() {
        let q = k - 1;
        if !is_name_piece(k) || !is_name_piece(q) || coordinate_of[k] != NONE || key[k] != key[q] || key[k] == top[k] || key[q] == top[q] {
            continue;
        }
        let gap = &t.words[pieces[q].end..pieces[k].start];
        let joined = !gap.is_empty() && gap.iter().all(|w| matches!(w.norm.as_str(), "and" | "or" | ",")) && gap.iter().any(|w| w.norm != ",");
        let same_head = tree.head[top[k]] == tree.head[top[q]] && link(t, tree, top[k]).is_some_and(|(r, _)| r == RANK_MODIFIER);
        let bare = pieces[k].agents.is_empty() && pieces[q].agents.is_empty();
        if joined && same_head && bare {
            coordinate_of[k] = q;
            key[k] = top[k];
        }
    }
    // 4. Groups: pieces by phrase head, in order of their first word.
    let mut heads: Vec<usize> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (k, &h) in key.iter().enumerate() {
        match heads.iter().position(|&x| x == h) {
            Some(g) => members[g].push(k),
            None => {
                heads.push(h);
                members.push(vec![k]);
            }
        }
    }
    let group_of_piece = |k: usize| heads.iter().position(|&x| x == key[k]).unwrap_or(0);
    // Distributed groups by the group (and piece) they coordinate with.
    let mut coordinated: Vec<Vec<(usize, usize)>> = vec![Vec::new(); heads.len()];
    let mut absorbed = vec![false; heads.len()];
    for (k, &q) in coordinate_of.iter().enumerate() {
        if q == NONE {
            continue;
        }
        let (gk, gq) = (group_of_piece(k), group_of_piece(q));
        if gk == gq || absorbed[gq] || coordinated[gq].first().is_some_and(|(_, q0)| *q0 != q) {
            continue;
        }
        coordinated[gq].push((gk, q));
        absorbed[gk] = true;
    }
    // Bare roles coordinated with a phrase's head inside it share its place: "Lawmakers and
    // officials in Fornost and Gondor" are Fornost's and Gondor's lawmakers and officials.
    let mut head_conjuncts: Vec<Vec<usize>> = vec![Vec::new(); heads.len()];
    for c in 0..heads.len() {
        let bare_role = members[c].iter().all(|&p| is_name_piece(p) && pieces[p].actors.is_empty() && !pieces[p].agents.is_empty());
        let Some(g) = tree.head[heads[c]].and_then(|h| heads.iter().position(|&x| x == h)) else { continue };
        if absorbed[c] || absorbed[g] || g == c || !bare_role || !tree.rel_is(heads[c], "conj") || !coordination(tree, heads[g]) {
            continue;
        }
        let place = members[g].iter().any(|&p| !pieces[p].actors.is_empty() && path_rank(t, tree, top[p], heads[g]).0 >= RANK_OF);
        let inside = members[g].iter().any(|&p| pieces[p].start > pieces[members[c][0]].start);
        if place && inside {
            head_conjuncts[g].push(c);
            absorbed[c] = true;
        }
    }
    // 5. Units, one group (or one conjunct of a distributed group) each.
    let mut units: Vec<(Unit, usize)> = Vec::new();
    let with_roles_of = |u: &Unit, c: usize| {
        let mut v = u.clone();
        v.agents = members[c].iter().flat_map(|&p| pieces[p].agents.iter().cloned()).collect();
        v.person_like = v.agents.iter().any(|g| office(&g.role));
        v.codes = codes_of(&v);
        v
    };
    for g in 0..heads.len() {
        if absorbed[g] {
            continue;
        }
        let head = heads[g];
        let base = unit_of(t, tree, &pieces, &members[g], head, None);
        if coordinated[g].is_empty() {
            for &c in &head_conjuncts[g] {
                units.push((with_roles_of(&base, c), g));
            }
            units.push((base, g));
            continue;
        }
        let q = coordinated[g][0].1;
        let (q_rank, q_via) = path_rank(t, tree, top[q], head);
        let mut variants = vec![unit_of(t, tree, &pieces, &members[g], head, None)];
        let end = coordinated[g].iter().map(|(c, _)| unit_of(t, tree, &pieces, &members[*c], heads[*c], None).end).max().unwrap_or(base.end).max(base.end);
        for &(c, _) in &coordinated[g] {
            let mut ps: Vec<usize> = members[g].iter().copied().filter(|&p| p != q).collect();
            ps.extend(members[c].iter().copied());
            let mut u = unit_of(t, tree, &pieces, &ps, head, Some((&members[c], q_rank, q_via)));
            u.start = pieces[members[c][0]].start;
            variants.push(u);
        }
        variants.sort_by_key(|u| u.start);
        for j in 0..variants.len() {
            let next = variants.get(j + 1).map_or(end, |u| u.start);
            if j > 0 {
                variants[j].end = next;
            } else {
                variants[j].start = base.start.min(variants[j].start);
                variants[j].end = next;
            }
        }
        for u in variants {
            if u.start < u.end {
                for &c in &head_conjuncts[g] {
                    units.push((with_roles_of(&u, c), g));
                }
                units.push((u, g));
            }
        }
    }
    units.sort_by_key(|(u, _)| u.start);
    // Phrases the tree nests oddly may overlap: join them, keeping mentions disjoint.
    let mut disjoint: Vec<(Unit, usize)> = Vec::new();
    for (u, g) in units {
        match disjoint.last_mut() {
            // Units of one group may share words (a role shared over several places).
            Some((prev, pg)) if u.start < prev.end && *pg != g => {
                prev.end = prev.end.max(u.end);
                prev.actors.extend(u.actors);
                prev.agents.extend(u.agents);
                prev.person_like |= u.person_like;
                if prev.pronoun.is_some() || u.pronoun.is_some() {
                    prev.pronoun = prev.pronoun.take().or(u.pronoun);
                } else {
                    prev.codes = codes_of(prev);
                }
            }
            _ => disjoint.push((u, g)),
        }
    }
    // 6. Mentions: a unit joins the one before when it is the same distributed group, or its
    // head is a conjunct of a word in it ("Russia and China", "Danish media and government").
    let mut out: Vec<(Mention, Vec<usize>)> = Vec::new();
    for (u, g) in disjoint {
        let joins = out.last().is_some_and(|(m, groups)| {
            u.pronoun.is_none()
                && m.units.iter().all(|x| x.pronoun.is_none())
                && (groups.contains(&g)
                    || u.head.is_some_and(|h| {
                        tree.rel_is(h, "conj") && tree.head[h].is_some_and(|gw| m.start <= gw && gw < m.end && coordination(tree, gw))
                    })
                    || list_head_split(t, tree, m, &u)
                    || bare_name(&u)
                        && m.units.last().is_some_and(bare_name)
                        && u.head.is_some_and(|h| {
                            tree.rel_is(h, "appos") && tree.head[h].is_some_and(|gw| m.start <= gw && gw < m.end)
                        }))
        });
        if joins {
            let (m, groups) = out.last_mut().expect("checked");
            m.end = m.end.max(u.end);
            m.units.push(u);
            groups.push(g);
        } else {
            out.push((Mention { start: u.start, end: u.end, units: vec![u] }, vec![g]));
        }
    }
    let mut mentions: Vec<Mention> = out
        .into_iter()
        .map(|(mut m, groups)| {
            if m.units.len() > 1 && groups.windows(2).all(|w| w[0] != w[1]) {
                share_trailing_agents(&mut m.units);
            }
            m
        })
        .collect();
    adjectives_before_a_role(&mut mentions);
    mentions
}

/// "Sierra Leonean and Liberian refugees" with the role parsed apart: national adjectives
/// right before a bare role are that role's countries, as written. Also the bare names that
/// end a phrase, one of them an adjective, with the names coordinated with them: "his South
/// Korean and U.S. | counterparts", "Abiy Ahmed and Eritrean | President Isaias Afwerki"
/// (country adjectives are no noun phrase of their own).
fn adjectives_before_a_role(mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < mentions.len() {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let from = a.units.iter().rposition(|u| !bare_name(u)).map_or(0, |p| p + 1);
        let adjectives = from < a.units.len()
            && a.units[from..].iter().any(|u| u.actors.iter().all(|x| x.kind == NameKind::Adjective));
        let role = b.units.len() == 1 && b.units[0].pronoun.is_none() && b.units[0].actors.is_empty() && !b.units[0].agents.is_empty();
        if a.end == b.start && adjectives && role {
            let b = mentions.remove(k + 1);
            let a = &mut mentions[k];
            for u in &mut a.units[from..] {
                u.agents = b.units[0].agents.iter().map(|g| AgentRef { via: "next word", ..g.clone() }).collect();
                u.person_like |= b.units[0].person_like;
                u.former |= b.units[0].former;
                u.codes = codes_of(u);
            }
            if let Some(last) = a.units.last_mut() {
                last.end = b.end;
            }
            a.end = b.end;
        }
        k += 1;
    }
}

/// Whether the conjuncts of `w` are a coordination: one of them has its "and"/"or" (`cc`).
/// A comma alone is no coordination ("Rodong Sinmun, Putin ..." misparsed as conjuncts).
fn coordination(tree: &Tree, w: usize) -> bool {
    tree.children_with(w, "conj").any(|c| tree.child(c, "cc").is_some())
}

/// A name and nothing else: no role, no pronoun ("Germany").
fn bare_name(u: &Unit) -> bool {
    u.pronoun.is_none() && u.agents.is_empty() && !u.actors.is_empty()
}

/// "Mordor, the Shire, Fornost and Bree" parsed with "Mordor" apart (a vocative): a lone
/// name, a comma, then the head of a coordination is the list's first member.
fn list_head_split(t: &Tagged, tree: &Tree, m: &Mention, u: &Unit) -> bool {
    let gap_is_comma = u.start == m.end + 1 && t.words[m.end].norm == ",";
    let lone = m.units.len() == 1 && m.units[0].head.is_some_and(|h| tree.child(h, "case").is_none() && !tree.rel_is(h, "obj"));
    gap_is_comma && lone && u.head.is_some_and(|h| tree.child(h, "conj").is_some())
}

/// One unit from pieces that share the phrase head `head`. `coordinate`: pieces standing in
/// for a modifier of that phrase, with the modifier's rank and label.
fn unit_of(t: &Tagged, tree: &Tree, pieces: &[Unit], members: &[usize], head: usize, coordinate: Option<(&[usize], u8, &'static str)>) -> Unit {
    // The words: the pieces, and the head when it is a name ("President Umbardacil"); a
    // common noun no dictionary names stays outside ("a United Nations appeal": the United
    // Nations, whose appeal is the verb's business), though it is still the unit's `head`.
    let named_head = members.iter().any(|&p| (pieces[p].start..pieces[p].end).contains(&head)) || tree.upos[head] == Upos::PROPN;
    let mut u = Unit { start: usize::MAX, end: 0, head: Some(head), ..Default::default() };
    if named_head {
        (u.start, u.end) = (head, head + 1);
    }
    for &p in members {
        let piece = &pieces[p];
        u.start = u.start.min(piece.start);
        u.end = u.end.max(piece.end);
        if piece.pronoun.is_some() {
            return Unit { head: Some(head), ..piece.clone() };
        }
        let top = tree.head_of(piece.start, piece.end).unwrap_or(piece.start);
        let (rank, via) = match coordinate {
            Some((cs, r, v)) if cs.contains(&p) => (r, v),
            _ if (piece.start..piece.end).contains(&head) => (super::np::RANK_MODIFIER, "head"),
            _ => path_rank(t, tree, top, head),
        };
        for a in &piece.actors {
            u.actors.push(super::ActorRef { rank, via, ..a.clone() });
        }
        for g in &piece.agents {
            u.agents.push(super::AgentRef { rank, via, ..g.clone() });
        }
        u.person_like |= piece.person_like;
        u.former |= piece.start > 0 && t.words[piece.start - 1].norm == "former" && rank == RANK_MODIFIER;
    }
    u.former |= tree.children_with(head, "amod").any(|c| t.words[c].norm == "former");
    let near = u.agents.iter().map(|g| g.rank).min();
    u.person_like |= u.agents.iter().any(|g| Some(g.rank) == near && office(&g.role))
        || u.agents.is_empty()
            && u.actors.iter().any(|a| a.code.as_ref().is_some_and(|c| c.len() > 3 && (c[3..].starts_with("GOV") || c[3..].starts_with("ELI"))));
    u.codes = codes_of(&u);
    u.definite = u.actors.is_empty() && u.start > 0 && t.words[u.start - 1].norm == "the";
    u
}

#[cfg(test)]
mod tests {
    use crate::compile::Compiled;
    use crate::mention::build;
    use crate::tag::Tagged;
    use crate::tree::Tree;
    use dyad_doc::{DepRel, Upos};

    fn disjoint(ms: &[crate::mention::Mention], n: usize) -> bool {
        ms.windows(2).all(|w| w[0].end <= w[1].start)
            && ms.iter().all(|m| {
                m.start < m.end && m.end <= n && m.units.windows(2).all(|w| w[0].end <= w[1].start) && !m.units.is_empty()
            })
    }

    #[test]
    fn no_tree_a_rootless_tree_and_a_garbage_tree_give_ordered_disjoint_mentions() {
        let dicts = &dyad_dict::builtin().dicts;
        let c = Compiled::new(dicts);
        let text = "Russian and Chinese officials met Turkey's main opposition party and the NATO commander in Kosovo.";
        let seen = Default::default();
        let mut t = Tagged::new(&c, dicts, text, 0, None, &seen, false);
        let n = t.words.len();
        let plain = build(&t, dicts, None);
        let codes = |ms: &[crate::mention::Mention]| ms.iter().map(|m| m.codes()).collect::<Vec<_>>();
        assert!(disjoint(&plain, n) && plain.len() >= 3);
        // No root: the fallback, as without a tree.
        t.tree = Some(Tree::from_parts(vec![None; n], vec![DepRel::DEP; n], vec![]));
        assert_eq!(codes(&build(&t, dicts, None)), codes(&plain));
        // Every word hanging on the next (or the first) by one relation: never overlapping.
        for rel in ["appos", "conj", "compound", "nmod", "amod", "nmod:poss"] {
            for next in [true, false] {
                let head: Vec<Option<usize>> =
                    (0..n).map(|i| if next { (i + 1 < n).then_some(i + 1) } else { (i > 0).then_some(0) }).collect();
                let mut rels = vec![DepRel::parse(rel); n];
                rels[if next { n - 1 } else { 0 }] = DepRel::ROOT;
                t.tree = Some(Tree::from_parts(head, rels, vec![Upos::NOUN; n]));
                let ms = build(&t, dicts, None);
                assert!(disjoint(&ms, n), "{rel}: {:?}", ms.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_parsed_sentence_composes_from_its_noun_phrases() {
        let dicts = &dyad_dict::builtin().dicts;
        let c = Compiled::new(dicts);
        let text = "The NATO commander in Kosovo, a Danish general, held talks with the governor of the eastern Afghan province.";
        let seen = Default::default();
        let mut t = Tagged::new(&c, dicts, text, 0, None, &seen, false);
        t.tree = Tree::parse(text, 0, None, &t.words);
        let ms = build(&t, dicts, None);
        let codes: Vec<Vec<String>> = ms.iter().map(|m| m.codes()).collect();
        assert_eq!(codes, [vec!["IGOWSTNATMIL".to_string()], vec!["AFGGOV".to_string()]]);
        let head = ms[0].units[0].head.expect("a head");
        assert_eq!(t.words[head].norm, "commander");
    }
}
