// The migrations are embedded by sqlx::migrate!; rebuild when one is added or changed. The
// stylesheet and the form's sealing script are served under names made from their content, so a
// year-long cache never serves a stale one: the names are written here, from an FNV-1a hash of
// each file.
fn fnv(path: &str) -> u64 {
    println!("cargo:rerun-if-changed={path}");
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The git commit this is built from, for the `homeward_build_info` metric: the
/// `HOMEWARD_GIT_COMMIT` variable if set (a container build has no .git), else what git says of
/// the checkout, else "unknown". Rebuilt when HEAD moves.
fn git_commit() -> String {
    println!("cargo:rerun-if-env-changed=HOMEWARD_GIT_COMMIT");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .map(|text| text.trim().to_owned())
    };
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        // HEAD names the branch; its reflog changes with every commit and checkout here.
        println!("cargo:rerun-if-changed={dir}/HEAD");
        println!("cargo:rerun-if-changed={dir}/logs/HEAD");
    }
    let commit = std::env::var("HOMEWARD_GIT_COMMIT")
        .ok()
        .or_else(|| git(&["rev-parse", "HEAD"]))
        .unwrap_or_default();
    let hex =
        !commit.is_empty() && commit.len() <= 64 && commit.bytes().all(|b| b.is_ascii_hexdigit());
    if hex {
        commit.to_ascii_lowercase()
    } else {
        "unknown".to_owned()
    }
}

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rustc-env=HOMEWARD_BUILD_COMMIT={}", git_commit());
    let css = fnv("src/web/assets/site.css");
    let js = fnv("src/web/assets/seal.js");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let path = std::path::Path::new(&out).join("stylesheet.rs");
    let code = format!(
        "/// Where the stylesheet is served: its name changes whenever its content does.\n\
         pub const STYLESHEET_PATH: &str = \"/assets/site-{css:016x}.css\";\n\
         /// Where the form's sealing script is served, named the same way.\n\
         pub const SEAL_SCRIPT_PATH: &str = \"/assets/seal-{js:016x}.js\";\n"
    );
    if let Err(e) = std::fs::write(&path, code) {
        println!("cargo:warning=could not write {}: {e}", path.display());
    }
}
