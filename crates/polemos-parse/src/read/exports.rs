//! Multi-article text exports from news databases.
//!
//! Factiva-style exports end each article with a `Document <id>` line; LexisNexis-style
//! exports start each with an `N of M DOCUMENTS` line. Such a file is split into one document
//! per article (ids `path#1`, `path#2`, ...; page id the path), with the headline and date of
//! each article's header block as title and publication date.

use polemos_core::{DateSource, Document};

use crate::date::{date_prefix, parse_date};

/// Header lines of an article searched for its date (Factiva).
const HEADER_LINES: usize = 12;

/// One article of an export: its byte range in the page, title and date.
#[derive(Debug)]
struct Article {
    start: usize,
    end: usize,
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
}

/// Splits a multi-article export into its articles; `None` when `page` is not one.
pub(super) fn split(page: &Document) -> Option<Vec<Document>> {
    if !page.is_ok() {
        return None;
    }
    let text = page.text.as_str();
    let articles = factiva(text).or_else(|| lexis(text))?;
    let docs = articles
        .into_iter()
        .enumerate()
        .map(|(k, a)| {
            let body = text.get(a.start..a.end).unwrap_or_default();
            let mut doc = Document::from_text(format!("{}#{}", page.page_id, k + 1), body);
            doc.page_id = page.page_id.clone();
            doc.story_index = k as u32;
            doc.page_offset = page.page_offset + a.start;
            doc.source = page.source.clone();
            doc.format = page.format.clone();
            doc.encoding = page.encoding.clone();
            doc.title = a.title;
            if let Some(d) = a.published {
                doc = doc.with_published(d, DateSource::Metadata);
            }
            doc
        })
        .collect();
    Some(docs)
}

/// Lines of `text` with their byte offsets (line content without the line break).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0usize, |pos, raw| {
        let start = *pos;
        *pos += raw.len();
        Some((start, raw.trim_end_matches(['\n', '\r'])))
    })
}

/// The range of `text` between `start` and `end` without surrounding white space.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    (start + lead, start + s.trim_end().len())
}

/// A Factiva document-id line: `Document` and an id of letters and digits.
fn is_factiva_marker(line: &str) -> bool {
    let Some(id) = line.trim().strip_prefix("Document ") else {
        return false;
    };
    (12..=40).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
        && id.chars().any(|c| c.is_ascii_digit())
        && id.chars().any(|c| c.is_ascii_alphabetic())
}

/// A LexisNexis article header: `N of M DOCUMENTS`.
fn is_lexis_marker(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(
        words.as_slice(),
        [n, of, m, docs]
            if n.bytes().all(|b| b.is_ascii_digit())
                && of.eq_ignore_ascii_case("of")
                && m.bytes().all(|b| b.is_ascii_digit())
                && (docs.eq_ignore_ascii_case("documents") || docs.eq_ignore_ascii_case("document"))
    )
}

fn non_blank(text: &str, start: usize, end: usize) -> impl Iterator<Item = &str> {
    text.get(start..end)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

fn factiva(text: &str) -> Option<Vec<Article>> {
    let mut articles = Vec::new();
    let mut start = 0;
    for (pos, line) in lines_with_offsets(text) {
        if is_factiva_marker(line) {
            let (s, e) = trimmed(text, start, pos);
            if s < e {
                let title = non_blank(text, s, e).next().map(str::to_string);
                let published = non_blank(text, s, e)
                    .take(HEADER_LINES)
                    .find_map(parse_date);
                articles.push(Article {
                    start: s,
                    end: e,
                    title,
                    published,
                });
            }
            start = pos + line.len();
        }
    }
    // Text after the last marker (a search summary) is not an article.
    (!articles.is_empty()).then_some(articles)
}

fn lexis(text: &str) -> Option<Vec<Article>> {
    let mut starts = Vec::new();
    let mut markers = Vec::new();
    for (pos, line) in lines_with_offsets(text) {
        if is_lexis_marker(line) {
            markers.push(pos);
            starts.push(pos + line.len());
        }
    }
    if starts.is_empty() {
        return None;
    }
    let mut articles = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = markers.get(k + 1).copied().unwrap_or(text.len());
        let (s, e) = trimmed(text, start, end);
        if s >= e {
            continue;
        }
        let (title, published) = lexis_header(text.get(s..e).unwrap_or_default());
        articles.push(Article {
            start: s,
            end: e,
            title,
            published,
        });
    }
    (!articles.is_empty()).then_some(articles)
}

/// The headline and date of a LexisNexis article: the publication name, then a date line,
/// then the headline (or a `HEADLINE:` field).
fn lexis_header(article: &str) -> (Option<String>, Option<chrono::NaiveDate>) {
    let lines: Vec<&str> = article
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(h) = lines.iter().find_map(|l| l.strip_prefix("HEADLINE:")) {
        let date = lines
            .iter()
            .take(HEADER_LINES)
            .find_map(|l| date_prefix(l))
            .map(|(d, _)| d);
        return (Some(h.trim().to_string()).filter(|h| !h.is_empty()), date);
    }
    let Some((i, date)) = lines
        .iter()
        .take(HEADER_LINES)
        .enumerate()
        .find_map(|(i, l)| date_prefix(l).map(|(d, _)| (i, d)))
    else {
        return (None, None);
    };
    let title = lines
        .iter()
        .skip(i + 1)
        .find(|l| !is_field(l))
        .map(|l| l.to_string());
    (title, Some(date))
}

/// A LexisNexis field line such as `BYLINE: ...` or `LENGTH: 500 words`.
fn is_field(line: &str) -> bool {
    line.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert!(is_factiva_marker("Document AGFP000020190305ef3500abc"));
        assert!(!is_factiva_marker("Document management is hard"));
        assert!(!is_factiva_marker("Document 123456789012345"));
        assert!(is_lexis_marker("   3 of 12 DOCUMENTS  "));
        assert!(!is_lexis_marker(
            "3 of 12 documents were found in the house"
        ));
    }

    #[test]
    fn plain_text_is_not_an_export() {
        let doc = Document::from_text("a.txt", "Shelling in Homs.\n\nDocument follows.");
        assert!(split(&doc).is_none());
    }
}
