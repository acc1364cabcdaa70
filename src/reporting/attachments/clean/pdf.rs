//! PDF: loaded with lopdf and rebuilt from an allow-list into a new document that holds pages
//! and what draws them, nothing else.
//!
//! The new document has a catalog with only its page tree, one flat `/Pages` node, and pages
//! with only their boxes, rotation, user unit, transparency group, resources and content
//! streams (inherited attributes are resolved onto each page). Resources keep fonts, XObjects,
//! graphics states, colour spaces, patterns and shadings; below them only the dictionary kinds
//! and keys in [`allow`] are copied, and only objects reachable that way. So the information
//! dictionary, the file identifier, XMP streams, piece information, embedded files and every
//! name tree, outlines (which may hold actions), structure trees, optional-content settings,
//! thumbnails, the interactive form with its field values, every signature (`/Sig` fields,
//! `/Perms`, names, certificates), every action (`/OpenAction`, `/AA`, JavaScript, URI,
//! Launch, GoToR, SubmitForm) and every annotation are left behind.
//!
//! Annotations go, all of them: they are where a link's URI action, an author (`/T`), a
//! reviewer's popup, a modification date and a form field's value live, and an annotation that
//! looks harmless can carry an action. What an annotation draws (a highlight, a stamp, a filled
//! field) is lost with it; flattening appearance streams into the page would keep that, and is
//! not done.
//!
//! Every JPEG image (a `/DCTDecode` image XObject, a soft mask, or an inline image in a content
//! stream, a form or a Type 3 glyph) goes through the JPEG cleaner, so its EXIF, GPS and other
//! segments go too; a JPEG the JPEG cleaner refuses gets the PDF refused for the same reason
//! (it hides a second file or declares too many pixels, and the reporter should hear that).
//! An image that cannot be cleaned without decoding it (JPEG 2000, a JPEG under another filter)
//! is dropped, as is any stream with a filter outside the list. ICC profiles, which name the
//! device that made them, are replaced by the device colour space with as many components.
//! Optional-content property lists become empty dictionaries (their names are layer titles).
//!
//! What stays as it came: the content streams' own text and drawing operators (the document),
//! and font programs, CMaps and function samples, copied byte for byte. A font program made by
//! hand could hide bytes a viewer never shows; nothing here parses fonts.
//!
//! Bounds: recursion depth, objects copied and copy steps are limited, so a hostile file is
//! refused rather than exhausting the stack. Memory is bounded by what it is spent on, not by
//! what a file declares: the file is read by [`load`] (not by lopdf's reader, which keeps what
//! it parses whatever that costs) into objects counted as they are made, object streams
//! inflate within a bound per stream and in all, every value the rebuild copies is counted
//! too, and content decodes within a bound per page and in all. Together these keep what one
//! PDF can make the cleaner hold within [`MEMORY_MIB`] (see there), whatever the file holds;
//! past any of them the file is refused as malformed. No renderer runs.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use zeroize::Zeroizing;

use super::{Cleaned, FileKind, Refusal};
use load::{heap, is_boundary, is_space, Bound, Budget, Unread, ENTRY, VALUE};

mod allow;
mod load;
#[cfg(test)]
mod tests;

