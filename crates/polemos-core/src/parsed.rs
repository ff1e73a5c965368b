use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Document, Span};

/// What kind of page furniture a removed stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// Share, like, vote and rating widgets.
    Share,
    /// Comment prompts: "Leave a Reply", "Notify of", "View all comments".
    Comments,
    /// "Advertisement" and sponsored blocks.
    Advertisement,
    /// Links to related stories, "Read more of ...", lists of teaser headlines.
    Related,
    /// Editorial disclaimers.
    Disclaimer,
    /// Cookie and privacy notices.
    Cookie,
    /// Calls for donations or subscriptions.
    Appeal,
    /// Author bylines.
    Byline,
    /// Photo captions and credits.
    Caption,
    /// Other boilerplate: navigation, empty location stubs, scraper residue.
    Other,
}

impl FurnitureKind {
    /// Every kind, in declaration order.
    pub const ALL: [FurnitureKind; 10] = [
        FurnitureKind::Share,
        FurnitureKind::Comments,
        FurnitureKind::Advertisement,
        FurnitureKind::Related,
        FurnitureKind::Disclaimer,
        FurnitureKind::Cookie,
        FurnitureKind::Appeal,
        FurnitureKind::Byline,
        FurnitureKind::Caption,
        FurnitureKind::Other,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            FurnitureKind::Share => "share",
            FurnitureKind::Comments => "comments",
            FurnitureKind::Advertisement => "advertisement",
            FurnitureKind::Related => "related",
            FurnitureKind::Disclaimer => "disclaimer",
            FurnitureKind::Cookie => "cookie",
            FurnitureKind::Appeal => "appeal",
            FurnitureKind::Byline => "byline",
            FurnitureKind::Caption => "caption",
            FurnitureKind::Other => "other",
        }
    }
}

/// A stretch of text recognised as page furniture and excluded from extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    pub span: Span,
    pub kind: FurnitureKind,
}

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("al-Bab", "U.S.").
    Word,
    /// Digits, possibly with separators and decimals ("1,200", "3.5").
    Number,
    /// Punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// A token with its byte span in the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Whether a sentence is the headline or part of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    Headline,
    #[default]
    Body,
}

impl SentenceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SentenceKind::Headline => "headline",
            SentenceKind::Body => "body",
        }
    }
}

/// A sentence: its 0-based index in the document (the headline, when there is one, is
/// sentence 0), its span and how many tokens it has (`polemos_parse::tokenize` gives them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: u32,
    pub kind: SentenceKind,
    pub span: Span,
    /// The number of tokens in the sentence.
    pub n_tokens: u32,
}

impl Sentence {
    /// One body sentence covering all of `text`, for callers whose text is already one
    /// sentence (and for tests).
    pub fn covering(text: &str) -> Sentence {
        Sentence {
            index: 0,
            kind: SentenceKind::Body,
            span: Span::new(0, text.len()),
            n_tokens: 0,
        }
    }
}

/// A dateline at the start of a story ("DAMASCUS, Syria (Reuters) -", "Wed 05 Apr 2017").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub span: Span,
    /// The place it names, as written.
    pub place: Option<String>,
    /// The date it gives, if any.
    pub date: Option<NaiveDate>,
}

/// A document after parsing: headline, dateline, furniture and sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedDocument {
    pub doc: Document,
    pub headline: Option<Span>,
    pub dateline: Option<Dateline>,
    pub furniture: Vec<Furniture>,
    pub sentences: Vec<Sentence>,
}

impl ParsedDocument {
    /// A parsed document with no structure, for documents that could not be parsed.
    pub fn unparsed(doc: Document) -> Self {
        ParsedDocument {
            doc,
            headline: None,
            dateline: None,
            furniture: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// The headline text, if any.
    pub fn headline_text(&self) -> Option<&str> {
        self.headline.map(|s| s.slice(&self.doc.text))
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map(|s| s.span.slice(&self.doc.text))
            .unwrap_or("")
    }
}
