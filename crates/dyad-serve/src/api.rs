//! The JSON API (documented in docs/serve.md). Bad parameters are 400 with `{"error": …}`;
//! unknown routes and events 404; only a failing database is 500.
use crate::http::{Query, Reply, Request};
use dyad_store::{Browse, DyadLevel, Period, Sort, MAX_LIMIT};

pub fn route(req: &Request, rest: &[&str]) -> Reply {
    let result = match rest {
        ["events"] => events(req),
        ["events", id] => event(req, id),
        ["timeline"] => timeline(req),
        ["dyads"] => dyads(req),
        ["actors", code] => actor(req, code),
        _ => return Reply::json_error(404, "no such API route (see docs/serve.md)"),
    };
    result.unwrap_or_else(|e| e)
}

/// A user error (400) or a database error (500) as a reply.
fn db_error(e: dyad_store::StoreError) -> Reply {
    Reply::json_error(500, &format!("database error: {e}"))
}

fn bad(message: String) -> Reply {
    Reply::json_error(400, &message)
}

/// The event filter, sort and page from `source, target, root, code, quad, from, to, q,
/// limit, offset, sort`.
pub fn browse_from(q: &Query) -> Result<Browse, String> {
    let b = Browse {
        source: q.parsed("source", Browse::parse_actor)?,
        target: q.parsed("target", Browse::parse_actor)?,
        root: q.parsed("root", Browse::parse_root)?,
        code: q.parsed("code", Browse::parse_code)?,
        quad: q.parsed("quad", Browse::parse_quad)?,
        from: q.parsed("from", Browse::parse_date)?,
        to: q.parsed("to", Browse::parse_date)?,
        text: q.parsed("q", Browse::parse_text)?,
        sort: q.parsed("sort", Sort::parse)?.unwrap_or_default(),
        limit: q.parsed("limit", Browse::parse_limit)?.unwrap_or(50),
        offset: q.parsed("offset", Browse::parse_offset)?.unwrap_or(0),
    };
    if let (Some(f), Some(t)) = (b.from, b.to) {
        if f > t {
            return Err(format!("from ({f}) is after to ({t})"));
        }
    }
    Ok(b)
}

pub fn parse_id(s: &str) -> Result<i64, String> {
    s.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| "an event id is a positive whole number".to_string())
}

fn events(req: &Request) -> Result<Reply, Reply> {
    let b = browse_from(&req.query).map_err(bad)?;
    let page = req.ctx.store.browse(&b).map_err(db_error)?;
    Ok(Reply::json(200, &page))
}

fn event(req: &Request, id: &str) -> Result<Reply, Reply> {
    let id = parse_id(id).map_err(bad)?;
    match req.ctx.store.event_detail(id).map_err(db_error)? {
        Some(d) => {
            let mut v = serde_json::to_value(&d).map_err(|e| Reply::json_error(500, &e.to_string()))?;
            v["code_name"] = req.ctx.code_name(&d.event.code).into();
            Ok(Reply::json(200, &v))
        }
        None => Err(Reply::json_error(404, &format!("no event {id}"))),
    }
}

/// `source` and `target` of a timeline; names are resolved like on the dyad page.
pub fn timeline_params(q: &Query) -> Result<(Option<String>, Option<String>, Period), String> {
    Ok((
        q.parsed("source", Browse::parse_actor)?,
        q.parsed("target", Browse::parse_actor)?,
        q.parsed("by", Period::parse)?.unwrap_or_default(),
    ))
}

fn timeline(req: &Request) -> Result<Reply, Reply> {
    let (s, t, by) = timeline_params(&req.query).map_err(bad)?;
    let rows = req.ctx.store.timeline(s.as_deref(), t.as_deref(), by).map_err(db_error)?;
    Ok(Reply::json(200, &rows))
}

fn dyads(req: &Request) -> Result<Reply, Reply> {
    let q = &req.query;
    let limit = q.parsed("limit", Browse::parse_limit).map_err(bad)?.unwrap_or(20);
    let level = q.parsed("level", DyadLevel::parse).map_err(bad)?.unwrap_or_default();
    let rows = req.ctx.store.dyads(limit.min(MAX_LIMIT), level).map_err(db_error)?;
    Ok(Reply::json(200, &rows))
}

fn actor(req: &Request, code: &str) -> Result<Reply, Reply> {
    let code = Browse::parse_actor(code).map_err(bad)?;
    let limit = req.query.parsed("limit", Browse::parse_limit).map_err(bad)?.unwrap_or(20);
    let a = req.ctx.store.actor(&code, limit).map_err(db_error)?;
    if a.as_source + a.as_target == 0 {
        return Err(Reply::json_error(404, &format!("no events with actor {code}")));
    }
    Ok(Reply::json(200, &a))
}
