//! The HTML pages. Each builds its content from the same store queries as the API; forms are
//! plain GET forms, sorting and paging are links, so nothing needs JavaScript.
use crate::api::{browse_from, parse_id};
use crate::chart;
use crate::html::{clip, escape, marked, page, q, Mark};
use crate::http::{Reply, Request};
use dyad_store::{Browse, DyadLevel, ListedEvent, Period, Sort, StoreError};
use std::fmt::Write;

pub fn not_found() -> Reply {
    Reply::html(404, page("Not found", "", r#"<h1>Not found</h1><p>There is no such page. Start at the <a href="/">overview</a>.</p>"#))
}

fn bad_request(message: &str) -> Reply {
    Reply::html(400, page("Bad request", "", &format!(r#"<h1>Bad request</h1><p class="error">{}</p><p><a href="/events">Back to the events</a></p>"#, escape(message))))
}

fn db_failure(e: StoreError) -> Reply {
    Reply::html(500, page("Database error", "", &format!(r#"<h1>Database error</h1><p class="error">{}</p>"#, escape(&e.to_string()))))
}

const QUAD_LABELS: [&str; 4] = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];

fn legend() -> String {
    let mut s = String::from(r#"<p class="legend">"#);
    for (i, name) in QUAD_LABELS.iter().enumerate() {
        let _ = write!(s, r#"<span class="swatch q{}"></span>{name} "#, i + 1);
    }
    s.push_str("</p>");
    s
}

fn actor_link(code: &str, name: &str) -> String {
    let title = if name.is_empty() { String::new() } else { format!(r#" title="{}""#, escape(name)) };
    format!(r#"<a class="actor" href="/actors/{}"{title}>{}</a>"#, q(code), escape(code))
}

fn dyad_href(source: &str, target: &str) -> String {
    format!("/dyad?source={}&target={}", q(source), q(target))
}

/// The query string that selects `b` (page and sort included), escaped for an href.
fn browse_query(b: &Browse) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    let opt = |parts: &mut Vec<(&str, String)>, k, v: &Option<String>| {
        if let Some(v) = v {
            parts.push((k, v.clone()));
        }
    };
    opt(&mut parts, "source", &b.source);
    opt(&mut parts, "target", &b.target);
    opt(&mut parts, "root", &b.root);
    opt(&mut parts, "code", &b.code);
    opt(&mut parts, "quad", &b.quad.map(|n| n.to_string()));
    opt(&mut parts, "from", &b.from.map(|d| d.to_string()));
    opt(&mut parts, "to", &b.to.map(|d| d.to_string()));
    opt(&mut parts, "q", &b.text);
    if b.sort != Sort::default() {
        parts.push(("sort", b.sort.as_str().into()));
    }
    if b.limit != 50 {
        parts.push(("limit", b.limit.to_string()));
    }
    if b.offset > 0 {
        parts.push(("offset", b.offset.to_string()));
    }
    escape(&parts.iter().map(|(k, v)| format!("{k}={}", q(v))).collect::<Vec<_>>().join("&"))
}

/// The sentence of a listed event, clipped around the verb, with the evidence marked.
fn snippet(e: &ListedEvent) -> String {
    let s = &e.snippet;
    let mut marks = Vec::new();
    for (span, class) in [(s.source_span, "ev-source"), (s.target_span, "ev-target"), (s.verb_span, "ev-verb")] {
        if let Some((a, b)) = span {
            marks.push(Mark { start: a, end: b, class });
        }
    }
    // Keep about 90 characters before the verb and 140 after it.
    let n = s.sentence_text.chars().count();
    let verb = s.verb_span.map(|v| v.0).unwrap_or(0).min(n);
    let from = verb.saturating_sub(90);
    let to = (verb + 140).min(n);
    let text: String = s.sentence_text.chars().skip(from).take(to - from).collect();
    let marks: Vec<Mark> = marks
        .into_iter()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| Mark { start: m.start - from, end: m.end - from, class: m.class })
        .collect();
    format!("{}{}{}", if from > 0 { "…" } else { "" }, marked(&text, &marks), if to < n { "…" } else { "" })
}

fn event_table(req: &Request, events: &[ListedEvent], sort_links: Option<&Browse>) -> String {
    let mut s = String::from(r#"<table class="events"><thead><tr>"#);
    for (label, key) in [("Date", "date"), ("Source", "source"), ("Event", "code"), ("Target", "target"), ("Evidence", ""), ("Goldstein", "goldstein"), ("Mentions", "mentions")] {
        match (sort_links, key) {
            (Some(b), k) if !k.is_empty() => {
                let current = b.sort.as_str();
                // First click sorts descending for numbers and dates, ascending for codes.
                let desc_first = matches!(k, "date" | "goldstein" | "mentions");
                // Clicking the sorted column reverses it; another column starts in its first order.
                let descending = if current == k {
                    true
                } else if current == format!("-{k}") {
                    false
                } else {
                    desc_first
                };
                let next = if descending { format!("-{k}") } else { k.to_string() };
                let arrow = if current == k { " ▲" } else if current == format!("-{k}") { " ▼" } else { "" };
                let mut nb = b.clone();
                nb.sort = Sort::parse(&next).unwrap_or_default();
                nb.offset = 0;
                let _ = write!(s, r#"<th><a href="/events?{}">{label}{arrow}</a></th>"#, browse_query(&nb));
            }
            _ => {
                let _ = write!(s, "<th>{label}</th>");
            }
        }
    }
    s.push_str("</tr></thead><tbody>");
    for e in events {
        let ev = &e.event;
        let name = req.ctx.code_name(&ev.code);
        let _ = write!(
            s,
            r#"<tr class="quad{}"><td class="date">{}</td><td>{}<div class="name">{}</div></td><td><a class="code" href="/events/{}">{} <span class="codename">{}</span></a></td><td>{}<div class="name">{}</div></td><td class="snippet"><a href="/events/{}">{}</a></td><td class="num">{:.1}</td><td class="num">{}</td></tr>"#,
            ev.quad_class,
            ev.date.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
            actor_link(&ev.source, &ev.source_name),
            escape(&clip(&ev.source_name, 40)),
            ev.id,
            escape(&ev.code),
            escape(name),
            actor_link(&ev.target, &ev.target_name),
            escape(&clip(&ev.target_name, 40)),
            ev.id,
            snippet(e),
            ev.goldstein,
            ev.num_mentions
        );
    }
    s.push_str("</tbody></table>");
    s
}

pub fn overview(req: &Request) -> Reply {
    let store = &req.ctx.store;
    let result = (|| -> Result<String, StoreError> {
        let stats = store.stats(0)?;
        let timeline = store.timeline(None, None, Period::Month)?;
        let dyads = store.dyads(15, DyadLevel::Country)?;
        let mut b = String::new();
        let _ = write!(
            b,
            r#"<h1>Overview</h1><p class="lead">{} events from {} articles ({} mentions), {} to {}.</p>"#,
            stats.events,
            stats.articles,
            stats.mentions,
            stats.first_date.as_deref().unwrap_or("—"),
            stats.last_date.as_deref().unwrap_or("—")
        );
        b.push_str(r#"<form class="search" method="get" action="/events"><input name="q" placeholder="Search the sentences (e.g. congratulated)" aria-label="Search the sentences"><button>Search events</button></form>"#);
        b.push_str(r#"<form class="dyadform" method="get" action="/dyad"><input name="source" placeholder="Source: name or code (Kim, PRK)" aria-label="Source"><input name="target" placeholder="Target: name or code (Putin, RUS)" aria-label="Target"><button>Show dyad</button></form>"#);
        b.push_str("<h2>Events per month</h2>");
        b.push_str(&legend());
        b.push_str(&chart::timeline_svg(&timeline, "Events per month, all actors, stacked by quad class"));
        b.push_str(r#"<h2>Top dyads</h2><table class="dyads"><thead><tr><th>Source</th><th>Target</th><th class="num">Events</th><th class="num">Cooperation</th><th class="num">Conflict</th><th>Balance</th><th class="num">Goldstein mean</th><th></th></tr></thead><tbody>"#);
        for d in &dyads {
            let _ = write!(
                b,
                r#"<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td class="num">{:.2}</td><td><a class="dyadlink" href="{}">timeline</a> · <a href="/events?source={}&amp;target={}">events</a></td></tr>"#,
                actor_link(&d.source, ""),
                actor_link(&d.target, ""),
                d.events,
                d.cooperation,
                d.conflict,
                chart::balance_svg(d.cooperation, d.conflict),
                d.goldstein_mean,
                escape(&dyad_href(&d.source, &d.target)),
                q(&d.source),
                q(&d.target)
            );
        }
        b.push_str("</tbody></table>");
        Ok(b)
    })();
    match result {
        Ok(body) => Reply::html(200, page("Overview", "Overview", &body)),
        Err(e) => db_failure(e),
    }
}

fn input(name: &str, label: &str, value: Option<&str>, placeholder: &str) -> String {
    format!(
        r#"<label>{label}<input name="{name}" value="{}" placeholder="{placeholder}"></label>"#,
        escape(value.unwrap_or(""))
    )
}

pub fn events(req: &Request) -> Reply {
    let b = match browse_from(&req.query) {
        Ok(b) => b,
        Err(e) => return bad_request(&e),
    };
    let page_data = match req.ctx.store.browse(&b) {
        Ok(p) => p,
        Err(e) => return db_failure(e),
    };
    let mut s = String::from("<h1>Events</h1>");
    s.push_str(r#"<form class="filters" method="get" action="/events">"#);
    s.push_str(&input("source", "Source", b.source.as_deref(), "RUS"));
    s.push_str(&input("target", "Target", b.target.as_deref(), "PRK"));
    s.push_str(&input("root", "CAMEO root", b.root.as_deref(), "05"));
    s.push_str(&input("code", "Code", b.code.as_deref(), "057"));
    s.push_str(r#"<label>Quad class<select name="quad"><option value="">any</option>"#);
    for (i, name) in QUAD_LABELS.iter().enumerate() {
        let n = i as u8 + 1;
        let sel = if b.quad == Some(n) { " selected" } else { "" };
        let _ = write!(s, r#"<option value="{n}"{sel}>{n} {name}</option>"#);
    }
    s.push_str("</select></label>");
    let from = b.from.map(|d| d.to_string());
    let to = b.to.map(|d| d.to_string());
    s.push_str(&format!(r#"<label>From<input type="date" name="from" value="{}"></label>"#, from.as_deref().unwrap_or("")));
    s.push_str(&format!(r#"<label>To<input type="date" name="to" value="{}"></label>"#, to.as_deref().unwrap_or("")));
    s.push_str(&input("q", "Text in the sentence", b.text.as_deref(), "congratulated"));
    if b.sort != Sort::default() {
        let _ = write!(s, r#"<input type="hidden" name="sort" value="{}">"#, b.sort.as_str());
    }
    s.push_str(r#"<button>Filter</button> <a class="reset" href="/events">reset</a></form>"#);
    let first = if page_data.total == 0 { 0 } else { b.offset + 1 };
    let last = (b.offset + page_data.events.len()).max(first);
    let _ = write!(s, r#"<p class="count" id="count" data-total="{}">{}–{} of {} events</p>"#, page_data.total, first, last, page_data.total);
    if page_data.events.is_empty() {
        s.push_str(r#"<p class="empty">No events match these filters.</p>"#);
    } else {
        s.push_str(&event_table(req, &page_data.events, Some(&b)));
    }
    // Paging links.
    s.push_str(r#"<nav class="pager">"#);
    if b.offset > 0 {
        let mut p = b.clone();
        p.offset = b.offset.saturating_sub(b.limit);
        let _ = write!(s, r#"<a rel="prev" href="/events?{}">← previous</a>"#, browse_query(&p));
    }
    if ((b.offset + b.limit) as u64) < page_data.total {
        let mut n = b.clone();
        n.offset = b.offset + b.limit;
        let _ = write!(s, r#"<a rel="next" href="/events?{}">next →</a>"#, browse_query(&n));
    }
    s.push_str("</nav>");
    if b.source.is_some() && b.target.is_some() {
        let _ = write!(
            s,
            r#"<p><a href="{}">Timeline of this dyad</a></p>"#,
            escape(&dyad_href(b.source.as_deref().unwrap_or(""), b.target.as_deref().unwrap_or("")))
        );
    }
    Reply::html(200, page("Events", "Events", &s))
}

pub fn event(req: &Request, id: &str) -> Reply {
    let id = match parse_id(id) {
        Ok(id) => id,
        Err(_) => return not_found(),
    };
    let d = match req.ctx.store.event_detail(id) {
        Ok(Some(d)) => d,
        Ok(None) => return not_found(),
        Err(e) => return db_failure(e),
    };
    let ev = &d.event;
    let name = req.ctx.code_name(&ev.code);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<p class="crumbs"><a href="/events">Events</a> · <a href="{}">{} → {} timeline</a></p><h1 class="eventtitle"><span class="ev-source-label">{}</span> <span class="codebadge quad{}">{} {}</span> <span class="ev-target-label">{}</span></h1>"#,
        escape(&dyad_href(&ev.source, &ev.target)),
        escape(&ev.source),
        escape(&ev.target),
        escape(&ev.source_name),
        ev.quad_class,
        escape(&ev.code),
        escape(name),
        escape(&ev.target_name)
    );
    let Some(root) = d.mentions.first() else {
        s.push_str("<p>This event has no stored mentions.</p>");
        return Reply::html(200, page("Event", "Events", &s));
    };
    // The facts of the event and the dictionary entries that fired.
    s.push_str(r#"<div class="eventgrid"><section class="facts"><h2>Event</h2><dl>"#);
    let row = |s: &mut String, k: &str, v: String| {
        let _ = write!(s, "<dt>{k}</dt><dd>{v}</dd>");
    };
    row(&mut s, "Date", escape(&ev.date.map(|d| d.to_string()).unwrap_or_else(|| "unknown".into())));
    row(&mut s, "Source", format!("{} {}", actor_link(&ev.source, &ev.source_name), escape(&ev.source_name)));
    row(&mut s, "Target", format!("{} {}", actor_link(&ev.target, &ev.target_name), escape(&ev.target_name)));
    row(&mut s, "CAMEO", format!("{} {} (root {})", escape(&ev.code), escape(name), escape(&ev.root)));
    row(&mut s, "Quad class", format!("{} {}", ev.quad_class, (ev.quad_class as usize).checked_sub(1).and_then(|i| QUAD_LABELS.get(i)).copied().unwrap_or("")));
    row(&mut s, "Goldstein", format!("{:.1}", ev.goldstein));
    if let Some(t) = &ev.plover_type {
        row(&mut s, "PLOVER", escape(&format!("{t} {}", ev.plover_mode.as_deref().unwrap_or(""))));
    }
    if let Some(l) = &ev.location {
        let country = if l.country.is_empty() { String::new() } else { format!(", {}", l.country) };
        row(&mut s, "Location", escape(&format!("{}{country} ({:.3}, {:.3}; from the {})", l.name, l.lat, l.lon, l.from)));
    }
    row(&mut s, "Mentions", format!("{} in {} article(s) from {} source(s)", ev.num_mentions, ev.num_articles, ev.num_sources));
    s.push_str(r#"</dl><h2>Why</h2><dl class="why">"#);
    row(&mut s, "Verb pattern", format!("<code>{}</code>", escape(&root.pattern)));
    if let Some(e) = &root.source_entry {
        row(&mut s, "Source entry", format!("<code>{}</code>", escape(e)));
    }
    if let Some(e) = &root.target_entry {
        row(&mut s, "Target entry", format!("<code>{}</code>", escape(e)));
    }
    if let Some(m) = &root.modifier {
        row(&mut s, "Modifier", escape(m));
    }
    s.push_str(r#"</dl><p class="legend"><span class="ev-source">source</span> <span class="ev-verb">verb</span> <span class="ev-target">target</span></p></section>"#);
    // The article, with the sentence and its spans marked.
    let a = &root.article;
    let text = &a.text;
    let n = text.chars().count();
    // Offsets from the database are checked, not trusted: a damaged row shows less, never panics.
    let ss = root.sentence_start.clamp(0, n as i64) as usize;
    let se = (root.sentence_end.clamp(0, n as i64) as usize).max(ss);
    let rel = |start: Option<i64>, end: Option<i64>, class| match (start, end) {
        (Some(a), Some(b)) if a >= ss as i64 && b >= a && b <= se as i64 => {
            Some(Mark { start: a as usize - ss, end: b as usize - ss, class })
        }
        _ => None,
    };
    let marks: Vec<Mark> = [
        rel(root.source_start, root.source_end, "ev-source"),
        rel(root.target_start, root.target_end, "ev-target"),
        rel(Some(root.verb_start), Some(root.verb_end), "ev-verb"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let sentence: String = text.chars().skip(ss).take(se.saturating_sub(ss)).collect();
    let before: String = text.chars().take(ss).collect();
    let after: String = text.chars().skip(se).collect();
    let _ = write!(
        s,
        r#"<article class="article"><h2>{}</h2><p class="meta">{} · {}{}</p><div class="text">{}<mark id="sentence" class="sentence">{}</mark>{}</div></article></div>"#,
        escape(a.title.as_deref().unwrap_or(&a.doc_id)),
        escape(&a.source_name),
        escape(a.date.as_deref().unwrap_or("undated")),
        a.url.as_ref().map(|u| format!(r#" · <a href="{}" rel="noreferrer">{}</a>"#, escape(u), escape(&clip(u, 60)))).unwrap_or_default(),
        escape(&before),
        marked(&sentence, &marks),
        escape(&after)
    );
    if d.mentions.len() > 1 {
        s.push_str(r#"<section class="others"><h2>Other reports of this event</h2><ul>"#);
        for m in &d.mentions[1..] {
            let text: String = m.article.text.chars().skip(m.sentence_start.max(0) as usize).take((m.sentence_end - m.sentence_start).max(0) as usize).collect();
            let _ = write!(
                s,
                r#"<li><strong>{}</strong> · {} · {}<blockquote>{}</blockquote></li>"#,
                escape(m.article.title.as_deref().unwrap_or(&m.article.doc_id)),
                escape(&m.article.source_name),
                escape(m.article.date.as_deref().unwrap_or("undated")),
                escape(&text)
            );
        }
        s.push_str("</ul></section>");
    }
    Reply::html(200, page(&format!("{} {} {}", ev.source, ev.code, ev.target), "Events", &s))
}

pub fn dyad(req: &Request) -> Reply {
    let query = &req.query;
    let by = match query.parsed("by", Period::parse) {
        Ok(b) => b.unwrap_or_default(),
        Err(e) => return bad_request(&e),
    };
    let typed_s = query.get("source").unwrap_or("");
    let typed_t = query.get("target").unwrap_or("");
    let mut s = String::from("<h1>Dyad</h1>");
    let _ = write!(
        s,
        r#"<form class="dyadform" method="get" action="/dyad"><label>Source<input name="source" value="{}" placeholder="name or code: Kim Jong Un, PRK"></label><label>Target<input name="target" value="{}" placeholder="name or code: Putin, RUS"></label><label>By<select name="by">"#,
        escape(typed_s),
        escape(typed_t)
    );
    for p in [Period::Day, Period::Week, Period::Month] {
        let sel = if p == by { " selected" } else { "" };
        let _ = write!(s, r#"<option value="{0}"{sel}>{0}</option>"#, p.as_str());
    }
    s.push_str("</select></label><button>Show</button></form>");
    if typed_s.is_empty() && typed_t.is_empty() {
        s.push_str(r#"<p>Type two actors by name or CAMEO code, or pick one of the <a href="/">top dyads</a>.</p>"#);
        return Reply::html(200, page("Dyad", "Dyad", &s));
    }
    let resolve = |typed: &str| -> Result<Option<String>, StoreError> {
        if typed.is_empty() {
            Ok(None)
        } else {
            req.ctx.store.resolve_actor(typed)
        }
    };
    let (source, target) = match (resolve(typed_s), resolve(typed_t)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return db_failure(e),
    };
    for (typed, found) in [(typed_s, &source), (typed_t, &target)] {
        if !typed.is_empty() && found.is_none() {
            let _ = write!(s, r#"<p class="error">No actor matches “{}”.</p>"#, escape(typed));
            return Reply::html(200, page("Dyad", "Dyad", &s));
        }
    }
    let result = (|| -> Result<String, StoreError> {
        let store = &req.ctx.store;
        let rows = store.timeline(source.as_deref(), target.as_deref(), by)?;
        let b = Browse { source: source.clone(), target: target.clone(), ..Browse::default() };
        let codes = store.top_codes(&b, 10)?;
        let (sl, tl) = (source.as_deref().unwrap_or("any"), target.as_deref().unwrap_or("any"));
        let total: i64 = rows.iter().map(|r| r.events).sum();
        let gsum: f64 = rows.iter().map(|r| r.goldstein_sum).sum();
        let mut o = String::new();
        let _ = write!(
            o,
            r#"<h2 id="dyadtitle">{} → {} <small>by {}</small></h2><p class="lead">{} dated events · Goldstein sum {:.1}, mean {} · <a id="dyadevents" href="/events?{}">list the events</a> · <a href="{}">reverse direction</a></p>"#,
            escape(sl),
            escape(tl),
            by.as_str(),
            total,
            gsum,
            if total > 0 { format!("{:.2}", gsum / total as f64) } else { "—".into() },
            browse_query(&b),
            escape(&format!("{}&by={}", dyad_href(target.as_deref().unwrap_or(""), source.as_deref().unwrap_or("")), by.as_str()))
        );
        o.push_str(&legend());
        o.push_str(&chart::timeline_svg(&rows, &format!("Events {sl} to {tl} per {}, stacked by quad class", by.as_str())));
        o.push_str("<h3>Goldstein sum and mean</h3>");
        o.push_str(&chart::goldstein_svg(&rows, &format!("Goldstein sum and mean, {sl} to {tl}, per {}", by.as_str())));
        o.push_str(r#"<div class="twocol"><section><h3>Top event codes</h3><table><thead><tr><th>Code</th><th class="num">Events</th></tr></thead><tbody>"#);
        for (code, n) in &codes {
            let mut cb = b.clone();
            cb.code = Some(code.clone());
            let _ = write!(o, r#"<tr><td><a href="/events?{}">{} {}</a></td><td class="num">{n}</td></tr>"#, browse_query(&cb), escape(code), escape(req.ctx.code_name(code)));
        }
        o.push_str(r#"</tbody></table></section><section><h3>Per period</h3><table class="periods"><thead><tr><th>Period</th><th class="num">Events</th><th class="num">Q1</th><th class="num">Q2</th><th class="num">Q3</th><th class="num">Q4</th><th class="num">Goldstein sum</th><th class="num">mean</th></tr></thead><tbody>"#);
        for r in rows.iter().filter(|r| r.events > 0) {
            let _ = write!(
                o,
                r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{:.1}</td><td class="num">{}</td></tr>"#,
                escape(&r.period),
                r.events,
                r.quad.get(1),
                r.quad.get(2),
                r.quad.get(3),
                r.quad.get(4),
                r.goldstein_sum,
                r.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default()
            );
        }
        o.push_str("</tbody></table></section></div>");
        Ok(o)
    })();
    match result {
        Ok(body) => {
            s.push_str(&body);
            Reply::html(200, page("Dyad", "Dyad", &s))
        }
        Err(e) => db_failure(e),
    }
}

pub fn actor(req: &Request, code: &str) -> Reply {
    let code = match Browse::parse_actor(code) {
        Ok(c) => c,
        Err(e) => return bad_request(&e),
    };
    let a = match req.ctx.store.actor(&code, 20) {
        Ok(a) => a,
        Err(e) => return db_failure(e),
    };
    if a.as_source + a.as_target == 0 {
        return not_found();
    }
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<h1>{}</h1><p class="lead">{} events as source, {} as target · {} cooperation, {} conflict {} · Goldstein mean {}</p>"#,
        escape(&code),
        a.as_source,
        a.as_target,
        a.cooperation,
        a.conflict,
        chart::balance_svg(a.cooperation, a.conflict),
        a.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_else(|| "—".into())
    );
    if !a.names.is_empty() {
        s.push_str(r#"<p class="names">Named in the text as: "#);
        let names: Vec<String> = a.names.iter().take(8).map(|(n, c)| format!("{} ({c})", escape(n))).collect();
        s.push_str(&names.join(", "));
        s.push_str("</p>");
    }
    let _ = write!(s, r#"<p><a href="/events?source={0}">events with {0} as source</a> · <a href="/events?target={0}">as target</a></p>"#, q(&code));
    s.push_str(r#"<div class="twocol"><section><h2>Top partners</h2><table><thead><tr><th>Partner</th><th class="num">Events</th><th class="num">Coop.</th><th class="num">Conflict</th><th>Balance</th><th class="num">Goldstein mean</th></tr></thead><tbody>"#);
    for p in &a.partners {
        let _ = write!(
            s,
            r#"<tr><td>{} <a href="{}">dyad</a></td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td class="num">{:.2}</td></tr>"#,
            actor_link(&p.code, ""),
            escape(&dyad_href(&code, &p.code)),
            p.events,
            p.cooperation,
            p.conflict,
            chart::balance_svg(p.cooperation, p.conflict),
            p.goldstein_mean
        );
    }
    s.push_str(r#"</tbody></table></section><section><h2>Top event codes</h2><table><thead><tr><th>Code</th><th class="num">Events</th></tr></thead><tbody>"#);
    for (c, n) in &a.top_codes {
        let _ = write!(s, r#"<tr><td>{} {}</td><td class="num">{n}</td></tr>"#, escape(c), escape(req.ctx.code_name(c)));
    }
    s.push_str("</tbody></table></section></div>");
    Reply::html(200, page(&code, "", &s))
}
