//! Turning the strings a Python caller passes into documents, with precise errors.

use std::collections::HashSet;

use chrono::NaiveDate;
use polemos_core::{DateSource, Document};

/// Builds one document per text: id `ids[i]` or `input[i]`, source `input[i]`, and the
/// publication date `published[i]` when given.
///
/// Errors name the offending position, so a caller with a million-row frame can find it.
pub(crate) fn documents_from_texts(
    texts: Vec<String>,
    ids: Option<Vec<Option<String>>>,
    published: Option<Vec<Option<String>>>,
) -> Result<Vec<Document>, String> {
    let n = texts.len();
    for (what, len) in [
        ("ids", ids.as_ref().map(Vec::len)),
        ("published", published.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&len| len != n) {
            return Err(format!("{what} has {len} values but there are {n} texts"));
        }
    }
    let mut ids = ids.map(Vec::into_iter);
    let mut dates = published.map(Vec::into_iter);
    let mut seen = HashSet::with_capacity(n);
    let mut docs = Vec::with_capacity(n);
    for (i, text) in texts.into_iter().enumerate() {
        let position = format!("input[{i}]");
        let id = ids
            .as_mut()
            .and_then(Iterator::next)
            .flatten()
            .unwrap_or_else(|| position.clone());
        if !seen.insert(id.clone()) {
            return Err(format!("duplicate document id {id:?} at position {i}"));
        }
        let mut doc = Document::from_text(id, text);
        doc.source = position;
        if let Some(date) = dates.as_mut().and_then(Iterator::next).flatten() {
            match parse_date(&date) {
                Ok(Some(d)) => doc = doc.with_published(d, DateSource::Input),
                Ok(None) => {}
                Err(()) => {
                    return Err(format!(
                        "published[{i}]: invalid date {date:?} (expected YYYY-MM-DD)"
                    ))
                }
            }
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Parses `YYYY-MM-DD`, also as the start of a timestamp (`2017-04-08T09:14:00Z`,
/// `2017-04-08 09:14:00`, as polars writes a Datetime cast to a string); blank is no date.
pub(crate) fn parse_date(s: &str) -> Result<Option<NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let date = match s.get(..10) {
        Some(head) if s.len() == 10 || s[10..].starts_with(['T', ' ']) => head,
        _ => return Err(()),
    };
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("text {i}")).collect()
    }

    #[test]
    fn default_ids_and_sources() {
        let docs = documents_from_texts(texts(2), None, None).unwrap();
        assert_eq!(docs[1].id, "input[1]");
        assert_eq!(docs[1].source, "input[1]");
        assert_eq!(docs[1].format, "text");
        assert_eq!(docs[0].published, None);
    }

    #[test]
    fn given_ids_and_dates() {
        let docs = documents_from_texts(
            texts(3),
            Some(vec![Some("a".into()), None, Some("c".into())]),
            Some(vec![
                Some("2017-04-08".into()),
                None,
                Some("2018-01-26 09:14:00".into()),
            ]),
        )
        .unwrap();
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[1].id, "input[1]");
        assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2017, 4, 8));
        assert_eq!(docs[0].published_source, Some(DateSource::Input));
        assert_eq!(docs[1].published, None);
        assert_eq!(docs[2].published, NaiveDate::from_ymd_opt(2018, 1, 26));
    }

    #[test]
    fn errors_name_the_position() {
        let e = documents_from_texts(texts(2), Some(vec![Some("x".into())]), None).unwrap_err();
        assert_eq!(e, "ids has 1 values but there are 2 texts");
        let e = documents_from_texts(texts(2), Some(vec![Some("x".into()); 2]), None).unwrap_err();
        assert!(e.contains("duplicate document id \"x\""), "{e}");
        let dates = Some(vec![None, Some("08/04/2017".into())]);
        let e = documents_from_texts(texts(2), None, dates).unwrap_err();
        assert!(e.starts_with("published[1]: invalid date"), "{e}");
    }

    #[test]
    fn date_forms() {
        let d = NaiveDate::from_ymd_opt(2017, 4, 8);
        assert_eq!(parse_date("2017-04-08"), Ok(d));
        assert_eq!(parse_date(" 2017-04-08T10:00:00Z"), Ok(d));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("2017-02-30"), Err(()));
        assert_eq!(parse_date("2017-04-08x"), Err(()));
        assert_eq!(parse_date("Ḥamā-04-08"), Err(()));
        assert_eq!(parse_date("April 8"), Err(()));
    }
}
