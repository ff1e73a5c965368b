//! Turning the strings a Python caller passes into documents, with precise errors.

use std::collections::HashSet;

use polemos_core::{DateSource, Document};
use polemos_parse::parse_date;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A `str` from Python. One holding lone surrogates (unpaired UTF-16 halves, as
/// `surrogateescape` decoding or broken JSON escapes leave) has no UTF-8 form; rather than fail
/// the whole call, each is replaced with U+FFFD and the document says so in its `warning`.
#[derive(Debug, Clone)]
pub(crate) struct PyText {
    pub text: String,
    pub had_surrogates: bool,
}

impl FromPyObject<'_, '_> for PyText {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?.to_owned();
        Ok(match s.to_cow() {
            Ok(text) => PyText {
                text: text.into_owned(),
                had_surrogates: false,
            },
            Err(_) => PyText {
                text: s.to_string_lossy().into_owned(),
                had_surrogates: true,
            },
        })
    }
}

/// The warning of a document whose text, id or title held lone surrogates.
pub(crate) const SURROGATES_WARNING: &str =
    "lone surrogates (unpaired UTF-16 halves) in the text, id or title were replaced with U+FFFD";

/// What a Python caller passes for one text column (`ids`, `published`, `titles`): one
/// optional value per text.
pub(crate) type PyColumn = Option<Vec<Option<PyText>>>;

/// Texts and their columns as given from Python, as UTF-8 strings, with a flag per text that
/// says whether any of its values held lone surrogates.
pub(crate) fn utf8_inputs(
    texts: Vec<PyText>,
    ids: PyColumn,
    published: PyColumn,
    titles: PyColumn,
) -> (Vec<String>, TextColumns, Vec<bool>) {
    let mut flags: Vec<bool> = texts.iter().map(|t| t.had_surrogates).collect();
    let mut column = |values: PyColumn| {
        values.map(|values| {
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    v.map(|v| {
                        if v.had_surrogates {
                            if let Some(flag) = flags.get_mut(i) {
                                *flag = true;
                            }
                        }
                        v.text
                    })
                })
                .collect()
        })
    };
    let columns = TextColumns {
        ids: column(ids),
        published: column(published),
        titles: column(titles),
    };
    let texts = texts.into_iter().map(|t| t.text).collect();
    (texts, columns, flags)
}

/// Marks the documents whose inputs held lone surrogates (`flags` from [`utf8_inputs`]).
pub(crate) fn warn_surrogates(docs: &mut [Document], flags: &[bool]) {
    for (doc, _) in docs.iter_mut().zip(flags).filter(|(_, &flag)| flag) {
        doc.warning = Some(SURROGATES_WARNING.to_string());
    }
}

/// What a Python caller gives alongside its texts, one value per text where given; `None`
/// values mean the default id (`input[i]`), an unknown date, no title.
#[derive(Debug, Default)]
pub(crate) struct TextColumns {
    pub ids: Option<Vec<Option<String>>>,
    pub published: Option<Vec<Option<String>>>,
    pub titles: Option<Vec<Option<String>>>,
}

