#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| common::read_and_parse(polemos_parse::Format::Warc, bytes));
