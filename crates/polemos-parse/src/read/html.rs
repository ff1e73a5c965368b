//! HTML pages: main-content extraction and page metadata.
//!
//! A news page wraps its story in navigation, teasers, share buttons and footers. The story
//! is taken from `<article>`, else `<main>`, else the element holding the most paragraph
//! text; its paragraphs and headings are joined with blank lines so that the text parser
//! finds the headline and sentences as in a plain-text page. Title, publication date and
//! canonical URL come from the page's metadata.

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::iter::{Edge, Traverse};
use ego_tree::{NodeId, NodeRef};
use polemos_core::{DateSource, Document};
use scraper::{ElementRef, Html, Node};

use crate::date::parse_date;
use crate::vocab::vocab;

/// Elements whose content is never story text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "footer", "aside", "form", "noscript", "template", "iframe", "svg",
    "button", "select", "textarea", "head", "title", "object", "embed", "canvas",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "address",
    "body",
];

/// Meta keys (`name` or `property`, lower case) holding the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
];

/// How deep a page's elements may nest for its structure to be read. Real pages nest a few
/// dozen deep; the HTML parser checks its stack of open elements at every tag, so a page nested
/// tens of thousands deep would take minutes. Deeper pages are read as plain text, with a
/// warning on their row.
const MAX_NESTING: usize = 512;

/// Elements whose end tag may be left out (a new one closes the last): not counted as nesting.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp",
];

/// Elements that never hold content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// What an HTML page yields: the story text and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// Set when the page could not be read as HTML and was read as plain text.
    pub warning: Option<String>,
}

/// Whether the elements of `html` nest deeper than `limit` (a linear scan of its tags, which
/// counts neither void elements, nor self-closed ones, nor those whose end tag is optional).
fn nests_deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let Some(&first) = bytes.get(i) else { break };
        let closing = first == b'/';
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) {
            continue;
        }
        // The tag ends at the next '>'; with none left, no tag is complete any more. Reading
        // on from there keeps the scan linear ("<a<a<a..." would otherwise search to the end
        // of the text for every '<').
        let Some(end) = bytes[i..].iter().position(|&b| b == b'>').map(|e| i + e) else {
            break;
        };
        if closing {
            depth = depth.saturating_sub(1);
        } else if bytes[end - 1] != b'/' {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
        i = end + 1;
    }
    false
}

/// The text of `html` with its tags taken out (and what scripts and styles hold), for pages
/// too deeply nested to parse: each tag becomes a line break, so block text stays apart.
fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        let after = &rest[open..];
        let lower_starts = |tag: &str| {
            after
                .get(1..=tag.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(tag))
        };
        let skip_to = if lower_starts("script") {
            find_ci(after, "</script")
        } else if lower_starts("style") {
            find_ci(after, "</style")
        } else {
            Some(0)
        };
        let from = skip_to.unwrap_or(after.len());
        match after[from..].find('>') {
            Some(close) => rest = &after[from + close + 1..],
            None => rest = "",
        }
        out.push('\n');
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Where `needle` (ASCII) starts in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The few character references that plain text from a broken page needs read.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Elements whose content the HTML parser reads as text up to their end tag: left open, they
/// would swallow the rest of the page ("<title>Attack in Homs<body>..." has no body).
const RAW_TEXT: &[&str] = &["title", "textarea", "style", "script", "xmp"];

/// `html` with the raw-text elements that are never closed ([`RAW_TEXT`]) closed where the
/// next tag starts, so that what follows them is read as the page.
fn close_raw_text(html: &str) -> std::borrow::Cow<'_, str> {
    let mut fixed = std::borrow::Cow::Borrowed(html);
    for tag in RAW_TEXT {
        let open = format!("<{tag}");
        let close = format!("</{tag}");
        let mut from = 0;
        while let Some(at) = find_ci(&fixed[from..], &open).map(|a| from + a) {
            let after_name = at + open.len();
            let is_tag = fixed[after_name..]
                .chars()
                .next()
                .is_none_or(|c| c == '>' || c == '/' || c.is_whitespace());
            let Some(end) = fixed[after_name..].find('>').map(|e| after_name + e + 1) else {
                break;
            };
            if !is_tag {
                from = end;
                continue;
            }
            match find_ci(&fixed[end..], &close) {
                Some(c) => from = end + c + close.len(),
                None => {
                    let at = fixed[end..].find('<').map_or(fixed.len(), |n| end + n);
                    fixed.to_mut().insert_str(at, &format!("</{tag}>"));
                    break;
                }
            }
        }
    }
    fixed
}

