//! HTML pages: main-content extraction and page metadata.
//!
//! A news page wraps its story in navigation, teasers, share buttons and footers. The story
//! is taken from `<article>`, else `<main>`, else the element holding the most paragraph
//! text; its paragraphs and headings are joined with blank lines so that the text parser
//! finds the headline and sentences as in a plain-text page. Title, publication date and
//! canonical URL come from the page's metadata.

use std::collections::HashMap;

use chrono::NaiveDate;
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

/// What an HTML page yields: the story text and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Extracts the story text and metadata from an HTML page.
pub(crate) fn extract(html: &str) -> Extracted {
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
    for child in el.children().filter_map(ElementRef::wrap) {
        if visible && is_skipped(child) {
            continue;
        }
        if name(child) == tag {
            return Some(child);
        }
        if let Some(found) = first_element(child, tag, visible) {
            return Some(found);
        }
    }
    None
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
    for child in el.children().filter_map(ElementRef::wrap) {
        if is_skipped(child) {
            continue;
        }
        f(child);
        visit_visible(child, f);
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
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if !is_skipped(c) {
                        if BLOCKS.contains(&name(c)) {
                            out.push(' ');
                        }
                        push_text(c, out);
                    }
                }
            }
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
    for child in el.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_skipped(c) {
                    continue;
                }
                if BLOCKS.contains(&name(c)) {
                    flush(blocks, current);
                    walk_blocks(c, blocks, current);
                    flush(blocks, current);
                } else {
                    walk_blocks(c, blocks, current);
                }
            }
            _ => {}
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
}
