//! A parsed sentence as an indented tree, for people (`dyad explain`).

use dyad_doc::Document;

/// The tree of sentence `sentence`: one line per word, children under their head in text
/// order, each line "word  UPOS  relation  lemma". An unparsed sentence gives a note.
pub fn tree_text(doc: &Document, sentence: usize) -> String {
    let Some(s) = doc.sentences.get(sentence) else { return String::new() };
    if !doc.is_parsed(s) {
        return "(not parsed)\n".into();
    }
    let (start, end) = (s.token_start, s.token_end);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); end - start];
    let mut roots = Vec::new();
    for i in start..end {
        match doc.tokens[i].head {
            Some(h) if (start..end).contains(&(h as usize)) => children[h as usize - start].push(i),
            _ => roots.push(i),
        }
    }
    let mut out = String::new();
    let mut seen = vec![false; end - start];
    for r in roots {
        line(doc, r, "", "", &mut out);
        walk(doc, r, start, &children, "", &mut seen, &mut out);
    }
    out
}

fn line(doc: &Document, i: usize, prefix: &str, branch: &str, out: &mut String) {
    let t = &doc.tokens[i];
    let lemma = doc.lemma(i).unwrap_or("");
    out.push_str(&format!("{prefix}{branch}{}  {}  {}  ({lemma})\n", doc.token_text(t), t.upos.as_str(), t.deprel.as_str()));
}

fn walk(doc: &Document, i: usize, start: usize, children: &[Vec<usize>], prefix: &str, seen: &mut [bool], out: &mut String) {
    if std::mem::replace(&mut seen[i - start], true) {
        return;
    }
    let kids = &children[i - start];
    for (k, &c) in kids.iter().enumerate() {
        let last = k + 1 == kids.len();
        line(doc, c, prefix, if last { "└─ " } else { "├─ " }, out);
        let deeper = format!("{prefix}{}", if last { "   " } else { "│  " });
        walk(doc, c, start, children, &deeper, seen, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_children_under_heads() {
        let doc = crate::conllu::to_document(
            "1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_\n2\tarmy\tarmy\tNOUN\t_\t_\t3\tnsubj\t_\t_\n3\tfled\tflee\tVERB\t_\t_\t0\troot\t_\t_\n",
            "t",
        )
        .unwrap();
        let t = tree_text(&doc, 0);
        assert_eq!(t, "fled  VERB  root  (flee)\n└─ army  NOUN  nsubj  (army)\n   └─ The  DET  det  (the)\n");
    }
}