/// Extracts the story text and metadata from an HTML page.
pub(crate) fn extract(html: &str) -> Extracted {
    let html = &*close_raw_text(html);
    if nests_deeper_than(html, MAX_NESTING) {
        return Extracted {
            text: plain_text(html),
            warning: Some(format!(
                "HTML nested more than {MAX_NESTING} elements deep: read as plain text, \
                 without its page structure"
            )),
            ..Extracted::default()
        };
    }
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let meta = meta_map(root);

    let content = content_root(root);
    let mut blocks = Vec::new();
    if let Some(el) = content {
        collect_blocks(el, &mut blocks);
    }
    let h1 = first_element(root, "h1", true).map(|e| clean(&text_of(e)));
    let h1 = h1.filter(|t| !t.is_empty());
    // A headline outside the content element goes on top, so the text parser finds it.
    if let (Some(h), Some(el)) = (&h1, content) {
        if first_element(el, "h1", true).is_none() && !blocks.iter().any(|b| b == h) {
            blocks.insert(0, h.clone());
        }
    }

    let title = h1
        .or_else(|| meta.get("og:title").cloned())
        .or_else(|| first_element(root, "title", false).map(|e| clean(&text_of(e))))
        .filter(|t| !t.is_empty());
    let published = DATE_KEYS
        .iter()
        .filter_map(|k| meta.get(*k))
        .find_map(|v| parse_date(v))
        .or_else(|| time_date(content).or_else(|| time_date(Some(root))));
    let url = canonical(root).or_else(|| meta.get("og:url").cloned());

    Extracted {
        text: blocks.join("\n\n"),
        title,
        published,
        url,
        warning: None,
    }
}

/// A document from an HTML page. `id` becomes the id and page id.
pub(super) fn page(id: &str, source: &str, html: &str, encoding: &str) -> Document {
    let ex = extract(html);
    let mut doc = Document::from_text(id, ex.text);
    doc.source = source.to_string();
    doc.format = "html".to_string();
    doc.encoding = Some(encoding.to_string());
    doc.title = ex.title;
    doc.url = ex.url;
    doc.warning = ex.warning;
    if let Some(date) = ex.published {
        doc = doc.with_published(date, DateSource::Metadata);
    }
    doc
}

fn name(el: ElementRef<'_>) -> &str {
    el.value().name()
}

/// Whether an element and its content are left out of the text.
fn is_skipped(el: ElementRef<'_>) -> bool {
    if SKIPPED.contains(&name(el)) {
        return true;
    }
    if el.value().attr("hidden").is_some()
        || el
            .value()
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    let marked = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| {
                    vocab()
                        .html_furniture_words
                        .contains(&w.to_ascii_lowercase())
                })
        })
    };
    marked(el.value().attr("class")) || marked(el.value().attr("id"))
}

/// Meta tags by lower-cased `name`, `property` or `itemprop`; the first of each wins.
fn meta_map(root: ElementRef<'_>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for el in root.descendants().filter_map(ElementRef::wrap) {
        if name(el) != "meta" {
            continue;
        }
        let Some(content) = el.value().attr("content") else {
            continue;
        };
        for attr in ["name", "property", "itemprop"] {
            if let Some(key) = el.value().attr(attr) {
                map.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| clean(content));
            }
        }
    }
    map
}

fn canonical(root: ElementRef<'_>) -> Option<String> {
    root.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| name(*e) == "link")
        .find(|e| {
            e.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|e| e.value().attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// The first `<time datetime>` under `el` that parses as a date.
fn time_date(el: Option<ElementRef<'_>>) -> Option<NaiveDate> {
    el?.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| name(*e) == "time")
        .filter_map(|e| e.value().attr("datetime"))
        .find_map(parse_date)
}

/// The first element called `tag` under `el`, outside skipped elements when `visible`.
fn first_element<'a>(el: ElementRef<'a>, tag: &str, visible: bool) -> Option<ElementRef<'a>> {
    Walk::new(el, visible).find_map(|step| match step {
        Step::Open(node) => ElementRef::wrap(node).filter(|e| name(*e) == tag),
        Step::Close(_) => None,
    })
}

