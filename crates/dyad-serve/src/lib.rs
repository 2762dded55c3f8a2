//! `dyad serve`: a local, read-only web app over a dyad database. Pages (overview, events,
//! event with its evidence, dyad, actor) and the JSON API they are built from; charts are
//! SVG drawn on the server, so every page works without JavaScript and none is sent.
//!
//! Layers: [`http`] turns a request into a route and parameters and builds responses with the
//! security headers; [`api`] and [`pages`] answer routes with the queries of
//! `dyad_store::explore`; [`chart`] draws timelines as SVG (and PNG for `dyad timeline`).
//! The server is synchronous (tiny_http) with a few worker threads, each with its own
//! read-only SQLite connection.

pub mod api;
pub mod chart;
mod html;
pub mod http;
pub mod pages;

use dyad_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a worker needs to answer requests.
pub struct Context {
    pub store: Store,
    pub codebook: Arc<dyad_dict::Codebook>,
}

impl Context {
    /// The CAMEO name of an event code ("057" → "Sign formal agreement"), or "".
    pub fn code_name(&self, code: &str) -> &str {
        self.codebook.lookup(code).map(|e| e.name.as_str()).unwrap_or("")
    }
}

/// A bound, not yet running server.
pub struct Server {
    http: Arc<tiny_http::Server>,
    db: PathBuf,
    threads: usize,
    codebook: Arc<dyad_dict::Codebook>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    #[error("cannot listen on {addr}: {detail}")]
    Bind { addr: String, detail: String },
}

impl Server {
    /// Check the database opens read-only and bind `host:port` (port 0: any free port).
    pub fn bind(db: &Path, host: &str, port: u16, threads: usize) -> Result<Server, ServeError> {
        // Fail now, with the store's message, rather than on the first request.
        Store::open_read_only(db)?;
        let addr = format!("{host}:{port}");
        let http = tiny_http::Server::http(&addr).map_err(|e| ServeError::Bind {
            addr: addr.clone(),
            detail: e.to_string(),
        })?;
        Ok(Server {
            http: Arc::new(http),
            db: db.to_path_buf(),
            threads: threads.max(1),
            codebook: Arc::new(dyad_dict::builtin().dicts.codebook),
        })
    }

    /// The address actually bound.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.http.server_addr().to_ip()
    }

    /// Answer requests until the process ends. Each worker thread has its own connection.
    pub fn run(self) -> Result<(), ServeError> {
        let mut workers = Vec::new();
        for _ in 0..self.threads {
            let ctx = Context {
                store: Store::open_read_only(&self.db)?,
                codebook: self.codebook.clone(),
            };
            let http = self.http.clone();
            workers.push(std::thread::spawn(move || {
                for request in http.incoming_requests() {
                    http::answer(&ctx, request);
                }
            }));
        }
        for w in workers {
            let _ = w.join();
        }
        Ok(())
    }
}
