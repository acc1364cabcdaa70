//! The house's rules, read from the source with `syn`: every `crate::`, `super::`, `self::` (and
//! `homeward::`) path, in `use` items, types, expressions, macros and attributes, resolved to the file
//! it names. It fails on
//! - a module directly under src/ that is neither the entry nor a cross-cutting piece;
//! - an import circle between top-level folders, or between files inside web/, or a file of one
//!   of web's areas (reporter, staff, api, ops) using another area's (they share through
//!   web/shared);
//! - a folder using one it may not (`HOUSE`: web above reporting, casework and the rest; store
//!   and crypto below them; domain at the bottom), or a crate it must not know (an HTTP server
//!   below web, SQL outside the store and backups: `CRATES`).
//!
//! Macro bodies that are not plain expressions (`on_pool!(s, write, pool => { .. })`) and
//! attribute arguments (`#[utoipa::path(.. body = crate::..)]`) are read as tokens: every
//! `a::b::c` in them counts.
//!
//! `KNOWN` lists what the tree still breaks while the house is being rebuilt. It may only shrink:
//! a violation not on it fails, and so does an entry on it that is no longer true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;

/// What the tree breaks today, to be emptied one move at a time (issue 14).
const KNOWN: &[&str] = &[];

/// Directly under src/: the entry and what cuts across.
const FLAT_ALLOWED: &[&str] = &["main", "lib", "config", "startup", "telemetry"];

/// The house, bottom up: each folder with the folders it uses directly. A folder may use those
/// and whatever they may use, so an edge between two folders on one floor is decided too (a
/// responder opens an attachment with reporting's reader; reporting never uses casework).
const HOUSE: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("crypto", &[]),
    ("locale", &[]),
    ("telemetry", &[]),
    // Settings are checked against the domain's own bounds (how many locators there are).
    ("config", &["crypto", "domain"]),
    ("triage", &["domain", "crypto"]),
    ("store", &["triage"]),
    ("trust", &["config", "store"]),
    ("reporting", &["trust"]),
    ("casework", &["locale", "reporting"]),
    ("operations", &["casework"]),
    ("web", &["operations", "telemetry"]),
    ("startup", &["web"]),
    // The commands: the reference client, and the server's own (init, migrate, backups).
    ("cli", &["startup"]),
    ("main", &["startup", "cli"]),
    ("lib", &["startup", "cli"]),
];

/// Crates only some folders may use (besides the entry: startup, main, lib): an HTTP server in
/// web, SQL in the store and backups, HTTP and mail clients in alerts and the reference client.
const CRATES: &[(&str, &[&str])] = &[
    ("actix_web", &["web"]),
    ("actix_multipart", &["web"]),
    ("actix_http", &["web"]),
    ("actix_server", &["web"]),
    ("actix_service", &["web"]),
    ("ppp", &["web"]),
    ("sqlx", &["store", "operations"]),
    ("reqwest", &["casework", "cli"]),
    ("lettre", &["casework"]),
    // Telling systemd the server is ready is the entry's business alone.
    ("sd_notify", &[]),
];

/// Whether `from` may use `to`; `None` when `from` has no place in the house.
fn may_use(from: &str, to: &str) -> Option<bool> {
    let (_, direct) = HOUSE.iter().find(|(folder, _)| *folder == from)?;
    Some(
        direct
            .iter()
            .any(|d| *d == to || may_use(d, to) == Some(true)),
    )
}

fn placed(folder: &str) -> bool {
    HOUSE.iter().any(|(f, _)| *f == folder)
}

fn may_use_crate(folder: &str, krate: &str) -> bool {
    matches!(folder, "startup" | "main" | "lib")
        || CRATES
            .iter()
            .find(|(name, _)| *name == krate)
            .is_none_or(|(_, folders)| folders.contains(&folder))
}

#[test]
fn the_tree_keeps_the_house_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = check(&src).unwrap_or_else(|e| panic!("{e}"));
    let known: BTreeSet<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = found.keys().filter(|k| !known.contains(*k)).collect();
    let mended: Vec<_> = known.iter().filter(|k| !found.contains_key(*k)).collect();
    let mut report = String::new();
    for key in &new {
        report += &format!("new: {key}\n    {}\n", found[*key].join("\n    "));
    }
    for key in &mended {
        report += &format!("mended, take it off KNOWN: {key}\n");
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn a_planted_circle_between_folders_fails() {
    let tree = Tree::new(&[
        (
            "lib.rs",
            "pub mod domain; pub mod reporting; pub mod casework;",
        ),
        ("domain/mod.rs", "pub struct Report;"),
        (
            "reporting/mod.rs",
            "use crate::casework::Entry; pub struct Intake(Entry);",
        ),
        (
            "casework/mod.rs",
            "pub struct Entry; fn f() { let _ = crate::reporting::Intake; }",
        ),
    ]);
    let found = tree.check();
    // Reporting may not use casework at all; the circle is named besides.
    let keys: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "circle: casework <-> reporting",
            "use: reporting -> casework"
        ],
        "{found:?}"
    );
}