/// Builds one document per text: id `ids[i]` or `input[offset + i]`, source `input[offset + i]`
/// (so that batches of one long input keep the ids a single call would give), the
/// publication date `published[i]` and the title `titles[i]` when given. Dates are read as the
/// file readers read them (`2017-04-08`, `4/8/17`, `8 April 2017`, timestamps).
///
/// Errors name the offending position, so a caller with a million-row frame can find it.
pub(crate) fn documents_from_texts(
    texts: Vec<String>,
    columns: TextColumns,
    offset: usize,
) -> Result<Vec<Document>, String> {
    let n = texts.len();
    for (what, len) in [
        ("ids", columns.ids.as_ref().map(Vec::len)),
        ("published", columns.published.as_ref().map(Vec::len)),
        ("titles", columns.titles.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|&len| len != n) {
            return Err(format!("{what} has {len} values but there are {n} texts"));
        }
    }
    let mut ids = columns.ids.map(Vec::into_iter);
    let mut dates = columns.published.map(Vec::into_iter);
    let mut titles = columns.titles.map(Vec::into_iter);
    let mut seen = HashSet::with_capacity(n);
    let mut docs = Vec::with_capacity(n);
    for (i, text) in texts.into_iter().enumerate() {
        let position = format!("input[{}]", offset.saturating_add(i));
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
        doc.title = titles
            .as_mut()
            .and_then(Iterator::next)
            .flatten()
            .filter(|t| !t.trim().is_empty());
        if let Some(date) = dates.as_mut().and_then(Iterator::next).flatten() {
            if !date.trim().is_empty() {
                let parsed = parse_date(&date).ok_or_else(|| {
                    format!(
                        "published[{i}]: invalid date {date:?} (expected a date such as \
                         2017-04-08, 4/8/17 or 8 April 2017)"
                    )
                })?;
                doc = doc.with_published(parsed, DateSource::Input);
            }
        }
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn texts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("text {i}")).collect()
    }

    #[test]
    fn default_ids_and_sources() {
        let docs = documents_from_texts(texts(2), TextColumns::default(), 0).unwrap();
        assert_eq!(docs[1].id, "input[1]");
        assert_eq!(docs[1].source, "input[1]");
        assert_eq!(docs[1].format, "text");
        assert_eq!(docs[0].published, None);
        assert_eq!(docs[0].title, None);
    }

    #[test]
    fn offset_continues_default_ids() {
        let docs = documents_from_texts(texts(2), TextColumns::default(), 1000).unwrap();
        assert_eq!(docs[0].id, "input[1000]");
        assert_eq!(docs[1].source, "input[1001]");
    }

    #[test]
    fn given_ids_dates_and_titles() {
        let columns = TextColumns {
            ids: Some(vec![Some("a".into()), None, Some("c".into())]),
            published: Some(vec![
                Some("2017-04-08".into()),
                None,
                Some("2018-01-26 09:14:00".into()),
            ]),
            titles: Some(vec![
                Some("Shelling in Homs".into()),
                Some(" ".into()),
                None,
            ]),
        };
        let docs = documents_from_texts(texts(3), columns, 0).unwrap();
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[1].id, "input[1]");
        assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2017, 4, 8));
        assert_eq!(docs[0].published_source, Some(DateSource::Input));
        assert_eq!(docs[1].published, None);
        assert_eq!(docs[2].published, NaiveDate::from_ymd_opt(2018, 1, 26));
        assert_eq!(docs[0].title.as_deref(), Some("Shelling in Homs"));
        assert_eq!(docs[1].title, None);
    }

    #[test]
    fn dates_as_the_readers_read_them() {
        let columns = TextColumns {
            published: Some(vec![
                Some("4/7/17".into()),
                Some("12 March 2017".into()),
                Some("".into()),
            ]),
            ..TextColumns::default()
        };
        let docs = documents_from_texts(texts(3), columns, 0).unwrap();
        assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2017, 4, 7));
        assert_eq!(docs[1].published, NaiveDate::from_ymd_opt(2017, 3, 12));
        assert_eq!(docs[2].published, None);
    }

    #[test]
    fn errors_name_the_position() {
        let ids = |v: Vec<Option<String>>| TextColumns {
            ids: Some(v),
            ..TextColumns::default()
        };
        let e = documents_from_texts(texts(2), ids(vec![Some("x".into())]), 0).unwrap_err();
        assert_eq!(e, "ids has 1 values but there are 2 texts");
        let e = documents_from_texts(texts(2), ids(vec![Some("x".into()); 2]), 0).unwrap_err();
        assert!(e.contains("duplicate document id \"x\""), "{e}");
        let columns = TextColumns {
            published: Some(vec![None, Some("last Tuesday".into())]),
            ..TextColumns::default()
        };
        let e = documents_from_texts(texts(2), columns, 0).unwrap_err();
        assert!(e.starts_with("published[1]: invalid date"), "{e}");
    }
}
