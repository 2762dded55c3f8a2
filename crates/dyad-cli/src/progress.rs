//! Progress of long storing runs (`dyad code`, `dyad recode`): articles/s, events, skipped.
//! Drawn on stderr only when it is a terminal and `CI` is unset; otherwise silent.
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

pub struct Progress {
    bar: Option<ProgressBar>,
    articles: u64,
    events: u64,
    skipped: u64,
}

impl Progress {
    /// `total`: number of articles when known (a bar), else a spinner.
    pub fn new(total: Option<u64>) -> Progress {
        Progress::new_unless(total, false)
    }

    /// [`Progress::new`], but never drawn when `hide` (`-q`, or a table being printed on the
    /// same terminal).
    pub fn new_unless(total: Option<u64>, hide: bool) -> Progress {
        let show = !hide && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Progress::with_visibility(total, show)
    }

    /// A progress display that never draws.
    #[cfg(test)]
    pub fn hidden() -> Progress {
        Progress::with_visibility(None, false)
    }

    fn with_visibility(total: Option<u64>, show: bool) -> Progress {
        let bar = show.then(|| {
            let bar = match total {
                Some(n) => ProgressBar::new(n),
                None => ProgressBar::new_spinner(),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
            let template = if total.is_some() {
                "{elapsed_precise} [{bar:30}] {pos}/{len} articles ({per_sec}) {msg}"
            } else {
                "{elapsed_precise} {spinner} {pos} articles ({per_sec}) {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress {
            bar,
            articles: 0,
            events: 0,
            skipped: 0,
        }
    }

    /// One article done: stored with `events` events, or skipped (already stored, or unreadable).
    pub fn article(&mut self, events: usize, skipped: bool) {
        self.articles += 1;
        self.events += events as u64;
        self.skipped += skipped as u64;
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if self.articles < 64 || self.articles.is_multiple_of(64) {
                bar.set_message(format!("{} events, {} skipped", self.events, self.skipped));
            }
        }
    }

    /// (articles, events, skipped) so far.
    #[cfg(test)]
    pub fn counts(&self) -> (u64, u64, u64) {
        (self.articles, self.events, self.skipped)
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_without_drawing() {
        let mut p = Progress::hidden();
        p.article(3, false);
        p.article(0, true);
        assert_eq!(p.counts(), (2, 3, 1));
        p.finish();
    }
}
