//! The budget calendar as iCalendar (RFC 5545), for calendar programs.
//!
//! The output is deterministic, so the same plan always gives the same
//! file: DTSTAMP is the event's own date rather than the time of writing,
//! and each UID is made of the plan's name, the milestone and the year, so a
//! re-import updates the events instead of duplicating them.

use super::milestones::{Calendar, CalendarEntry};
use crate::calendar::Date;
use std::fmt::Write;

pub(crate) fn write(calendar: &Calendar) -> String {
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
            slug(&e.milestone),
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
            c => out.push(c),
        }
    }
    out
}

/// Lower-case ASCII letters and digits, other runs as one `-`: for UIDs.
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
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            slug("Regional tillväxtmotor (x)"),
            "regional-tillvaxtmotor-x"
        );
    }
}