/// Nesting of the copy, counting dictionaries, arrays and references on the way down: a real
/// document needs a few dozen (page, resources, form, resources, font, descriptor, file).
const MAX_DEPTH: usize = 96;
/// Objects the new document may hold.
const MAX_OBJECTS: usize = 200_000;
/// Pages the new document may hold.
const MAX_PAGES: usize = 20_000;
/// Values copied in all (a direct dictionary shared by many pages is copied once per page).
const MAX_STEPS: usize = 4_000_000;
/// What the objects read from the file may take in memory, counted as [`load`] makes them. A
/// 5 MiB document of a thousand pages takes a few MiB; the raw bytes of its streams count too.
const LOADED: usize = 16 * 1024 * 1024;
/// What one object stream may inflate to. Real ones hold a few hundred small objects, tens of
/// KiB; lopdf writes a hundred to a stream.
const INFLATED_PER_STREAM: usize = 4 * 1024 * 1024;
/// What all object streams together may inflate to (so that inflating them is bounded in time
/// as well as each in memory).
const INFLATED: usize = 16 * 1024 * 1024;
/// What the rebuilt document may take in memory, counted as values are copied into it.
const COPIED: usize = 16 * 1024 * 1024;
/// What one page's content (or one form's, or one glyph's) may decode to, to look for inline
/// images in it.
const MAX_CONTENT: usize = 8 * 1024 * 1024;
/// Content-stream bytes decoded in all, to look for inline images (a bound in time).
const MAX_DECODED: usize = 64 * 1024 * 1024;
/// The box a page without one is drawn in (US Letter, the specification's default).
const LETTER: [i64; 4] = [0, 0, 612, 792];
/// What a page's own dictionary and its place in the page tree take in the new document.
const PAGE: usize = 9 * (VALUE + ENTRY + 32);

/// The most memory cleaning one PDF holds, in MiB, beyond the file itself (which the upload
/// budget counts) and a JPEG inside it being cleaned (three copies of a file of at most
/// `attachments.max_bytes`, which the server's worst case adds). At its worst, while the pages
/// are rebuilt: the objects read ([`LOADED`]), the new document ([`COPIED`]), and one page's
/// content decoded with the filters' working copies (four times [`MAX_CONTENT`]: each filter's
/// input and output, each up to twice its length while it grows). Loading peaks lower (the
/// objects read, up to twice over while a vector grows, and one object stream inflated with
/// its working copies), and so does writing the result (the source is dropped first; the new
/// document, and what it is written to, at most twice its size).
pub(super) const MEMORY_MIB: u64 = {
    const MIB: usize = 1024 * 1024;
    let rebuilding = LOADED + COPIED + 4 * MAX_CONTENT;
    let loading = 2 * LOADED + 4 * INFLATED_PER_STREAM;
    let writing = 3 * COPIED;
    let most = if rebuilding > loading {
        rebuilding
    } else {
        loading
    };
    let most = if writing > most { writing } else { most };
    most.div_ceil(MIB) as u64
};

/// What cleaning one PDF spent of each bound, and which it went past: what the tests read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(test), allow(dead_code))]
struct Spent {
    loaded: usize,
    inflated: usize,
    copied: usize,
    decoded: usize,
    over: Option<Bound>,
}

/// A PDF rebuilt from what draws its pages (see the module documentation). Encrypted files,
/// files that cannot be read and files past a bound are refused as malformed.
pub(super) fn clean(bytes: &[u8], max_pixels: u64) -> Result<Cleaned, Refusal> {
    clean_counted(bytes, max_pixels).0
}

/// [`clean`], and what it spent.
fn clean_counted(bytes: &[u8], max_pixels: u64) -> (Result<Cleaned, Refusal>, Spent) {
    let mut budget = Budget {
        loaded: LOADED,
        inflated: INFLATED,
        per_stream: INFLATED_PER_STREAM,
        over: None,
    };
    let loaded = load::load(bytes, &mut budget);
    let mut spent = Spent {
        loaded: LOADED - budget.loaded,
        inflated: INFLATED - budget.inflated,
        over: budget.over,
        ..Spent::default()
    };
    let source = match loaded {
        Ok(source) => source,
        Err(Unread::Malformed | Unread::Over) => return (Err(Refusal::Malformed), spent),
    };
    let mut rebuild = Rebuild {
        source: &source,
        target: Document::with_version("1.7"),
        copied: HashMap::new(),
        resources: HashMap::new(),
        steps: 0,
        decoded: 0,
        to_copy: COPIED,
        over: None,
        max_pixels,
    };
    let rebuilt = rebuild.pages();
    spent.copied = COPIED - rebuild.to_copy;
    spent.decoded = rebuild.decoded;
    spent.over = spent.over.or(rebuild.over);
    let mut target = rebuild.target;
    // The source is let go before the result is written, so the two are not held at once.
    drop(source);
    if let Err(refusal) = rebuilt {
        return (Err(refusal), spent);
    }
    let mut out = Vec::with_capacity(bytes.len());
    if target.save_to(&mut out).is_err() {
        return (Err(Refusal::Malformed), spent);
    }
    let cleaned = Cleaned {
        kind: FileKind::Pdf,
        bytes: Zeroizing::new(out),
        // A photo inside a document may have been taken by anyone, anywhere: its position is
        // not offered as the reporter's.
        gps: None,
    };
    (Ok(cleaned), spent)
}