#[test]
fn a_planted_circle_inside_web_fails() {
    // What handlers share using a handler back: a circle, within no single area.
    let tree = Tree::new(&[
        ("lib.rs", "pub mod web;"),
        ("web/mod.rs", "pub mod shared; pub mod staff;"),
        (
            "web/shared.rs",
            "use crate::web::staff::pages; pub struct State; pub fn call() { let _ = pages::page; }",
        ),
        ("web/staff/mod.rs", "pub mod pages;"),
        (
            "web/staff/pages.rs",
            "use super::super::shared::State; pub fn page(_: State) { super::super::shared::call() }",
        ),
    ]);
    let found = tree.check();
    assert!(
        found.contains_key("circle: web/shared.rs <-> web/staff/pages.rs"),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_lower_floor_importing_a_higher_one_or_a_banned_crate_fails() {
    let tree = Tree::new(&[
        (
            "lib.rs",
            "pub mod domain; pub mod store; pub mod triage; pub mod web; pub mod intake;",
        ),
        // A renamed crate is still the crate.
        (
            "domain/mod.rs",
            "use sqlx as db; pub fn parse() -> db::Result<()> { Ok(()) }",
        ),
        // A macro body that is not a list of expressions is read as tokens.
        (
            "store/mod.rs",
            "pub fn save() { on_pool!(pool => { let _ = crate::web::Page; }) }",
        ),
        // So are attribute arguments.
        (
            "triage/mod.rs",
            "#[utoipa::path(post, body = crate::web::Page)] pub fn route() {}",
        ),
        ("web/mod.rs", "pub struct Page;"),
        ("intake.rs", "use crate::domain;"),
    ]);
    let found = tree.check();
    let keys: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "crate: domain uses sqlx",
            "flat: src/intake.rs",
            "unplaced: intake",
            "use: store -> web",
            "use: triage -> web"
        ],
        "{found:?}"
    );
}

#[test]
fn an_area_of_web_using_another_fails() {
    let tree = Tree::new(&[
        ("lib.rs", "pub mod web;"),
        (
            "web/mod.rs",
            "pub mod shared; pub mod reporter; pub mod api;",
        ),
        ("web/shared.rs", "pub fn seal() {}"),
        (
            "web/reporter.rs",
            "pub fn carrier() { crate::web::shared::seal() }",
        ),
        (
            "web/api.rs",
            "pub fn submit() { crate::web::reporter::carrier() }",
        ),
    ]);
    let keys: Vec<String> = tree.check().into_keys().collect();
    assert_eq!(keys, ["area: web/api -> web/reporter"]);
}

/// A source tree written to a temporary folder.
struct Tree(tempfile::TempDir);

impl Tree {
    fn new(files: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for (path, text) in files {
            let path = dir.path().join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
        }
        Tree(dir)
    }

    fn check(&self) -> BTreeMap<String, Vec<String>> {
        check(self.0.path()).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Every rule broken under `src`, keyed by a stable name, with the uses that break it.
fn check(src: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let files = module_files(src)?;
    let modules: BTreeSet<Vec<String>> = files.keys().cloned().collect();
    let mut uses = Vec::new();
    for (module, path) in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut reader = Reader {
            modules: &modules,
            found: Vec::new(),
        };
        reader.items(&file.items, module.clone(), &mut Scope::default());
        uses.extend(reader.found.into_iter().map(|u| (module.clone(), u)));
    }

    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let name = |m: &Vec<String>| display(&files[m], src);
    for module in files.keys() {
        if module.len() == 1 && files[module].parent() == Some(src) {
            let top = &module[0];
            if !FLAT_ALLOWED.contains(&top.as_str()) {
                out.entry(format!("flat: {}", name(module))).or_default();
            }
        }
        if let Some(top) = module.first() {
            if !placed(top) {
                out.entry(format!("unplaced: {top}")).or_default();
            }
        }
    }

    let mut folders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut web_files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, used) in &uses {
        let from_top = top(from);
        match used {
            Use::External(krate, path) => {
                if !may_use_crate(&from_top, krate) {
                    out.entry(format!("crate: {from_top} uses {krate}"))
                        .or_default()
                        .push(format!("{} uses {path}", name(from)));
                }
            }
            Use::Module(to, path) => {
                let to_top = top(to);
                let example = format!("{} uses {path}", name(from));
                if from_top != to_top {
                    folders
                        .entry(from_top.clone())
                        .or_default()
                        .insert(to_top.clone());
                    if may_use(&from_top, &to_top) == Some(false) && placed(&to_top) {
                        out.entry(format!("use: {from_top} -> {to_top}"))
                            .or_default()
                            .push(example.clone());
                    }
                }
                if from_top == "web" && to_top == "web" && from != to {
                    web_files.entry(name(from)).or_default().insert(name(to));
                    if let (Some(a), Some(b)) = (web_area(from), web_area(to)) {
                        if a != b {
                            out.entry(format!("area: web/{a} -> web/{b}"))
                                .or_default()
                                .push(example);
                        }
                    }
                }
            }
        }
    }
    for circle in circles(&folders).into_iter().chain(circles(&web_files)) {
        out.entry(format!("circle: {}", circle.join(" <-> ")))
            .or_default();
    }
    for found in out.values_mut() {
        found.sort();
        found.dedup();
    }
    Ok(out)
}

