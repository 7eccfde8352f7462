//! Figures as people read them: exact, from decimals and integers (never
//! floats), in the language's format.
//!
//! Swedish (sv-SE): thousands separated by [`NARROW_NBSP`], a decimal
//! comma, `kr` after kronor. English: the plain figure, as andel's decimals
//! print (`1250000.50`). Both write a negative figure with ASCII `-`, so a
//! figure pasted into a spreadsheet stays a number.

use super::Lang;
use crate::fraction::Fraction;
use crate::rounding::Rounding;
use rust_decimal::Decimal;

/// U+202F NARROW NO-BREAK SPACE, the Swedish thousands separator. (Rust's
/// `char::is_whitespace` counts it as white space.)
pub const NARROW_NBSP: char = '\u{202f}';

/// An exact decimal in the language's format, with all its decimals.
///
/// ```
/// use andel::text::{Lang, figure};
/// let d: andel::Decimal = "1234567.0500".parse().unwrap();
/// assert_eq!(figure(d, Lang::Sv), "1\u{202f}234\u{202f}567,0500");
/// assert_eq!(figure(d, Lang::En), "1234567.0500");
/// ```
pub fn figure(d: Decimal, lang: Lang) -> String {
    let text = d.to_string();
    match lang {
        Lang::En => text,
        Lang::Sv => {
            let (whole, decimals) = match text.split_once('.') {
                Some((w, f)) => (w, Some(f)),
                None => (text.as_str(), None),
            };
            let mut out = grouped(whole, lang);
            if let Some(f) = decimals {
                out.push(',');
                out.push_str(f);
            }
            out
        }
    }
}

/// An integer written as digits (with an optional leading `-`), grouped by
/// thousands in Swedish; unchanged in English. For integers of any size,
/// such as the numerator of an exact fraction.
///
/// ```
/// use andel::text::{Lang, grouped};
/// assert_eq!(grouped("-1000", Lang::Sv), "-1\u{202f}000");
/// assert_eq!(grouped("999", Lang::Sv), "999");
/// assert_eq!(grouped("1000", Lang::En), "1000");
/// ```
pub fn grouped(digits: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return digits.to_string();
    }
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::from(sign);
    let count = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i) % 3 == 0 {
            out.push(NARROW_NBSP);
        }
        out.push(c);
    }
    out
}

/// An exact fraction `n/d` (or `n` when whole), each part grouped.
///
/// ```
/// use andel::{Allocator, text::{Lang, fraction}};
/// let split = Allocator::new().explain(1.into(), &[1000.into(), 2001.into()])?;
/// assert_eq!(fraction(&split.parts[0].share, Lang::Sv), "1\u{202f}000/3\u{202f}001");
/// assert_eq!(fraction(&split.parts[0].share, Lang::En), "1000/3001");
/// # Ok::<(), andel::Error>(())
/// ```
pub fn fraction(f: &Fraction, lang: Lang) -> String {
    let n = grouped(&f.numerator().to_string(), lang);
    let d = f.denominator();
    if d == 1u8.into() {
        n
    } else {
        format!("{n}/{}", grouped(&d.to_string(), lang))
    }
}

/// A change: `+` before a positive figure, `-` before a negative one,
/// zero bare.
///
/// ```
/// use andel::text::{Lang, signed};
/// assert_eq!(signed((-11156).into(), Lang::Sv), "-11\u{202f}156");
/// assert_eq!(signed(22602.into(), Lang::En), "+22602");
/// assert_eq!(signed(0.into(), Lang::Sv), "0");
/// ```
pub fn signed(d: Decimal, lang: Lang) -> String {
    if d.is_zero() {
        figure(d.abs(), lang)
    } else if d.is_sign_negative() {
        figure(d, lang)
    } else {
        format!("+{}", figure(d, lang))
    }
}

