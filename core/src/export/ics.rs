//! The budget calendar as iCalendar (RFC 5545), for calendar programs.
//!
//! The output is deterministic, so the same plan always gives the same
//! file: DTSTAMP is the event's own date rather than the time of writing,
//! and each UID is made of the plan's name, the milestone and the year, so a
//! re-import updates the events instead of duplicating them.
//!
//! Hostile text stays inert: no control character (NUL, VT, FF, ESC, …)
//! reaches the file (each becomes U+FFFD; a line break is written `\n`), and
//! the milestone's id enters its UID encoded, not dropped, so ids that
//! differ only in case or in non-ASCII letters get UIDs of their own. Every
//! content line is folded at 75 octets; the texts themselves are bounded
//! when the plan is checked (`andel::plan::limits`).

use crate::cycle::{Calendar, CalendarEntry};
use crate::dates::Date;
use std::fmt::Write;

impl Calendar {
    /// The calendar as an iCalendar file (RFC 5545) that calendar programs
    /// import: one all-day event per milestone and year.
    pub fn to_ics(&self) -> String {
        write(self)
    }
}

fn write(calendar: &Calendar) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//andel//budget calendar//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(&calendar.name)),
    );
    let plan = slug(&calendar.name);
    for e in &calendar.entries {
        event(&mut out, &plan, &calendar.currency, e);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, plan: &str, currency: &str, e: &CalendarEntry) {
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!(
            "UID:{}-{}-{}@andel",
            plan,
            uid_part(&e.milestone),
            e.budget_year
        ),
    );
    line(out, &format!("DTSTAMP:{}T000000Z", compact(e.date)));
    line(out, &format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
    line(
        out,
        &format!(
            "SUMMARY:{}",
            escape(&format!("{} ({})", e.name, e.budget_year))
        ),
    );
    let mut description = e.due.clone();
    if let Some(who) = &e.who {
        let _ = write!(description, "\nFor: {who}");
    }
    for a in &e.amounts {
        let _ = write!(description, "\n{}: {} {currency}", a.name, a.amount);
    }
    line(out, &format!("DESCRIPTION:{}", escape(&description)));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Text values escape backslash, semicolon, comma and newline (RFC 5545
/// 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // RFC 5545 TEXT allows no control character but HTAB.
            c if c.is_control() && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An id as part of a UID: lower-case ASCII letters, digits and `-` as
/// they are, every other byte of its UTF-8 as `%XX`. One id gives one part
/// and two ids two parts (`%` itself is encoded), so `A` (`%41`) and `a`,
/// or `Över` and `Ovar`, never share a UID; the common lower-case ids keep
/// the UIDs they had.
fn uid_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => out.push(char::from(b)),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Lower-case ASCII letters and digits, other runs as one `-`: the plan's
/// name in its UIDs (a name, not an id: the milestone's id and the year
/// tell its events apart).
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Writes a content line, folded at 75 octets (never inside a UTF-8
/// character), each physical line ending in CRLF.
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        // Continuation lines start with a space, which counts.
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_folded_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("DESCRIPTION:{}", "å".repeat(60));
        line(&mut out, &text);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }

    #[test]
    fn control_characters_never_reach_the_file() {
        let text = escape("a\u{0}b\u{b}c\u{c}d\u{1b}[2Je\u{7f}f\u{85}g\th\r\ni");
        assert_eq!(
            text,
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}[2Je\u{FFFD}f\u{FFFD}g\th\\ni"
        );
        assert!(!text.chars().any(|c| c.is_control() && c != '\t'));
    }

    #[test]
    fn uid_parts_differ_for_ids_that_differ() {
        let ids = [
            "a", "A", "ö", "o", "Ö", "%41", "a_b", "a-b", "日本", "本日", "",
        ];
        let parts: std::collections::HashSet<String> = ids.iter().map(|i| uid_part(i)).collect();
        assert_eq!(parts.len(), ids.len());
        assert_eq!(uid_part("preliminary"), "preliminary");
        assert_eq!(uid_part("A"), "%41");
        assert_eq!(uid_part("ö"), "%C3%B6");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            slug("Regional tillväxtmotor (x)"),
            "regional-tillvaxtmotor-x"
        );
    }
}