/// The area of web a handler file serves, if it is one's: what handlers share is `shared`, and
/// each area uses it, never another area.
fn web_area(module: &[String]) -> Option<&str> {
    match module {
        [web, area, ..] if web == "web" && WEB_AREAS.contains(&area.as_str()) => Some(area),
        _ => None,
    }
}

const WEB_AREAS: &[&str] = &["reporter", "staff", "api", "ops"];

fn top(module: &[String]) -> String {
    module.first().cloned().unwrap_or_else(|| "lib".into())
}

fn display(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap_or(path).display().to_string();
    if rel.contains('/') {
        rel
    } else {
        format!("src/{rel}")
    }
}

/// Every .rs file under `src` by its module path: lib.rs is the crate, main.rs the `main` module
/// (the binary, which names the library `homeward::`), `a/mod.rs` and `a.rs` are `a`.
fn module_files(src: &Path) -> Result<BTreeMap<Vec<String>, PathBuf>, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).map_err(|e| e.to_string())?;
            let mut module: Vec<String> = rel
                .iter()
                .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            if module
                .last()
                .is_some_and(|m| m == "mod" || (m == "lib" && module.len() == 1))
            {
                module.pop();
            }
            out.insert(module, path);
        }
    }
    Ok(out)
}

/// One path a file uses: into the crate (resolved to the module whose file holds it) or into
/// another crate.
enum Use {
    Module(Vec<String>, String),
    External(String, String),
}

/// Names brought into scope by `use`, to resolve paths that start with them.
#[derive(Default, Clone)]
struct Scope {
    aliases: BTreeMap<String, Vec<String>>,
}

struct Reader<'a> {
    modules: &'a BTreeSet<Vec<String>>,
    found: Vec<Use>,
}