/// A step of [`Walk`]: a node starts (element or text), or an element ends.
enum Step<'a> {
    Open(NodeRef<'a, Node>),
    Close(ElementRef<'a>),
}

/// The nodes under an element in document order, walked without recursion: a page may nest
/// elements tens of thousands deep, and the walk's memory must not be the thread's stack.
/// With `visible`, skipped elements ([`is_skipped`]) are left out with all they hold.
struct Walk<'a> {
    edges: Traverse<'a, Node>,
    root: NodeId,
    visible: bool,
    /// The skipped element being passed over, until it closes.
    skipping: Option<NodeId>,
}

impl<'a> Walk<'a> {
    fn new(el: ElementRef<'a>, visible: bool) -> Self {
        Walk {
            edges: el.traverse(),
            root: el.id(),
            visible,
            skipping: None,
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Step<'a>;

    fn next(&mut self) -> Option<Step<'a>> {
        for edge in self.edges.by_ref() {
            match edge {
                Edge::Open(node) => {
                    if node.id() == self.root || self.skipping.is_some() {
                        continue;
                    }
                    if self.visible && ElementRef::wrap(node).is_some_and(is_skipped) {
                        self.skipping = Some(node.id());
                        continue;
                    }
                    return Some(Step::Open(node));
                }
                Edge::Close(node) => {
                    if node.id() == self.root {
                        continue;
                    }
                    if self.skipping.is_some() {
                        if self.skipping == Some(node.id()) {
                            self.skipping = None;
                        }
                        continue;
                    }
                    if let Some(el) = ElementRef::wrap(node) {
                        return Some(Step::Close(el));
                    }
                }
            }
        }
        None
    }
}

/// The element holding the story: the `<article>` with the most paragraph text, else
/// `<main>`, else the element whose own paragraphs hold the most text, else `<body>`.
fn content_root(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut articles = Vec::new();
    let mut mains = Vec::new();
    let mut by_parent: HashMap<_, (usize, ElementRef<'_>)> = HashMap::new();
    visit_visible(root, &mut |el| match name(el) {
        "article" => articles.push(el),
        "main" => mains.push(el),
        "p" => {
            if let Some(parent) = el.parent().and_then(ElementRef::wrap) {
                let len = clean(&text_of(el)).len();
                by_parent.entry(parent.id()).or_insert((0, parent)).0 += len;
            }
        }
        _ => {}
    });
    articles
        .iter()
        .copied()
        .max_by_key(|e| paragraph_len(*e))
        .or_else(|| mains.first().copied())
        .or_else(|| {
            by_parent
                .values()
                .max_by_key(|(len, e)| (*len, std::cmp::Reverse(e.id())))
                .map(|(_, e)| *e)
        })
        .or_else(|| first_element(root, "body", false))
}

/// Calls `f` on every element under `el` that is not skipped, in document order.
fn visit_visible<'a>(el: ElementRef<'a>, f: &mut impl FnMut(ElementRef<'a>)) {
    for step in Walk::new(el, true) {
        if let Step::Open(node) = step {
            if let Some(e) = ElementRef::wrap(node) {
                f(e);
            }
        }
    }
}

/// Total paragraph text under an element.
fn paragraph_len(el: ElementRef<'_>) -> usize {
    let mut total = 0;
    visit_visible(el, &mut |e| {
        if name(e) == "p" {
            total += clean(&text_of(e)).len();
        }
    });
    total
}

/// All text under an element, skipped elements left out.
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    push_text(el, &mut out);
    out
}

fn push_text(el: ElementRef<'_>, out: &mut String) {
    for step in Walk::new(el, true) {
        let Step::Open(node) = step else { continue };
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if BLOCKS.contains(&e.name()) => out.push(' '),
            _ => {}
        }
    }
}

/// The blocks of text under `el`: each block element starts and ends one.
fn collect_blocks(el: ElementRef<'_>, blocks: &mut Vec<String>) {
    let mut current = String::new();
    walk_blocks(el, blocks, &mut current);
    flush(blocks, &mut current);
}

fn walk_blocks(el: ElementRef<'_>, blocks: &mut Vec<String>, current: &mut String) {
    for step in Walk::new(el, true) {
        match step {
            Step::Open(node) => match node.value() {
                Node::Text(t) => current.push_str(t),
                Node::Element(e) if BLOCKS.contains(&e.name()) => flush(blocks, current),
                _ => {}
            },
            Step::Close(e) if BLOCKS.contains(&name(e)) => flush(blocks, current),
            Step::Close(_) => {}
        }
    }
}

