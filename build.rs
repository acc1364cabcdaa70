// The migrations are embedded by sqlx::migrate!; rebuild when one is added or changed. The
// stylesheet is served under a name made from its content, so a year-long cache never serves a
// stale one: the name is written here, from an FNV-1a hash of the file.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=src/web/assets/site.css");
    let css = std::fs::read("src/web/assets/site.css").unwrap_or_default();
    let hash = css.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let path = std::path::Path::new(&out).join("stylesheet.rs");
    let code = format!(
        "/// Where the stylesheet is served: its name changes whenever its content does.\n\
         pub const STYLESHEET_PATH: &str = \"/assets/site-{hash:016x}.css\";\n"
    );
    if let Err(e) = std::fs::write(&path, code) {
        println!("cargo:warning=could not write {}: {e}", path.display());
    }
}
