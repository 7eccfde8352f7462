//! What makes two ids one id, and which ids are refused.
//!
//! Ids (of members, cost lines, funding, milestones, and the member ids a
//! key or a budget names) are compared as Unicode NFC: `Å` written as one
//! code point (U+00C5) and as `A` + U+030A (a combining ring, what macOS
//! file names and some keyboards give) look the same and are the same id.
//! The plan and budget readers store every text in NFC, so lookups agree
//! however the text was typed; plans built in code are compared in NFC too
//! when checked for duplicates.
//!
//! An id with a control character (U+0000–U+001F, U+007F–U+009F) or a
//! bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069, which
//! can make a text read differently from its code points) is refused:
//! ids end up in CSV files, calendars, references and terminals.
//!
//! Where the normalisation tables come from: with the `nfc` feature (on by
//! default) the unicode-normalization crate's; without it, the host's,
//! installed once with [`use_host_nfc`]. The WebAssembly builds do the
//! latter with JavaScript's `String.prototype.normalize("NFC")`, which every
//! engine ships, instead of carrying a second copy of the Unicode tables
//! (about 60 KB of the calculator's 150 KB budget, gzipped). The rule is the
//! same either way: only the tables' owner differs.

use std::borrow::Cow;
use std::sync::OnceLock;

/// The host's NFC normaliser, when the crate's own tables are not built in.
static HOST_NFC: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Installs the host's NFC normaliser, used when andel is built without
/// the `nfc` feature (with it, the built-in tables are used and this does
/// nothing). Without either, text is compared exactly as given. The first
/// call wins; later calls are ignored.
///
/// ```
/// // A host with its own Unicode tables (here a stand-in that knows one
/// // decomposed letter), as the WebAssembly binding passes JavaScript's.
/// fn host(text: &str) -> String {
///     text.replace("A\u{30A}", "\u{C5}")
/// }
/// andel::identity::use_host_nfc(host);
/// ```
pub fn use_host_nfc(normalise: fn(&str) -> String) {
    let _ = HOST_NFC.set(normalise);
}

/// `text` in NFC, or None when it already is (every ASCII text).
fn normalised(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    #[cfg(feature = "nfc")]
    {
        use unicode_normalization::{UnicodeNormalization, is_nfc};
        (!is_nfc(text)).then(|| text.nfc().collect())
    }
    #[cfg(not(feature = "nfc"))]
    {
        let host = HOST_NFC.get()?;
        Some(host(text)).filter(|n| n != text)
    }
}

/// `text` in Unicode NFC; borrowed when it already is (every ASCII text).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    match normalised(text) {
        Some(n) => Cow::Owned(n),
        None => Cow::Borrowed(text),
    }
}

/// `text` in Unicode NFC, without a copy when it already is.
pub(crate) fn into_nfc(text: String) -> String {
    normalised(&text).unwrap_or(text)
}

/// The first character that no id may have, if `id` has one.
pub(crate) fn forbidden(id: &str) -> Option<char> {
    id.chars().find(|&c| {
        c.is_control()
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "nfc")]
    #[test]
    fn composed_and_decomposed_are_one_id() {
        assert_eq!(nfc("A\u{30A}lmhult"), "\u{C5}lmhult");
        assert_eq!(nfc("\u{C5}lmhult"), "\u{C5}lmhult");
        assert!(matches!(nfc("halmstad"), Cow::Borrowed(_)));
    }

    #[test]
    fn control_and_bidi_characters_are_forbidden() {
        for (id, c) in [
            ("a\u{0}", '\u{0}'),
            ("a\u{1b}[31m", '\u{1b}'),
            ("a\nb", '\n'),
            ("x\u{85}", '\u{85}'),
            ("\u{202E}cba", '\u{202E}'),
            ("\u{2066}a", '\u{2066}'),
        ] {
            assert_eq!(forbidden(id), Some(c), "{id:?}");
        }
        assert_eq!(forbidden("Båstad kommun"), None);
    }
}