/// How a stream reached by the copy is used: a content stream is looked into for inline
/// images; one already looked into is copied as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Use {
    Data,
    Content,
    Checked,
}

/// Page attributes a page inherits from the nodes above it.
#[derive(Clone, Copy, Default)]
struct Inherited<'a> {
    resources: Option<&'a Object>,
    media_box: Option<&'a Object>,
    crop_box: Option<&'a Object>,
    rotate: Option<&'a Object>,
}

impl<'a> Inherited<'a> {
    fn under(mut self, node: &'a Dictionary) -> Inherited<'a> {
        let own = |key: &[u8]| node.get(key).ok();
        self.resources = own(b"Resources").or(self.resources);
        self.media_box = own(b"MediaBox").or(self.media_box);
        self.crop_box = own(b"CropBox").or(self.crop_box);
        self.rotate = own(b"Rotate").or(self.rotate);
        self
    }
}

struct Rebuild<'a> {
    source: &'a Document,
    target: Document,
    /// Each source object copied, by how it was used, and what it became.
    copied: HashMap<(ObjectId, Use), Object>,
    /// Resource dictionaries shared by pages, copied once.
    resources: HashMap<ObjectId, Object>,
    steps: usize,
    decoded: usize,
    /// What the new document may still take in memory.
    to_copy: usize,
    /// The bound the file went past, if it did.
    over: Option<Bound>,
    max_pixels: u64,
}

impl<'a> Rebuild<'a> {
    /// Walks the page tree without recursion, in page order, each node once, and writes one
    /// flat page tree and a catalog that holds nothing else.
    fn pages(&mut self) -> Result<(), Refusal> {
        let source = self.source;
        let root = source
            .catalog()
            .and_then(|catalog| catalog.get(b"Pages"))
            .and_then(Object::as_reference)
            .map_err(|_| Refusal::Malformed)?;
        let parent = self.new_id()?;
        let mut kids = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![(root, Inherited::default())];
        while let Some((id, inherited)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if seen.len() > MAX_OBJECTS {
                return Err(Refusal::Malformed);
            }
            let Ok(node) = source.get_dictionary(id) else {
                continue;
            };
            let inherited = inherited.under(node);
            let children = node.get(b"Kids").and_then(Object::as_array);
            match (node.get_type().ok(), children) {
                (Some(b"Page"), _) | (None, Err(_)) => {
                    if kids.len() >= MAX_PAGES {
                        return Err(Refusal::Malformed);
                    }
                    self.spend(PAGE)?;
                    let page = self.page(node, inherited, parent)?;
                    kids.push(page);
                }
                (_, Ok(children)) => {
                    let children = children.iter().rev().filter_map(|c| c.as_reference().ok());
                    stack.extend(children.map(|child| (child, inherited)));
                }
                _ => {}
            }
        }
        if kids.is_empty() {
            return Err(Refusal::Malformed);
        }
        let count = i64::try_from(kids.len()).map_err(|_| Refusal::Malformed)?;
        let mut pages = Dictionary::new();
        pages.set("Type", Object::Name(b"Pages".to_vec()));
        pages.set("Kids", Object::Array(kids));
        pages.set("Count", count);
        self.target
            .objects
            .insert(parent, Object::Dictionary(pages));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", parent);
        let catalog = self.add(Object::Dictionary(catalog))?;
        self.target.trailer.set("Root", catalog);
        Ok(())
    }

