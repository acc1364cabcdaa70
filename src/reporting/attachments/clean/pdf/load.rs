//! Reading a PDF into lopdf's [`Document`] within a memory budget, with a reader of our own.
//!
//! lopdf's reader keeps whatever it parses, whatever that costs. Measured with lopdf 0.47: a
//! 5 MiB file holding one object `[[][][]…]` peaks at 1.5 GiB while it loads (each `[]` is a
//! 120-byte object and a vector of four), with nothing compressed at all; an object stream
//! whose header names one 30 MiB string under a thousand numbers takes more than 4 GiB, since
//! each number is parsed again; so do cross-reference entries that name one offset many times;
//! and every object stream is inflated against a limit on that stream alone, so 150 of them
//! each just under it hold gigabytes. A limit on what is inflated cannot bound any of this:
//! what costs memory is how many objects the parser makes, and lopdf counts none.
//!
//! So the file is read here by its objects, as a reader repairing a damaged file does, and its
//! cross-reference data is not used at all: every `N G obj` at the start of a line (outside
//! stream data) begins an object that ends where the next begins, and each is parsed within
//! those bounds only. Every byte of the file and of each object stream is parsed once, every
//! value is counted against [`Budget`] as it is made (at what it can cost in memory, not what
//! its text takes), and what object streams inflate to is bounded per stream and in all. A
//! later definition of an object wins, as incremental updates intend; an object stream's
//! members count as defined where their stream is.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// The most a value costs beyond the bytes it holds: lopdf's `Object` is 120 bytes, kept in an
/// array's vector or a dictionary's map, with a little for the allocator.
pub(super) const VALUE: usize = 136;
/// What a dictionary entry adds to its value: the key's vector, its hash and its index.
pub(super) const ENTRY: usize = 72;
/// Nesting of arrays and dictionaries, as in lopdf's own parser.
const MAX_NESTING: usize = 100;
/// Parentheses nested inside a literal string, as in lopdf's own parser.
const MAX_PARENTHESES: usize = 100;
/// Members one object stream may list (real ones list a few hundred at most).
const MAX_MEMBERS: usize = 65_536;

/// What a heap allocation of `capacity` bytes takes, the allocator's share included.
pub(super) fn heap(capacity: usize) -> usize {
    if capacity == 0 {
        0
    } else {
        capacity.max(16) + 16
    }
}

/// Which of the bounds a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    /// What the objects read from the file and its object streams may take.
    Loaded,
    /// What one object stream, or all of them together, may inflate to.
    Inflated,
    /// What the rebuilt document may take.
    Copied,
    /// What one page's content, or all content together, may decode to.
    Decoded,
}

/// What reading a file may still take. A bound once passed stays passed: the file is refused.
#[derive(Debug)]
pub(super) struct Budget {
    /// Memory the objects read may still take.
    pub(super) loaded: usize,
    /// Bytes object streams may still inflate to, all of them together.
    pub(super) inflated: usize,
    /// What one object stream may inflate to.
    pub(super) per_stream: usize,
    pub(super) over: Option<Bound>,
}

impl Budget {
    /// Takes `cost` from what may be loaded, or marks the bound passed.
    fn spend(&mut self, cost: usize) -> Result<(), Stop> {
        match self.loaded.checked_sub(cost) {
            Some(left) => {
                self.loaded = left;
                Ok(())
            }
            None => {
                self.over = Some(Bound::Loaded);
                Err(Stop::Over)
            }
        }
    }

    /// What the next object stream may inflate to: its own bound, or what is left of all
    /// streams', whichever is less.
    pub(super) fn inflate_limit(&self) -> usize {
        self.per_stream.min(self.inflated)
    }
}

/// Why a parse stopped: the text is not a PDF object (that object is skipped, as lopdf does),
/// or a bound was passed (the file is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Syntax,
    Over,
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unread {
    /// No header, no catalog with a page tree, or encrypted.
    Malformed,
    /// A bound was passed (the budget says which).
    Over,
}

