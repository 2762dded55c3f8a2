//! `dyad serve [--db dyad.db] [--host 127.0.0.1] [--port 8080]`: the local web app.
//! The server is `dyad-serve`; this file parses flags and says where it listens.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The database to show (opened read-only; never changed).
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Address to listen on. The default is this machine only; another address makes the
    /// events visible to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port (0: any free port; the one chosen is printed).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Worker threads (each with its own read-only connection).
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub threads: usize,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let server = dyad_serve::Server::bind(&a.db, &a.host, a.port, a.threads)?;
    let addr = server.addr().map(|a| a.to_string()).unwrap_or_else(|| format!("{}:{}", a.host, a.port));
    let scope = if server.addr().is_some_and(|a| a.ip().is_loopback()) {
        "this machine only"
    } else {
        "reachable from the network"
    };
    eprintln!("dyad: serving {} read-only at http://{addr}/ ({scope}); Ctrl-C stops", a.db.display());
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// The database to serve (build one with `dyad code -q --format none --db FILE ...`).
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Requests per route; the figures are over these.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub repeat: usize,
}

/// Representative requests: list pages with each filter, the slowest sort and search, deep
/// paging, timelines of all events, of one actor by day and of one dyad by week, and pages.
const BENCH_ROUTES: &[&str] = &[
    "/api/events",
    "/api/events?source=USA",
    "/api/events?source=USA&target=JPN&sort=goldstein",
    "/api/events?root=19&sort=-mentions",
    "/api/events?quad=4&from=1987-03-01&to=1987-03-31",
    "/api/events?q=minister",
    "/api/events?offset=5000&sort=date",
    "/api/timeline",
    "/api/timeline?source=USA&by=day",
    "/api/timeline?source=USA&target=JPN&by=week",
    "/api/dyads",
    "/api/actors/USA",
    "/",
    "/events?source=USA",
    "/dyad?source=USA&target=JPN",
];

/// `dyad bench serve`: latency of each route over real HTTP on 127.0.0.1 (median, 95th
/// percentile, max), and the first page load in bytes.
pub fn bench(a: BenchArgs) -> anyhow::Result<ExitCode> {
    let server = dyad_serve::Server::bind(&a.db, "127.0.0.1", 0, 2)?;
    let addr = server.addr().ok_or_else(|| anyhow::anyhow!("no address bound"))?;
    std::thread::spawn(move || server.run());
    let stats = dyad_store::Store::open_read_only(&a.db)?.stats(0)?;
    println!("database {}: {} events, {} mentions, {} articles", a.db.display(), stats.events, stats.mentions, stats.articles);
    println!("{:<52} {:>8} {:>8} {:>8} {:>9}", "route", "median", "p95", "max", "bytes");
    let mut worst = 0.0f64;
    for route in BENCH_ROUTES {
        let mut times = Vec::with_capacity(a.repeat);
        let mut bytes = 0;
        let mut status = 0;
        for _ in 0..a.repeat.max(1) {
            let t = std::time::Instant::now();
            let (s, body) = http_get(addr, route)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            (status, bytes) = (s, body.len());
        }
        times.sort_by(f64::total_cmp);
        let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        if route.starts_with("/api/events") || route.starts_with("/api/timeline") {
            worst = worst.max(pick(0.95));
        }
        let flag = if status == 200 { String::new() } else { format!("  (status {status})") };
        println!("{route:<52} {:>6.1}ms {:>6.1}ms {:>6.1}ms {bytes:>9}{flag}", pick(0.5), pick(0.95), times[times.len() - 1]);
    }
    let mut first_load = http_get(addr, "/")?.1.len();
    for asset in ["/assets/style.css", "/assets/icon.svg"] {
        first_load += http_get(addr, asset)?.1.len();
    }
    println!("slowest p95 of /api/events and /api/timeline: {worst:.1} ms (target ≤ 50 ms)");
    println!("first load of / with its assets: {first_load} bytes (target ≤ 300 KB)");
    Ok(ExitCode::SUCCESS)
}

/// A minimal HTTP/1.1 GET (the benchmark measures the server, not a client library).
fn http_get(addr: std::net::SocketAddr, target: &str) -> anyhow::Result<(u16, Vec<u8>)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr)?;
    write!(s, "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |p| p + 4);
    let status = std::str::from_utf8(&raw[..split.min(raw.len())])
        .ok()
        .and_then(|h| h.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, raw[split..].to_vec()))
}