impl Reader<'_> {
    fn items(&mut self, items: &[syn::Item], module: Vec<String>, scope: &mut Scope) {
        for item in items {
            if let syn::Item::Use(u) = item {
                self.use_tree(&u.tree, Vec::new(), &module, scope);
            }
        }
        for item in items {
            match item {
                syn::Item::Use(_) => {}
                syn::Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        let mut inner_module = module.clone();
                        inner_module.push(m.ident.to_string());
                        self.items(inner, inner_module, &mut Scope::default());
                    }
                }
                other => {
                    let mut visitor = PathVisitor {
                        reader: self,
                        module: &module,
                        scope,
                    };
                    visitor.visit_item(other);
                }
            }
        }
    }

    fn use_tree(
        &mut self,
        tree: &syn::UseTree,
        prefix: Vec<String>,
        module: &[String],
        scope: &mut Scope,
    ) {
        let mut leaf = |name: String, alias: Option<String>, reader: &mut Self| {
            let mut path = prefix.clone();
            if name != "self" {
                path.push(name.clone());
            }
            let bound = alias.unwrap_or_else(|| path.last().cloned().unwrap_or(name));
            if let Some(resolved) = reader.absolute(&path, module, scope) {
                scope.aliases.insert(bound, resolved.clone());
                reader.record(&path, resolved);
            } else if let Some(krate) = path.first() {
                // `use sqlx;` or `use actix_web as h;` names the crate as much as a path does.
                reader
                    .found
                    .push(Use::External(krate.clone(), path.join("::")));
            }
        };
        match tree {
            syn::UseTree::Path(p) => {
                let mut prefix = prefix.clone();
                prefix.push(p.ident.to_string());
                self.use_tree(&p.tree, prefix, module, scope);
            }
            syn::UseTree::Name(n) => leaf(n.ident.to_string(), None, self),
            syn::UseTree::Rename(r) => leaf(r.ident.to_string(), Some(r.rename.to_string()), self),
            syn::UseTree::Glob(_) => {
                if let Some(resolved) = self.absolute(&prefix, module, scope) {
                    self.record(&prefix, resolved);
                } else {
                    self.external(&prefix);
                }
            }
            syn::UseTree::Group(g) => {
                for tree in &g.items {
                    self.use_tree(tree, prefix.clone(), module, scope);
                }
            }
        }
    }

    /// The absolute path `path` names from `module`, if it names something in this crate.
    fn absolute(&self, path: &[String], module: &[String], scope: &Scope) -> Option<Vec<String>> {
        let (first, rest) = path.split_first()?;
        let mut base: Vec<String> = match first.as_str() {
            "crate" | "homeward" => Vec::new(),
            "self" => module.to_vec(),
            "super" => {
                let mut base = module.to_vec();
                base.pop();
                let mut rest = rest;
                while let Some((s, tail)) = rest.split_first() {
                    if s != "super" {
                        break;
                    }
                    base.pop();
                    rest = tail;
                }
                base.extend(rest.iter().cloned());
                return Some(base);
            }
            name => {
                if let Some(target) = scope.aliases.get(name) {
                    let mut base = target.clone();
                    base.extend(rest.iter().cloned());
                    return Some(base);
                }
                let mut child = module.to_vec();
                child.push(name.to_string());
                if !self.modules.contains(&child) {
                    return None;
                }
                module.to_vec()
            }
        };
        if !matches!(first.as_str(), "crate" | "homeward" | "self") {
            base.push(first.clone());
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// Records a use of the module whose file holds `resolved`.
    fn record(&mut self, path: &[String], mut resolved: Vec<String>) {
        while !resolved.is_empty() && !self.modules.contains(&resolved) {
            resolved.pop();
        }
        self.found.push(Use::Module(resolved, path.join("::")));
    }

    fn external(&mut self, path: &[String]) {
        if let [krate, _, ..] = path {
            self.found
                .push(Use::External(krate.clone(), path.join("::")));
        }
    }

    /// A path of two segments or more: a single one is a local name, or was recorded at its `use`.
    fn path(&mut self, path: &syn::Path, module: &[String], scope: &Scope) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() < 2 {
            return;
        }
        match self.absolute(&segments, module, scope) {
            Some(resolved) => self.record(&segments, resolved),
            None => self.external(&segments),
        }
    }
}

/// Every path inside one item, and the `use` items of its blocks.
struct PathVisitor<'r, 'a> {
    reader: &'r mut Reader<'a>,
    module: &'r [String],
    scope: &'r mut Scope,
}

impl<'ast> Visit<'ast> for PathVisitor<'_, '_> {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.reader.path(path, self.module, self.scope);
        syn::visit::visit_path(self, path);
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.reader
            .use_tree(&u.tree, Vec::new(), self.module, self.scope);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if let Some((_, inner)) = &m.content {
            let mut module = self.module.to_vec();
            module.push(m.ident.to_string());
            self.reader.items(inner, module, &mut Scope::default());
        }
    }

    /// Macro arguments are tokens to syn: read them as expressions where they parse as such,
    /// else as tokens.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        syn::visit::visit_macro(self, mac);
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        match mac.parse_body_with(parser) {
            Ok(args) => args.iter().for_each(|arg| self.visit_expr(arg)),
            Err(_) => self.tokens(mac.tokens.clone()),
        }
    }

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        syn::visit::visit_attribute(self, attr);
        if let syn::Meta::List(list) = &attr.meta {
            self.tokens(list.tokens.clone());
        }
    }
}

impl PathVisitor<'_, '_> {
    /// Every `a::b::c` in a token stream, at any depth, read as a path.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        use proc_macro2::TokenTree;
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => {
                    self.tokens(g.stream());
                    i += 1;
                }
                TokenTree::Ident(first) => {
                    let mut segments = vec![first.to_string()];
                    i += 1;
                    while let (
                        Some(TokenTree::Punct(a)),
                        Some(TokenTree::Punct(b)),
                        Some(TokenTree::Ident(next)),
                    ) = (trees.get(i), trees.get(i + 1), trees.get(i + 2))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(next.to_string());
                        i += 3;
                    }
                    if segments.len() > 1 {
                        match self.reader.absolute(&segments, self.module, self.scope) {
                            Some(resolved) => self.reader.record(&segments, resolved),
                            None => self.reader.external(&segments),
                        }
                    }
                }
                _ => i += 1,
            }
        }
    }
}

/// The strongly connected components of more than one node, each sorted, by Tarjan's algorithm.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn connect<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                connect(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            connect(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}