/// Reads `bytes` into a document holding its objects and, in its trailer, only `/Root`.
pub(super) fn load(bytes: &[u8], budget: &mut Budget) -> Result<Document, Unread> {
    let start = find(&bytes[..bytes.len().min(1024)], b"%PDF-").ok_or(Unread::Malformed)?;
    let text = &bytes[start..];
    let scan = scan(text);
    let mut reader = Reader {
        budget,
        objects: BTreeMap::new(),
        trailers: Vec::new(),
        catalogs: Vec::new(),
    };
    // Objects and trailers in the order they stand in the file, so a later one wins.
    let mut trailers = scan.trailers.iter().peekable();
    for (i, &header) in scan.headers.iter().enumerate() {
        let end = scan.headers.get(i + 1).copied().unwrap_or(text.len());
        while let Some(&&at) = trailers.peek().filter(|&&&t| t < header) {
            trailers.next();
            reader.trailer(text, at, header)?;
        }
        reader.indirect(&text[header..end], header)?;
    }
    for &at in trailers {
        reader.trailer(text, at, text.len())?;
    }
    let root = reader.root()?;
    let mut document = Document::with_version("1.7");
    document.max_id = reader.objects.keys().next_back().map_or(0, |id| id.0);
    document.objects = reader.objects;
    document.trailer.set("Root", root);
    Ok(document)
}

/// Where each object begins (`N G obj` at the start of a line) and each `trailer` keyword
/// stands, outside stream data.
struct Scan {
    headers: Vec<usize>,
    trailers: Vec<usize>,
}

fn scan(text: &[u8]) -> Scan {
    let mut scan = Scan {
        headers: Vec::new(),
        trailers: Vec::new(),
    };
    let mut at = 0;
    let mut line_start = true;
    while at < text.len() {
        let byte = text[at];
        if line_start {
            let first = skip_blanks(text, at);
            if header_at(text, first).is_some() {
                scan.headers.push(first);
            }
        }
        if byte == b's' && !text[..at].ends_with(b"end") {
            if let Some(data) = stream_keyword(text, at) {
                // Stream data can hold anything, `N G obj` lines included: skip to its end.
                match find(&text[data..], b"endstream") {
                    Some(end) => {
                        at = data + end + b"endstream".len();
                        line_start = false;
                        continue;
                    }
                    None => break,
                }
            }
        }
        if byte == b'e' && text[at..].starts_with(b"endobj") && is_boundary(text.get(at + 6)) {
            // Some writers begin the next object on the same line.
            let next = skip_space_only(text, at + 6, false).unwrap_or(at + 6);
            if header_at(text, next).is_some() && scan.headers.last() != Some(&next) {
                scan.headers.push(next);
            }
        }
        if byte == b't'
            && text[at..].starts_with(b"trailer")
            && (at == 0 || is_space(text[at - 1]))
            && is_boundary(text.get(at + 7))
        {
            scan.trailers.push(at);
        }
        line_start = matches!(byte, b'\n' | b'\r');
        at += 1;
    }
    scan.headers.dedup();
    scan
}

/// Where the data of a stream begins, if the `stream` keyword and its end of line stand at
/// `at`.
fn stream_keyword(text: &[u8], at: usize) -> Option<usize> {
    if !text.get(at..)?.starts_with(b"stream") {
        return None;
    }
    let at = skip_blanks(text, at + b"stream".len());
    match text.get(at..at + 2) {
        Some(b"\r\n") => Some(at + 2),
        _ if matches!(text.get(at), Some(b'\n' | b'\r')) => Some(at + 1),
        _ => None,
    }
}

/// The object number and generation of an `N G obj` header at `at`, and where its body begins.
fn header_at(text: &[u8], at: usize) -> Option<(ObjectId, usize)> {
    let (number, at) = unsigned(text, at)?;
    let at = skip_space_only(text, at, true)?;
    let (generation, at) = unsigned(text, at)?;
    let at = skip_space_only(text, at, true)?;
    if !text[at..].starts_with(b"obj") || !is_boundary(text.get(at + 3)) {
        return None;
    }
    let id = (u32::try_from(number).ok()?, u16::try_from(generation).ok()?);
    Some((id, at + 3))
}