    fn page(
        &mut self,
        node: &'a Dictionary,
        inherited: Inherited<'a>,
        parent: ObjectId,
    ) -> Result<Object, Refusal> {
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", parent);
        let media_box = inherited.media_box.and_then(|b| self.rectangle(b));
        page.set(
            "MediaBox",
            media_box.unwrap_or_else(|| Object::Array(LETTER.map(Object::Integer).to_vec())),
        );
        if let Some(crop_box) = inherited.crop_box.and_then(|b| self.rectangle(b)) {
            page.set("CropBox", crop_box);
        }
        let rotate = inherited.rotate.map(|r| self.resolve(r));
        if let Some(rotate) = rotate.and_then(|r| r.as_i64().ok()).filter(|r| r % 90 == 0) {
            page.set("Rotate", rotate);
        }
        let unit = node.get(b"UserUnit").ok().map(|u| self.resolve(u));
        if let Some(unit) = unit.filter(|u| u.as_float().is_ok()) {
            page.set("UserUnit", unit.clone());
        }
        if let Some(resources) = inherited.resources {
            page.set("Resources", self.resources(resources, 0)?);
        }
        if let Ok(contents) = node.get(b"Contents") {
            page.set("Contents", self.contents(contents)?);
        }
        if let Ok(group) = node.get(b"Group") {
            page.set("Group", self.copy(group, 0, Use::Data)?);
        }
        Ok(Object::Reference(self.add(Object::Dictionary(page))?))
    }

    /// A rectangle is four numbers.
    fn rectangle(&self, object: &Object) -> Option<Object> {
        let numbers: Vec<Object> = self
            .resolve(object)
            .as_array()
            .ok()?
            .iter()
            .map(|n| self.resolve(n))
            .filter(|n| matches!(n, Object::Integer(_) | Object::Real(_)))
            .cloned()
            .collect();
        (numbers.len() == 4).then_some(Object::Array(numbers))
    }

    /// A page's content: one stream or several. Several are joined to be looked into, since an
    /// inline image may begin in one and end in the next; if they hold one, they become one.
    fn contents(&mut self, contents: &'a Object) -> Result<Object, Refusal> {
        let Ok(parts) = self.resolve(contents).as_array() else {
            return self.copy(contents, 0, Use::Content);
        };
        let mut joined = Vec::new();
        for part in parts {
            if let Ok(stream) = self.resolve(part).as_stream() {
                let room = MAX_CONTENT.saturating_sub(joined.len());
                joined.extend(self.decode(stream, room)?);
                joined.push(b'\n');
            }
        }
        match self.inline_images(&joined)? {
            Some(rewritten) => {
                drop(joined);
                let stream = content_stream(rewritten);
                self.spend(VALUE + shallow(&stream))?;
                Ok(Object::Reference(self.add(stream)?))
            }
            None => self.copy(contents, 0, Use::Checked),
        }
    }

    /// A resource dictionary: each kind of resource by its names, nothing else.
    fn resources(&mut self, object: &'a Object, depth: usize) -> Result<Object, Refusal> {
        let id = object.as_reference().ok();
        if let Some(done) = id.and_then(|id| self.resources.get(&id)) {
            return Ok(done.clone());
        }
        let source = self.source;
        let Ok(dict) = resolve(source, object).as_dict() else {
            return Ok(Object::Null);
        };
        let mut out = Dictionary::new();
        for (kind, entries) in dict.iter() {
            let copied = match kind.as_slice() {
                b"Font" | b"XObject" | b"ExtGState" | b"ColorSpace" | b"Pattern" | b"Shading" => {
                    self.named(entries, depth + 1, Use::Data)?
                }
                // Marked-content property lists are named by the content stream, so the names
                // stay; what they hold (layer titles, optional-content membership) does not.
                b"Properties" => {
                    let Ok(entries) = resolve(source, entries).as_dict() else {
                        continue;
                    };
                    let mut emptied = Dictionary::new();
                    for (name, _) in entries.iter() {
                        self.spend(VALUE + ENTRY + heap(name.len()))?;
                        emptied.set(name.clone(), Dictionary::new());
                    }
                    Object::Dictionary(emptied)
                }
                b"ProcSet" => self.copy(entries, depth + 1, Use::Data)?,
                _ => continue,
            };
            self.spend(ENTRY + heap(kind.len()))?;
            out.set(kind.clone(), copied);
        }
        let out = Object::Dictionary(out);
        if let Some(id) = id {
            self.resources.insert(id, out.clone());
        }
        Ok(out)
    }

