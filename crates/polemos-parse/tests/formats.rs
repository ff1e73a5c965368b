//! HTML pages, WARC archives and multi-article text exports.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use flate2::write::GzEncoder;
use flate2::Compression;
use polemos_core::{DateSource, DocStatus};
use polemos_parse::{parse, read_bytes, read_paths, Format, ReadOptions};

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Market hit by rockets | The Valley Courier</title>
  <meta property="og:title" content="Market hit by rockets">
  <meta property="article:published_time" content="2018-02-14T07:30:00+00:00">
  <link rel="canonical" href="https://courier.example/news/market-rockets">
  <script>var tracking = "Do not read this script";</script>
  <style>.x { color: red }</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
  <div class="ad-slot">Buy cheap flights today with this advertisement</div>
  <article>
    <header><h1>Rockets hit crowded market in northern town</h1>
      <time datetime="2018-02-13">13 Feb</time></header>
    <p>Rockets struck a crowded market in the northern town of Kafr Zita on Tuesday,
       killing at least five people, a local rescue group said.</p>
    <div class="share">Share on social networks</div>
    <p>The rescue group said another <b>twelve</b> people were wounded and taken to a
       field hospital nearby.</p>
    <aside>Read more: an unrelated story teaser</aside>
  </article>
  <footer>Copyright The Valley Courier. All rights reserved.</footer>
</body>
</html>
"#;

fn html_response(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2020-09-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// Gzips each record as its own member, as web archives do.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(r).expect("gzip in memory");
        out.extend(enc.finish().expect("gzip in memory"));
    }
    out
}

fn sample_warc() -> Vec<u8> {
    let second = "<html><head><title>Second page</title></head><body>\
        <main><h1>Convoy attacked on the coast road</h1>\
        <p>Gunmen attacked an aid convoy on the coast road on Sunday, the agency said.</p>\
        </main></body></html>";
    gzip_members(&[
        warc_record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: handmade\r\n",
        ),
        warc_record(
            "response",
            "https://courier.example/news/market-rockets",
            "application/http; msgtype=response",
            &html_response(PAGE),
        ),
        warc_record(
            "request",
            "https://courier.example/news/market-rockets",
            "application/http; msgtype=request",
            b"GET /news/market-rockets HTTP/1.1\r\nHost: courier.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://courier.example/logo.png",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG",
        ),
        warc_record(
            "response",
            "https://other.example/convoy",
            "application/http; msgtype=response",
            &html_response(second),
        ),
    ])
}

#[test]
fn html_page_main_content_and_metadata() {
    let docs = read_bytes(
        "page.html",
        Format::Html,
        PAGE.as_bytes(),
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.status, DocStatus::Ok);
    assert_eq!(d.format, "html");
    assert_eq!(
        d.title.as_deref(),
        Some("Rockets hit crowded market in northern town")
    );
    assert_eq!(d.published, NaiveDate::from_ymd_opt(2018, 2, 14));
    assert_eq!(d.published_source, Some(DateSource::Metadata));
    assert_eq!(
        d.url.as_deref(),
        Some("https://courier.example/news/market-rockets")
    );
    assert!(d
        .text
        .starts_with("Rockets hit crowded market in northern town\n\n"));
    assert!(d.text.contains("another twelve people were wounded"));
    for furniture in [
        "Home",
        "menu",
        "advertisement",
        "Share on",
        "Read more",
        "Copyright",
        "tracking",
        "color",
    ] {
        assert!(!d.text.contains(furniture), "{furniture:?} in {:?}", d.text);
    }
    let parsed = parse(d.clone());
    assert_eq!(
        parsed.headline_text(),
        Some("Rockets hit crowded market in northern town")
    );
}

#[test]
fn html_extensions_are_read_from_directories() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.htm"), PAGE).unwrap();
    fs::write(dir.path().join("b.warc.gz"), sample_warc()).unwrap();
    fs::write(dir.path().join("c.gz"), b"not a warc").unwrap();
    let docs = read_paths(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    let formats: Vec<&str> = docs.iter().map(|d| d.format.as_str()).collect();
    assert_eq!(formats, ["html", "warc", "warc"]);
    assert_eq!(
        Format::from_path(&PathBuf::from("x/ARCHIVE.WARC.GZ")),
        Some(Format::Warc)
    );
    assert_eq!(Format::from_path(&PathBuf::from("x/data.gz")), None);
}

#[test]
fn warc_gz_html_responses_become_documents() {
    let docs = read_bytes(
        "crawl.warc.gz",
        Format::Warc,
        &sample_warc(),
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 2, "{docs:#?}");
    assert!(docs.iter().all(|d| d.is_ok() && d.format == "warc"));
    assert_eq!(docs[0].id, "https://courier.example/news/market-rockets");
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Rockets hit crowded market in northern town")
    );
    // The page's own date wins over the crawl date.
    assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2018, 2, 14));
    assert_eq!(docs[1].id, "https://other.example/convoy");
    assert_eq!(docs[1].url.as_deref(), Some("https://other.example/convoy"));
    assert_eq!(docs[1].published, NaiveDate::from_ymd_opt(2020, 9, 1));
    assert_eq!(docs[1].published_source, Some(DateSource::Metadata));
    assert!(docs[1]
        .text
        .starts_with("Convoy attacked on the coast road"));
}

