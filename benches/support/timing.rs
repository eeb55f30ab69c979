//! Wall time of whole `byline --json` processes, for the benches that
//! measure what a user waits for.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The median of `runs` fresh `byline --json` processes on `file`.
pub fn median_json_time(bin: &Path, file: &Path, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| json_time(bin, file)).collect();
    times.sort();
    times[runs / 2]
}

fn json_time(bin: &Path, file: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(bin)
        .args(["--json", "--max-size", "64M"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run byline");
    let elapsed = start.elapsed();
    assert!(
        status.success(),
        "byline --json failed on {}",
        file.display()
    );
    elapsed
}