    /// A dictionary whose keys are names the content chooses (resources, Type 3 glyphs).
    fn named(&mut self, object: &'a Object, depth: usize, using: Use) -> Result<Object, Refusal> {
        let source = self.source;
        let Ok(dict) = resolve(source, object).as_dict() else {
            return Ok(Object::Null);
        };
        let mut out = Dictionary::new();
        for (name, value) in dict.iter() {
            let copied = self.copy(value, depth + 1, using)?;
            if !matches!(copied, Object::Null) {
                self.spend(ENTRY + heap(name.len()))?;
                out.set(name.clone(), copied);
            }
        }
        Ok(Object::Dictionary(out))
    }

    /// Copies a value and what it reaches, as far as the allow-list lets it.
    fn copy(&mut self, object: &'a Object, depth: usize, using: Use) -> Result<Object, Refusal> {
        self.steps += 1;
        if depth > MAX_DEPTH || self.steps > MAX_STEPS {
            return Err(Refusal::Malformed);
        }
        // Every call makes one value in the new document (a reference at least).
        self.spend(VALUE)?;
        match object {
            Object::Reference(id) => {
                if let Some(done) = self.copied.get(&(*id, using)) {
                    return Ok(done.clone());
                }
                let source = self.source;
                let Ok(found) = source.get_object(*id) else {
                    return Ok(Object::Null);
                };
                // The number is taken before the copy, so that a cycle back to this object
                // finds it and ends.
                let new = self.new_id()?;
                self.copied.insert((*id, using), Object::Reference(new));
                let copied = self.copy(found, depth + 1, using)?;
                let dropped = matches!(copied, Object::Null);
                self.target.objects.insert(new, copied);
                if dropped {
                    self.copied.insert((*id, using), Object::Null);
                    return Ok(Object::Null);
                }
                Ok(Object::Reference(new))
            }
            Object::Dictionary(dict) => self.dictionary(dict, depth),
            Object::Stream(stream) => self.stream(stream, depth, using),
            Object::Array(items) => {
                if let Some(device) = self.instead_of_icc(items) {
                    return Ok(device);
                }
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.copy(item, depth + 1, using)?);
                }
                Ok(Object::Array(out))
            }
            scalar => {
                self.spend(shallow(scalar))?;
                Ok(scalar.clone())
            }
        }
    }

    /// A dictionary of an allowed kind with its allowed keys, or `null`. Its kind is read
    /// through a reference (as viewers do) and written as a name.
    fn dictionary(&mut self, dict: &'a Dictionary, depth: usize) -> Result<Object, Refusal> {
        if let Some(kind) = self.name_of(dict, b"Type") {
            if !allow::is_allowed(allow::TYPES, kind) {
                return Ok(Object::Null);
            }
        }
        let mut out = Dictionary::new();
        for (key, value) in dict.iter() {
            if !allow::is_allowed(allow::KEYS, key) {
                continue;
            }
            let copied = match key.as_slice() {
                b"Type" | b"Subtype" => match self.name_of(dict, key) {
                    Some(name) => {
                        let name = Object::Name(name.to_vec());
                        self.spend(VALUE + shallow(&name))?;
                        name
                    }
                    None => continue,
                },
                b"Resources" => self.resources(value, depth + 1)?,
                b"CharProcs" => self.named(value, depth + 1, Use::Content)?,
                _ => self.copy(value, depth + 1, Use::Data)?,
            };
            self.spend(ENTRY + heap(key.len()))?;
            out.set(key.clone(), copied);
        }
        Ok(Object::Dictionary(out))
    }

    /// The name `key` holds in `dict`, directly or through references.
    fn name_of(&self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
        let value = dict.get(key).ok()?;
        self.resolve(value).as_name().ok()
    }

    /// A stream of an allowed kind and filter: a JPEG cleaned, a content stream looked into
    /// for inline images, anything else copied as it is. Any stream whose filters include
    /// `DCTDecode` is a JPEG, whatever its `/Subtype` says or does not say: a viewer draws it
    /// as one when it is drawn as an image.
    fn stream(&mut self, stream: &'a Stream, depth: usize, using: Use) -> Result<Object, Refusal> {
        let Some(filters) = filters(self.source, &stream.dict) else {
            return Ok(Object::Null);
        };
        let subtype = self.name_of(&stream.dict, b"Subtype");
        if subtype.is_some_and(|s| !allow::is_allowed(allow::STREAM_SUBTYPES, s)) {
            return Ok(Object::Null);
        }
        let Object::Dictionary(mut dict) = self.dictionary(&stream.dict, depth)? else {
            return Ok(Object::Null);
        };
        let tiling = self
            .resolve_in(&stream.dict, b"PatternType")
            .and_then(|t| t.as_i64().ok())
            == Some(1);
        if filters.iter().any(|f| f.as_slice() == b"DCTDecode") {
            if filters.len() != 1 {
                return Ok(Object::Null);
            }
            let cleaned = super::jpeg::clean(&stream.content, self.max_pixels)?;
            self.spend(heap(cleaned.bytes.len()))?;
            return Ok(Object::Stream(Stream::new(dict, cleaned.bytes.to_vec())));
        }
        if subtype != Some(b"Image")
            && (using == Use::Content || subtype == Some(b"Form") || tiling)
        {
            let decoded = self.decode(stream, MAX_CONTENT)?;
            if let Some(rewritten) = self.inline_images(&decoded)? {
                drop(decoded);
                dict.remove(b"Filter");
                dict.remove(b"DecodeParms");
                let mut rewritten = Stream::new(dict, rewritten);
                // Uncompressed, the stream is still correct; compression only makes it smaller.
                let _ = rewritten.compress();
                self.spend(heap(rewritten.content.len()))?;
                return Ok(Object::Stream(rewritten));
            }
        }
        self.spend(heap(stream.content.len()))?;
        Ok(Object::Stream(Stream::new(dict, stream.content.clone())))
    }

    /// `[/ICCBased profile]` becomes the device colour space with the profile's number of
    /// components: the profile's description and copyright name the device that made it.
    fn instead_of_icc(&self, items: &[Object]) -> Option<Object> {
        let [kind, profile] = items else {
            return None;
        };
        if kind.as_name().ok()? != b"ICCBased" {
            return None;
        }
        let components = self
            .resolve(profile)
            .as_stream()
            .ok()
            .and_then(|s| s.dict.get(b"N").ok())
            .map(|n| self.resolve(n))
            .and_then(|n| n.as_i64().ok());
        let device: &[u8] = match components {
            Some(1) => b"DeviceGray",
            Some(4) => b"DeviceCMYK",
            _ => b"DeviceRGB",
        };
        Some(Object::Name(device.to_vec()))
    }

    /// A content stream's operators, decoded within `room` and what is left of all content's
    /// bound; one that does not decode is refused, since what it hides cannot be looked at.
    fn decode(&mut self, stream: &Stream, room: usize) -> Result<Vec<u8>, Refusal> {
        let left = MAX_DECODED.saturating_sub(self.decoded).min(room);
        let decoded = match stream.decompressed_content_with_limit(left) {
            Ok(decoded) => decoded,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.over = Some(Bound::Decoded);
                return Err(Refusal::Malformed);
            }
            Err(_) => return Err(Refusal::Malformed),
        };
        self.decoded += decoded.len();
        Ok(decoded)
    }

    /// The content with every inline JPEG cleaned, or `None` when it holds none and stays as
    /// it is. lopdf's content parser skips filtered inline images, so they are found here:
    /// `BI`, the dictionary, `ID`, one white-space byte, the data, `EI`.
    fn inline_images(&mut self, decoded: &[u8]) -> Result<Option<Vec<u8>>, Refusal> {
        let mut out = Vec::new();
        let mut copied = 0;
        let mut from = 0;
        while let Some(begin) = next_inline_image(decoded, from) {
            // Without `ID` after it, this `BI` begins no image data (it was inside another
            // image's data), and neither does anything after it.
            let Some(id) = find_token(decoded, b"ID", begin + 2) else {
                break;
            };
            let data = id + 3;
            let dictionary = &decoded[begin + 2..id];
            let jpeg = find_token(dictionary, b"/DCT", 0)
                .or_else(|| find_token(dictionary, b"/DCTDecode", 0))
                .is_some();
            if !jpeg {
                from = end_of_inline_data(decoded, data).ok_or(Refusal::Malformed)?;
                continue;
            }
            // A JPEG ends at its end-of-image marker, whatever bytes like `EI` it holds.
            let end = (data..decoded.len().saturating_sub(1))
                .find(|&i| {
                    let closing = after_space(decoded, i + 2);
                    decoded[i..].starts_with(&[0xFF, 0xD9])
                        && closing > i + 2
                        && decoded[closing..].starts_with(b"EI")
                        && is_boundary(decoded.get(closing + 2))
                })
                .ok_or(Refusal::Malformed)?;
            let image = decoded.get(data..end + 2).ok_or(Refusal::Malformed)?;
            let cleaned = super::jpeg::clean(image, self.max_pixels)?;
            out.extend_from_slice(&decoded[copied..data]);
            out.extend_from_slice(&cleaned.bytes);
            copied = end + 2;
            from = end + 2;
        }
        if copied == 0 {
            return Ok(None);
        }
        out.extend_from_slice(&decoded[copied..]);
        Ok(Some(out))
    }

    fn resolve(&self, object: &'a Object) -> &'a Object {
        resolve(self.source, object)
    }

    /// What `key` holds in `dict`, through references.
    fn resolve_in(&self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        dict.get(key).ok().map(|value| self.resolve(value))
    }

    /// Takes `cost` from what the new document may still take, or refuses the file.
    fn spend(&mut self, cost: usize) -> Result<(), Refusal> {
        match self.to_copy.checked_sub(cost) {
            Some(left) => {
                self.to_copy = left;
                Ok(())
            }
            None => {
                self.over = Some(Bound::Copied);
                Err(Refusal::Malformed)
            }
        }
    }

    fn new_id(&mut self) -> Result<ObjectId, Refusal> {
        if self.target.objects.len() >= MAX_OBJECTS {
            return Err(Refusal::Malformed);
        }
        self.target
            .try_new_object_id()
            .map_err(|_| Refusal::Malformed)
    }

    fn add(&mut self, object: Object) -> Result<ObjectId, Refusal> {
        let id = self.new_id()?;
        self.target.objects.insert(id, object);
        Ok(id)
    }
}

