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