fn unsigned(text: &[u8], at: usize) -> Option<(u64, usize)> {
    let digits = text[at.min(text.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 10 {
        return None;
    }
    let number = std::str::from_utf8(&text[at..at + digits])
        .ok()?
        .parse()
        .ok()?;
    Some((number, at + digits))
}

/// Past white space; `None` when `required` and there is none.
fn skip_space_only(text: &[u8], at: usize, required: bool) -> Option<usize> {
    let after = at
        + text[at.min(text.len())..]
            .iter()
            .take_while(|b| is_space(**b))
            .count();
    (!required || after > at).then_some(after)
}

fn skip_blanks(text: &[u8], at: usize) -> usize {
    at + text[at..]
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count()
}

struct Reader<'b> {
    budget: &'b mut Budget,
    objects: BTreeMap<ObjectId, Object>,
    /// Trailer dictionaries and cross-reference stream dictionaries, in file order.
    trailers: Vec<Dictionary>,
    /// Catalogs, in file order: where no trailer names one, the last is the document's.
    catalogs: Vec<ObjectId>,
}

impl Reader<'_> {
    /// One object, from its header to where the next object begins.
    fn indirect(&mut self, region: &[u8], _at: usize) -> Result<(), Unread> {
        let Some((id, body)) = header_at(region, 0) else {
            return Ok(());
        };
        let mut parser = Parser {
            text: region,
            at: body,
            budget: &mut *self.budget,
        };
        let object = match parser.value(0) {
            Ok(Object::Dictionary(dict)) => match parser.stream_data(&dict) {
                Ok(Some(data)) => Object::Stream(Stream::new(dict, data)),
                Ok(None) => Object::Dictionary(dict),
                Err(Stop::Over) => return Err(Unread::Over),
                Err(Stop::Syntax) => return Ok(()),
            },
            Ok(object) => object,
            Err(Stop::Over) => return Err(Unread::Over),
            Err(Stop::Syntax) => return Ok(()),
        };
        self.keep(id, object)
    }

    fn keep(&mut self, id: ObjectId, object: Object) -> Result<(), Unread> {
        let kind = match &object {
            Object::Stream(stream) => stream.dict.get(b"Type").and_then(Object::as_name).ok(),
            Object::Dictionary(dict) => dict.get(b"Type").and_then(Object::as_name).ok(),
            _ => None,
        };
        let kind = kind.map(<[u8]>::to_vec);
        match (kind.as_deref(), object) {
            (Some(b"ObjStm"), Object::Stream(stream)) => self.members(&stream),
            // A cross-reference stream's dictionary is a trailer; its entries are not needed.
            (Some(b"XRef"), Object::Stream(stream)) => {
                self.trailers.push(stream.dict);
                Ok(())
            }
            (kind, object) => {
                if kind == Some(b"Catalog") {
                    self.catalogs.push(id);
                }
                self.budget.spend(VALUE + 32).map_err(|_| Unread::Over)?;
                self.objects.insert(id, object);
                Ok(())
            }
        }
    }

    /// The objects an object stream holds, each parsed from its own offset up to the next
    /// member's, never further: a member whose text runs on is not a member.
    fn members(&mut self, stream: &Stream) -> Result<(), Unread> {
        let limit = self.budget.inflate_limit();
        let content = match stream.decompressed_content_with_limit(limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.budget.over = Some(Bound::Inflated);
                return Err(Unread::Over);
            }
            // What does not inflate holds no objects anyone can read; lopdf skips it too.
            Err(_) => return Ok(()),
        };
        self.budget.inflated -= content.len().min(self.budget.inflated);
        let integer = |key: &[u8]| {
            stream
                .dict
                .get(key)
                .and_then(Object::as_i64)
                .ok()
                .and_then(|n| usize::try_from(n).ok())
        };
        let Some(first) = integer(b"First").filter(|&f| f <= content.len()) else {
            return Ok(());
        };
        let mut numbers = Parser {
            text: &content[..first],
            at: 0,
            budget: &mut *self.budget,
        };
        let mut members = Vec::new();
        while members.len() < MAX_MEMBERS {
            numbers.skip_space();
            let Some((number, after)) = unsigned(numbers.text, numbers.at) else {
                break;
            };
            numbers.at = after;
            numbers.skip_space();
            let Some((offset, after)) = unsigned(numbers.text, numbers.at) else {
                break;
            };
            numbers.at = after;
            let (Ok(number), Ok(offset)) = (u32::try_from(number), usize::try_from(offset)) else {
                continue;
            };
            members.push((offset, number));
        }
        members.sort_by_key(|&(offset, _)| offset);
        members.dedup_by_key(|&mut (offset, _)| offset);
        let body = &content[first..];
        for (i, &(offset, number)) in members.iter().enumerate() {
            let end = members.get(i + 1).map_or(body.len(), |&(next, _)| next);
            let Some(region) = body.get(offset..end.min(body.len())) else {
                continue;
            };
            let mut parser = Parser {
                text: region,
                at: 0,
                budget: &mut *self.budget,
            };
            match parser.value(0) {
                Ok(object) => self.keep((number, 0), object)?,
                Err(Stop::Over) => return Err(Unread::Over),
                Err(Stop::Syntax) => {}
            }
        }
        Ok(())
    }

    /// The dictionary after a `trailer` keyword at `at`, read no further than `end`.
    fn trailer(&mut self, text: &[u8], at: usize, end: usize) -> Result<(), Unread> {
        let mut parser = Parser {
            text: &text[..end.max(at)],
            at: at + b"trailer".len(),
            budget: &mut *self.budget,
        };
        match parser.value(0) {
            Ok(Object::Dictionary(dict)) => self.trailers.push(dict),
            Ok(_) | Err(Stop::Syntax) => {}
            Err(Stop::Over) => return Err(Unread::Over),
        }
        Ok(())
    }

    /// The catalog: the last trailer's `/Root` that is one, else the last catalog in the file.
    /// A file any of whose trailers names an encryption dictionary is encrypted.
    fn root(&self) -> Result<ObjectId, Unread> {
        if self.trailers.iter().any(|t| t.has(b"Encrypt")) {
            return Err(Unread::Malformed);
        }
        let is_catalog = |id: &ObjectId| matches!(self.objects.get(id), Some(Object::Dictionary(d)) if d.has(b"Pages"));
        self.trailers
            .iter()
            .rev()
            .filter_map(|t| t.get(b"Root").and_then(Object::as_reference).ok())
            .chain(self.catalogs.iter().rev().copied())
            .find(is_catalog)
            .ok_or(Unread::Malformed)
    }
}