fn flush(blocks: &mut Vec<String>, current: &mut String) {
    let text = clean(current);
    if !text.is_empty() {
        blocks.push(text);
    }
    current.clear();
}

/// Collapses runs of white space into single spaces and trims.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_densest_paragraphs() {
        let html = "<html><body><div id=menu><p>Home</p></div>\
            <div class=story><p>Rockets struck a market in the east of the city on Tuesday.</p>\
            <p>Officials said at least four people were hurt in the attack.</p></div>\
            </body></html>";
        let ex = extract(html);
        assert!(ex.text.starts_with("Rockets struck"), "{}", ex.text);
        assert!(!ex.text.contains("Home"));
        assert!(ex.text.contains("\n\nOfficials said"));
    }

    #[test]
    fn title_falls_back_to_og_then_title() {
        let ex = extract(
            "<html><head><title>Site | Page</title>\
             <meta property=\"og:title\" content=\"Clashes near the border\"></head>\
             <body><p>Text.</p></body></html>",
        );
        assert_eq!(ex.title.as_deref(), Some("Clashes near the border"));
        let ex = extract("<title> Only  title </title><p>x</p>");
        assert_eq!(ex.title.as_deref(), Some("Only title"));
    }

    #[test]
    fn empty_and_broken_markup() {
        assert_eq!(extract("").text, "");
        let ex = extract("<p>Unclosed <b>bold <div>and <p>more");
        assert!(ex.text.contains("Unclosed bold"));
    }

    #[test]
    fn a_page_nested_beyond_the_limit_is_read_as_plain_text() {
        let deep = format!(
            "{}<script>var x = 1;</script>Shelling hit Homs &amp; Hama.{}",
            "<div>".repeat(60_000),
            "</div>".repeat(60_000)
        );
        let ex = extract(&deep);
        assert!(ex.warning.as_deref().is_some_and(|w| w.contains("nested")));
        assert_eq!(clean(&ex.text), "Shelling hit Homs & Hama.");
        // Walked without recursion, a page just under the limit keeps its structure.
        let under = format!(
            "<html><body>{}<p>Shelling hit Homs.</p>{}</body></html>",
            "<div>".repeat(MAX_NESTING - 10),
            "</div>".repeat(MAX_NESTING - 10)
        );
        let ex = extract(&under);
        assert_eq!(ex.warning, None);
        assert_eq!(ex.text, "Shelling hit Homs.");
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_are_no_nesting() {
        let page = format!(
            "<html><body>{}{}</body></html>",
            "<p>One more line.".repeat(2_000),
            "<br><img src=x><hr/>".repeat(2_000)
        );
        assert!(!nests_deeper_than(&page, MAX_NESTING));
        assert!(nests_deeper_than(&"<section>".repeat(600), MAX_NESTING));
        assert!(!nests_deeper_than(
            &"<section></section>".repeat(600),
            MAX_NESTING
        ));
    }

    #[test]
    fn an_unclosed_title_does_not_swallow_the_page() {
        let ex = extract(
            "<html><head><title>Attack in Homs<body><p>Shelling hit Homs on Monday.</p></body>",
        );
        assert_eq!(ex.title.as_deref(), Some("Attack in Homs"));
        assert_eq!(ex.text, "Shelling hit Homs on Monday.");
        let ex = extract("<p>Before.</p><script>var a = 1;<p>Rockets hit Idlib.</p>");
        assert!(ex.text.contains("Rockets hit Idlib."), "{}", ex.text);
        // Closed ones, and tags that only begin alike, are left as they are.
        let page = "<title>T</title><titlex>x</titlex><p>Text.</p>";
        assert_eq!(close_raw_text(page), page);
    }

    #[test]
    fn tags_never_closed_by_a_bracket_are_scanned_once() {
        // Each '<' would otherwise search the rest of the text for its '>'.
        let page = "<a".repeat(200_000);
        assert!(!nests_deeper_than(&page, MAX_NESTING));
        let ex = extract(&format!("{page}<p>Shelling hit Homs.</p>"));
        assert!(
            ex.text.contains("Shelling hit Homs."),
            "{}",
            &ex.text[..80.min(ex.text.len())]
        );
    }
}