static NULL: Object = Object::Null;

/// Follows references, a few at most (a chain longer than that is not a real document's).
fn resolve<'a>(source: &'a Document, mut object: &'a Object) -> &'a Object {
    for _ in 0..8 {
        match object {
            Object::Reference(id) => match source.get_object(*id) {
                Ok(found) => object = found,
                Err(_) => return &NULL,
            },
            _ => return object,
        }
    }
    &NULL
}

/// A stream's filters by name, or `None` if one is not on the list.
fn filters(source: &Document, dict: &Dictionary) -> Option<Vec<Vec<u8>>> {
    let names = match dict.get(b"Filter").map(|f| resolve(source, f)) {
        Err(_) | Ok(Object::Null) => return Some(Vec::new()),
        Ok(Object::Name(name)) => vec![name.clone()],
        Ok(Object::Array(names)) => names
            .iter()
            .map(|n| resolve(source, n).as_name().map(<[u8]>::to_vec).ok())
            .collect::<Option<Vec<_>>>()?,
        Ok(_) => return None,
    };
    names
        .iter()
        .all(|n| allow::is_allowed(allow::FILTERS, n))
        .then_some(names)
}

/// What a value holds in memory beyond the value itself (its bytes, its entries' keys); what
/// its entries hold is counted where they are copied.
fn shallow(object: &Object) -> usize {
    let entries = |dict: &Dictionary| {
        dict.iter()
            .map(|(key, _)| ENTRY + heap(key.len()))
            .sum::<usize>()
    };
    match object {
        Object::Name(bytes) | Object::String(bytes, _) => heap(bytes.len()),
        Object::Dictionary(dict) => entries(dict),
        Object::Stream(stream) => entries(&stream.dict) + heap(stream.content.len()),
        _ => 0,
    }
}