/// PDF's object syntax over `text`, counting every value it makes against the budget.
struct Parser<'t, 'b> {
    text: &'t [u8],
    at: usize,
    budget: &'b mut Budget,
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Past white space and comments.
    fn skip_space(&mut self) {
        while let Some(byte) = self.peek() {
            if is_space(byte) {
                self.at += 1;
            } else if byte == b'%' {
                while self.peek().is_some_and(|b| !matches!(b, b'\n' | b'\r')) {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Object, Stop> {
        if depth > MAX_NESTING {
            return Err(Stop::Syntax);
        }
        self.skip_space();
        let object = match self.peek().ok_or(Stop::Syntax)? {
            b'/' => {
                self.at += 1;
                let name = self.name();
                self.budget.spend(VALUE + heap(name.capacity()))?;
                return Ok(Object::Name(name));
            }
            b'(' => {
                let string = self.literal()?;
                self.budget.spend(VALUE + heap(string.capacity()))?;
                return Ok(Object::String(string, StringFormat::Literal));
            }
            b'<' if self.text.get(self.at + 1) == Some(&b'<') => {
                Object::Dictionary(self.dictionary(depth)?)
            }
            b'<' => {
                let string = self.hexadecimal()?;
                self.budget.spend(VALUE + heap(string.capacity()))?;
                return Ok(Object::String(string, StringFormat::Hexadecimal));
            }
            b'[' => Object::Array(self.array(depth)?),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            _ => self.keyword()?,
        };
        self.budget.spend(VALUE)?;
        Ok(object)
    }

    fn array(&mut self, depth: usize) -> Result<Vec<Object>, Stop> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b']') => {
                    self.at += 1;
                    break;
                }
                Some(_) => items.push(self.value(depth + 1)?),
                None => return Err(Stop::Syntax),
            }
        }
        // Each item was counted at its own size; the vector's spare room is given back.
        items.shrink_to_fit();
        Ok(items)
    }