/// An amount with its currency: `1 250 000 kr` in Swedish for kronor,
/// else the figure and the currency code.
///
/// ```
/// use andel::text::{Lang, money};
/// assert_eq!(money(1250000.into(), "SEK", Lang::Sv), "1\u{202f}250\u{202f}000 kr");
/// assert_eq!(money(1250000.into(), "SEK", Lang::En), "1250000 SEK");
/// assert_eq!(money(5.into(), "EUR", Lang::Sv), "5 EUR");
/// ```
pub fn money(d: Decimal, currency: &str, lang: Lang) -> String {
    format!("{} {}", figure(d, lang), currency_symbol(currency, lang))
}

/// `kr` for kronor in Swedish, else the currency code.
///
/// ```
/// use andel::text::{Lang, currency_symbol};
/// assert_eq!(currency_symbol("SEK", Lang::Sv), "kr");
/// assert_eq!(currency_symbol("SEK", Lang::En), "SEK");
/// ```
pub fn currency_symbol(currency: &str, lang: Lang) -> &str {
    if lang == Lang::Sv && currency.eq_ignore_ascii_case("SEK") {
        "kr"
    } else {
        currency
    }
}

/// `fraction · 10^shift` rounded half away from zero to `decimals` places,
/// in the language's format: a display figure, to be labelled as rounded
/// next to the exact fraction. `None` if it does not fit in a [`Decimal`].
///
/// ```
/// use andel::{Allocator, text::{Lang, approx}};
/// let split = Allocator::new().explain(1.into(), &[45367.into(), 183134.into()])?;
/// assert_eq!(approx(&split.parts[0].share, 2, 4, Lang::Sv).unwrap(), "19,8542");
/// # Ok::<(), andel::Error>(())
/// ```
pub fn approx(f: &Fraction, shift: u32, decimals: u32, lang: Lang) -> Option<String> {
    f.round(shift, decimals, Rounding::HalfAwayFromZero)
        .map(|d| figure(d, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The Swedish figure with the narrow spaces shown as `_`, so the
    /// expectations can be read (and `split_whitespace` is not involved).
    fn sv(s: &str) -> String {
        figure(d(s), Lang::Sv).replace(NARROW_NBSP, "_")
    }

    #[test]
    fn swedish_groups_thousands_and_uses_a_decimal_comma() {
        assert_eq!(sv("0"), "0");
        assert_eq!(sv("999"), "999");
        assert_eq!(sv("1000"), "1_000");
        assert_eq!(sv("100000"), "100_000");
        assert_eq!(sv("1250000"), "1_250_000");
        assert_eq!(sv("0.5"), "0,5");
        assert_eq!(sv("1234.5678"), "1_234,5678");
        assert_eq!(sv("-0.25"), "-0,25");
        assert_eq!(sv("-123456.00"), "-123_456,00");
        // The largest decimal, to its last digit.
        assert_eq!(
            sv("79228162514264337593543950335"),
            "79_228_162_514_264_337_593_543_950_335"
        );
    }

    #[test]
    fn the_minus_sign_is_ascii() {
        for lang in Lang::ALL {
            let text = signed(d("-1234.5"), lang);
            assert!(text.starts_with('-'), "{text}");
            assert!(!text.contains('\u{2212}'), "{text}");
        }
    }

    #[test]
    fn english_is_the_plain_decimal() {
        assert_eq!(figure(d("-1250000.50"), Lang::En), "-1250000.50");
        assert_eq!(
            grouped("-12345678901234567890123456789012", Lang::En).len(),
            33
        );
    }

    #[test]
    fn big_integers_group_too() {
        let text = grouped("-12345678901234567890123456789012", Lang::Sv);
        assert_eq!(
            text.replace(NARROW_NBSP, "_"),
            "-12_345_678_901_234_567_890_123_456_789_012"
        );
    }

    #[test]
    fn signs_of_changes() {
        assert_eq!(signed(d("0.00"), Lang::En), "0.00");
        assert_eq!(signed(d("-0"), Lang::En), "0");
        assert_eq!(
            signed(d("1500"), Lang::Sv).replace(NARROW_NBSP, "_"),
            "+1_500"
        );
    }
}
