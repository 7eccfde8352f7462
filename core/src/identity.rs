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

use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// `text` in Unicode NFC; borrowed when it already is (every ASCII text).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` in Unicode NFC, without a copy when it already is.
pub(crate) fn into_nfc(text: String) -> String {
    if is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
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