#[test]
fn truncated_warc_gz_gives_an_error_row() {
    let full = sample_warc();
    for cut in [10, full.len() / 2, full.len() - 7] {
        let docs = read_bytes(
            "cut.warc.gz",
            Format::Warc,
            &full[..cut],
            &ReadOptions::default(),
        );
        assert!(
            docs.iter().any(|d| d.status == DocStatus::Error),
            "cut at {cut}: {docs:#?}"
        );
    }
    // A record whose block is cut short, in a plain WARC.
    let mut plain = warc_record(
        "response",
        "https://a.example/",
        "application/http; msgtype=response",
        &html_response("<p>Short.</p>"),
    );
    plain.truncate(plain.len() - 12);
    let docs = read_bytes("cut.warc", Format::Warc, &plain, &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].status, DocStatus::Error);
    assert!(docs[0].error.as_deref().unwrap().contains("truncated"));
}

#[test]
fn malformed_warc_records_do_not_stop_reading() {
    let mut bytes =
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n".to_vec();
    bytes.extend(warc_record(
        "response",
        "https://b.example/",
        "application/http; msgtype=response",
        b"NOT HTTP AT ALL\r\n\r\n",
    ));
    bytes.extend(warc_record(
        "response",
        "https://c.example/",
        "application/http; msgtype=response",
        &html_response("<p>Two soldiers were killed near the bridge on Monday.</p>"),
    ));
    let docs = read_bytes("bad.warc", Format::Warc, &bytes, &ReadOptions::default());
    let status: Vec<DocStatus> = docs.iter().map(|d| d.status).collect();
    assert_eq!(
        status,
        [DocStatus::Error, DocStatus::Error, DocStatus::Ok],
        "{docs:#?}"
    );
    assert_eq!(docs[2].id, "https://c.example/");
}

const FACTIVA: &str = "\
Shelling kills four in eastern district

By A. Reporter
312 words
3 March 2019
Northern Wire Service
English
(c) 2019 Northern Wire Service. All rights reserved.

Shelling killed four civilians in the eastern district of the city on Sunday, a monitor said.

The monitor said the shells were fired from positions south of the river.

Document NWSV000020190303ef3300001


Aid convoy reaches besieged villages

245 words
4 March 2019
Northern Wire Service
English

An aid convoy reached three besieged villages in the hills on Monday, the relief agency said.

Document NWSV000020190304ef3400007


Talks on prisoner exchange resume in capital

198 words
6 March 2019
Northern Wire Service
English

Negotiators resumed talks on a prisoner exchange in the capital on Wednesday, officials said.

Document NWSV000020190306ef3600012


Search Summary
Text          shelling or convoy or talks
Date          01/03/2019 to 07/03/2019
";

const LEXIS: &str = "\
                               1 of 2 DOCUMENTS

                       The Harbour Gazette (Port Town)

                      July 9, 2016 Saturday 10:15 AM GMT

Fighters seize hilltop village after heavy clashes

BYLINE: Staff correspondent

SECTION: NEWS; Pg. 4

LENGTH: 180 words

Fighters seized a hilltop village after two days of heavy clashes with army units, residents said on Saturday.

LOAD-DATE: July 10, 2016

LANGUAGE: ENGLISH

                               2 of 2 DOCUMENTS

                       The Harbour Gazette (Port Town)

                         July 11, 2016 Monday

HEADLINE: Car bomb wounds nine at checkpoint

LENGTH: 120 words

A car bomb wounded nine people at a checkpoint on the southern edge of the town on Monday, police said.

LOAD-DATE: July 12, 2016
";

#[test]
fn factiva_export_is_split_into_articles() {
    let docs = read_bytes(
        "export.txt",
        Format::Txt,
        FACTIVA.as_bytes(),
        &ReadOptions::default(),
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["export.txt#1", "export.txt#2", "export.txt#3"]);
    let titles: Vec<Option<&str>> = docs.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Shelling kills four in eastern district"),
            Some("Aid convoy reaches besieged villages"),
            Some("Talks on prisoner exchange resume in capital"),
        ]
    );
    assert_eq!(docs[1].published, NaiveDate::from_ymd_opt(2019, 3, 4));
    for (k, d) in docs.iter().enumerate() {
        assert_eq!(d.page_id, "export.txt");
        assert_eq!(d.story_index, k as u32);
        assert_eq!(
            &FACTIVA[d.page_offset..d.page_offset + d.text.len()],
            d.text
        );
        assert!(!d.text.contains("Document NWSV"));
        assert!(!d.text.contains("Search Summary"));
    }
    let parsed = parse(docs[0].clone());
    assert_eq!(
        parsed.headline_text(),
        Some("Shelling kills four in eastern district")
    );
}

#[test]
fn lexisnexis_export_is_split_into_articles() {
    let docs = read_bytes(
        "lexis.txt",
        Format::Txt,
        LEXIS.as_bytes(),
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 2, "{docs:#?}");
    assert_eq!(docs[0].id, "lexis.txt#1");
    assert_eq!(docs[1].id, "lexis.txt#2");
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Fighters seize hilltop village after heavy clashes")
    );
    assert_eq!(
        docs[1].title.as_deref(),
        Some("Car bomb wounds nine at checkpoint")
    );
    assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2016, 7, 9));
    assert_eq!(docs[1].published, NaiveDate::from_ymd_opt(2016, 7, 11));
    assert!(!docs[0].text.contains("DOCUMENTS"));
}

#[test]
fn plain_text_is_unchanged() {
    let text = "Shelling kills four in eastern district\n\nShelling killed four civilians \
                on Sunday, a monitor said.\n";
    let docs = read_bytes(
        "plain.txt",
        Format::Txt,
        text.as_bytes(),
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "plain.txt");
    assert_eq!(docs[0].text, text);
    assert_eq!(docs[0].title, None);
}