    fn dictionary(&mut self, depth: usize) -> Result<Dictionary, Stop> {
        self.at += 2;
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'>') if self.text.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    break;
                }
                Some(b'/') => {
                    self.at += 1;
                    let key = self.name();
                    self.budget.spend(ENTRY + heap(key.capacity()))?;
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                }
                _ => return Err(Stop::Syntax),
            }
        }
        Ok(entries.into_iter().collect())
    }

    /// A name's bytes after its `/`, `#xx` standing for one byte.
    fn name(&mut self) -> Vec<u8> {
        let mut name = Vec::new();
        while let Some(byte) = self.peek().filter(|&b| is_regular(b)) {
            let escaped = (byte == b'#')
                .then(|| self.text.get(self.at + 1..self.at + 3))
                .flatten()
                .and_then(|h| Some(hex_value(h[0])? << 4 | hex_value(h[1])?));
            match escaped {
                Some(decoded) => {
                    name.push(decoded);
                    self.at += 3;
                }
                None => {
                    name.push(byte);
                    self.at += 1;
                }
            }
        }
        name.shrink_to_fit();
        name
    }

    fn literal(&mut self) -> Result<Vec<u8>, Stop> {
        self.at += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let byte = self.peek().ok_or(Stop::Syntax)?;
            self.at += 1;
            match byte {
                b'(' => {
                    depth += 1;
                    if depth > MAX_PARENTHESES {
                        return Err(Stop::Syntax);
                    }
                    out.push(byte);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(byte);
                }
                b'\\' => self.escape(&mut out),
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.at += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(byte),
            }
        }
        out.shrink_to_fit();
        Ok(out)
    }

    /// What follows a backslash in a literal string.
    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(byte) = self.peek() else {
            return;
        };
        self.at += 1;
        match byte {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b'0'..=b'7' => {
                let mut value = u32::from(byte - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(digit @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(digit - b'0');
                            self.at += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            // A backslash at the end of a line joins the lines.
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
    }

    fn hexadecimal(&mut self) -> Result<Vec<u8>, Stop> {
        self.at += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let byte = self.peek().ok_or(Stop::Syntax)?;
            self.at += 1;
            if byte == b'>' {
                break;
            }
            if is_space(byte) {
                continue;
            }
            let nibble = hex_value(byte).ok_or(Stop::Syntax)?;
            match high.take() {
                Some(h) => out.push(h << 4 | nibble),
                None => high = Some(nibble),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out.shrink_to_fit();
        Ok(out)
    }

    /// A number, or a reference `N G R`.
    fn number(&mut self) -> Result<Object, Stop> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
        {
            self.at += 1;
        }
        let token = std::str::from_utf8(&self.text[start..self.at]).map_err(|_| Stop::Syntax)?;
        if let Ok(integer) = token.parse::<i64>() {
            if let Some(reference) = self.reference_after(integer) {
                return Ok(reference);
            }
            return Ok(Object::Integer(integer));
        }
        // What writers get wrong in numbers (`--5`, `1.2.3`, `5-`) reads as zero, as in most
        // readers, rather than losing the object that holds it.
        let real = token.parse::<f32>().ok().filter(|r| r.is_finite());
        Ok(Object::Real(real.unwrap_or(0.0)))
    }

    /// `G R` after the object number `number`, if it is there.
    fn reference_after(&mut self, number: i64) -> Option<Object> {
        let number = u32::try_from(number).ok()?;
        let back = self.at;
        let found = (|| {
            let at = skip_space_only(self.text, self.at, true)?;
            let (generation, at) = unsigned(self.text, at)?;
            let at = skip_space_only(self.text, at, true)?;
            (self.text.get(at) == Some(&b'R') && is_boundary(self.text.get(at + 1)))
                .then_some((u16::try_from(generation).ok()?, at + 1))
        })();
        match found {
            Some((generation, after)) => {
                self.at = after;
                Some(Object::Reference((number, generation)))
            }
            None => {
                self.at = back;
                None
            }
        }
    }

    fn keyword(&mut self) -> Result<Object, Stop> {
        let start = self.at;
        while self.peek().is_some_and(is_regular) {
            self.at += 1;
        }
        match &self.text[start..self.at] {
            b"true" => Ok(Object::Boolean(true)),
            b"false" => Ok(Object::Boolean(false)),
            b"null" => Ok(Object::Null),
            _ => Err(Stop::Syntax),
        }
    }

    /// The data of a stream whose dictionary was just read, if the `stream` keyword follows:
    /// `/Length` bytes when they end at `endstream`, else up to the first `endstream`.
    fn stream_data(&mut self, dict: &Dictionary) -> Result<Option<Vec<u8>>, Stop> {
        let at = skip_space_only(self.text, self.at, false).unwrap_or(self.at);
        if !self.text[at.min(self.text.len())..].starts_with(b"stream") {
            return Ok(None);
        }
        let at = stream_keyword(self.text, at).ok_or(Stop::Syntax)?;
        let rest = &self.text[at..];
        let declared = dict
            .get(b"Length")
            .and_then(Object::as_i64)
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| {
                rest.get(n..).is_some_and(|after| {
                    let after = skip_eol(after);
                    after.starts_with(b"endstream")
                })
            });
        let length = match declared {
            Some(length) => length,
            None => {
                let end = find(rest, b"endstream").ok_or(Stop::Syntax)?;
                let data = &rest[..end];
                data.len() - eol_at_end(data)
            }
        };
        self.budget.spend(heap(length))?;
        self.at = at + length;
        Ok(Some(rest[..length].to_vec()))
    }
}

fn skip_eol(text: &[u8]) -> &[u8] {
    text.strip_prefix(b"\r\n")
        .or_else(|| text.strip_prefix(b"\n"))
        .or_else(|| text.strip_prefix(b"\r"))
        .unwrap_or(text)
}

fn eol_at_end(data: &[u8]) -> usize {
    if data.ends_with(b"\r\n") {
        2
    } else if data.ends_with(b"\n") || data.ends_with(b"\r") {
        1
    } else {
        0
    }
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/%".contains(&b)
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

pub(super) fn is_boundary(b: Option<&u8>) -> bool {
    b.is_none_or(|&b| is_space(b) || is_delimiter(b))
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