/// A new content stream, compressed where that works.
fn content_stream(content: Vec<u8>) -> Object {
    let mut stream = Stream::new(Dictionary::new(), content);
    let _ = stream.compress();
    Object::Stream(stream)
}

/// Where `token` next stands alone (between white space or delimiters) at or after `from`. A
/// token inside a string is found too: a false alarm costs a refusal at worst, where missing an
/// image would let it through uncleaned.
fn find_token(content: &[u8], token: &[u8], from: usize) -> Option<usize> {
    let rest = content.get(from..)?;
    rest.windows(token.len())
        .enumerate()
        .find(|(i, w)| {
            let at = from + i;
            *w == token
                && (at == 0 || is_boundary(content.get(at - 1)) || token.starts_with(b"/"))
                && is_boundary(content.get(at + token.len()))
        })
        .map(|(i, _)| from + i)
}

/// Where the next `BI` operator stands at or after `from`, outside strings and comments (a
/// text that says "BI" is not an image).
fn next_inline_image(content: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(&byte) = content.get(at) {
        match byte {
            b'(' => {
                let mut depth = 0usize;
                while let Some(&b) = content.get(at) {
                    match b {
                        b'\\' => at += 1,
                        b'(' => depth += 1,
                        b')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    at += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            b'<' if content.get(at + 1) != Some(&b'<') => {
                at += content[at..]
                    .iter()
                    .position(|&b| b == b'>')
                    .unwrap_or(content.len());
            }
            b'%' => {
                at += content[at..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .unwrap_or(content.len());
            }
            b'B' if content[at..].starts_with(b"BI")
                && (at == 0 || is_boundary(content.get(at - 1)))
                && is_boundary(content.get(at + 2)) =>
            {
                return Some(at);
            }
            _ => at += 1,
        }
    }
    None
}

/// The first position at or after `at` that is not white space.
fn after_space(content: &[u8], mut at: usize) -> usize {
    while content.get(at).is_some_and(|b| is_space(*b)) {
        at += 1;
    }
    at
}

/// Where the `EI` closing inline data that starts at `data` stands: after white space, and
/// followed by white space or the end.
fn end_of_inline_data(content: &[u8], data: usize) -> Option<usize> {
    (data.saturating_sub(1)..content.len())
        .find(|&i| {
            content.get(i).is_some_and(|b| is_space(*b))
                && content.get(i + 1..i + 3) == Some(b"EI".as_slice())
                && is_boundary(content.get(i + 3))
        })
        .map(|i| i + 1)
}
