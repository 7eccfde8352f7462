//! Reading decimals exactly, and turning them into integers at a common scale.
//!
//! The engine computes on integers only; this module is the one place where
//! decimals become integers and back, so every conversion is checked here.

use crate::error::{Error, Result};
use rust_decimal::Decimal;

/// The largest number of significant digits a [`Decimal`] holds exactly.
const MAX_DIGITS: usize = 28;

/// Bounds on a number's text, so that reading it takes time linear in a
/// short length, whatever was written (`docs/plan-format.md`, Limits).
pub mod number_limits {
    /// Longest number text, in bytes, once surrounding whitespace is
    /// removed. A decimal has at most 29 significant digits, so 100 leaves
    /// room for a sign, a point, leading zeros and an exponent.
    pub const TEXT: usize = 100;
    /// Largest exponent magnitude: `1e60` and `1e-60` are read, `1e61` and
    /// `0e-2147483648` refused. No value a decimal holds needs more (it
    /// has at most 28 decimals and 29 digits); without a bound, an
    /// exponent of -2³¹ made the exact shift loop for seconds on a zero.
    pub const EXPONENT: u32 = 60;
}

/// Reads a decimal number exactly, or says why it cannot.
///
/// Accepts an optional sign, digits with an optional decimal point, and an
/// optional exponent (`1e6`, `2.5E-3`, the forms JavaScript and Python print
/// for large and small floats). Refuses anything that would need rounding,
/// as well as `NaN`, infinities, empty text, thousands separators and commas:
/// a figure that is not exactly what was written is never accepted.
/// Texts longer than [`number_limits::TEXT`] bytes (surrounding whitespace
/// aside) and exponents beyond ±[`number_limits::EXPONENT`] are refused
/// before any digit is read, so reading takes time linear in a short text.
/// `field` names the input in the error message.
///
/// ```
/// use andel::parse_decimal;
/// assert_eq!(parse_decimal("102767", "weight").unwrap().to_string(), "102767");
/// assert_eq!(parse_decimal("1.5e3", "total").unwrap().to_string(), "1500");
/// assert_eq!(parse_decimal("1 000", "total").unwrap_err().code(), "invalid_number");
/// ```
pub fn parse_decimal(input: &str, field: &str) -> Result<Decimal> {
    if let Some(value) = plain(input) {
        return Ok(value);
    }
    let refuse = |reason: &str| Error::InvalidNumber {
        field: field.to_string(),
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let text = input.trim();
    if text.is_empty() {
        return Err(refuse("it is empty"));
    }
    if text.len() > number_limits::TEXT {
        return Err(refuse(&format!(
            "it is {} bytes long, more than the {} a number may have",
            text.len(),
            number_limits::TEXT
        )));
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = mantissa.trim_start_matches(['+', '-']);
    if mantissa.len() - digits.len() > 1 {
        return Err(refuse("more than one sign"));
    }
    if digits.is_empty()
        || digits == "."
        || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return Err(refuse("expected digits with an optional decimal point"));
    }
    if digits.bytes().filter(|&b| b == b'.').count() > 1 {
        return Err(refuse("more than one decimal point"));
    }
    // Digits only: the decimal point is not a digit. A Decimal holds 28
    // digits always and 29 when the mantissa stays below 2⁹⁶; whether a
    // 29-digit value fits is for from_str_exact below to say.
    let significant = digits
        .trim_start_matches(['0', '.'])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    if significant > MAX_DIGITS + 1 {
        return Err(refuse("more than 29 significant digits"));
    }
    let value = Decimal::from_str_exact(mantissa.trim_start_matches('+'))
        .map_err(|_| refuse("more digits than can be kept exactly"))?;
    match exponent {
        None => Ok(value),
        Some(exp) => {
            let exp: i32 = exp
                .trim_start_matches('+')
                .parse()
                .map_err(|_| refuse("the exponent is not a whole number"))?;
            if exp.unsigned_abs() > number_limits::EXPONENT {
                return Err(refuse(&format!(
                    "the exponent {exp} is beyond ±{}",
                    number_limits::EXPONENT
                )));
            }
            shift(value, exp).ok_or_else(|| refuse("the exponent is out of range"))
        }
    }
}

/// The common form, digits with at most one decimal point between them
/// (`102767`, `1250000.50`) and no more than 28 characters, read in one pass
/// over the bytes; `None` for anything else, which [`parse_decimal`]'s
/// general path decides. It gives the very value and scale the general path
/// gives (`"1.50"` keeps its two decimals), several times faster: a split of
/// 100 000 weights in WebAssembly spent about a quarter of its time reading
/// them.
fn plain(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    if bytes.len() > MAX_DIGITS || !first.is_ascii_digit() || !last.is_ascii_digit() {
        return None;
    }
    // At most 28 digits: below 10²⁸ < 2⁹⁶, so it fits a Decimal's mantissa.
    let mut mantissa: i128 = 0;
    let mut scale = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => mantissa = mantissa * 10 + i128::from(b - b'0'),
            b'.' if scale == 0 => scale = (bytes.len() - i - 1) as u32,
            _ => return None,
        }
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// Multiplies by 10^exp exactly, or gives `None`.
fn shift(value: Decimal, exp: i32) -> Option<Decimal> {
    if exp >= 0 {
        let factor = pow10(u32::try_from(exp).ok()?)?;
        let scaled = value.mantissa().checked_mul(factor)?;
        from_scaled(scaled, value.scale())
    } else {
        let scale = value.scale().checked_add(exp.unsigned_abs())?;
        from_scaled(value.mantissa(), scale)
    }
}

/// Whether a host float's text is NaN or an infinity, as hosts print them
/// (`NaN`, `-Infinity`, Python's `nan`, `inf`): a float with no decimal
/// value, refused as one by the split's arguments and by host documents.
pub(crate) fn is_not_finite(text: &str) -> bool {
    let text = text.trim_start_matches(['+', '-']);
    ["nan", "inf", "infinity"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
}

/// Appends `d` as [`Decimal`]'s `Display` writes it (`"-12.50"`), faster
/// for the amounts of a split: their digits are written from a `u64`, where
/// rust_decimal divides its 96-bit mantissa by ten for every digit, which
/// took a sixth of a 100 000-weight split in WebAssembly. Other values
/// (negative zero, mantissas beyond `u64`) go through `Display` itself.
/// The bindings write their amounts with it.
///
/// ```
/// use andel::{Decimal, push_decimal};
/// let mut out = String::from("amount: ");
/// push_decimal(&mut out, "-12.50".parse::<Decimal>().unwrap());
/// assert_eq!(out, "amount: -12.50");
/// ```
pub fn push_decimal(out: &mut String, d: Decimal) {
    let magnitude = d.mantissa().unsigned_abs();
    let Ok(mut rest) = u64::try_from(magnitude) else {
        out.push_str(&d.to_string());
        return;
    };
    if rest == 0 && d.is_sign_negative() {
        out.push_str(&d.to_string());
        return;
    }
    // The digits, last first; a u64 has at most 20, and the scale at most 28
    // leading zeros after "0.".
    let mut digits = [b'0'; 29];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let scale = d.scale() as usize;
    // Enough digits for "0." and the scale: the leading zeros are already
    // there, as the array starts out all '0'.
    let len = len.max(scale + 1);
    if d.is_sign_negative() {
        out.push('-');
    }
    for (i, &digit) in digits[..len].iter().enumerate().rev() {
        if i + 1 == scale {
            out.push('.');
        }
        out.push(char::from(digit));
    }
}

/// 10^exp as an i128, if it fits.
pub(crate) fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

/// The decimal `mantissa / 10^scale`, normalised to the smallest scale that
/// keeps it exact, if it fits in a [`Decimal`].
pub(crate) fn from_scaled(mut mantissa: i128, mut scale: u32) -> Option<Decimal> {
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if scale > 28 {
        return None;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// The value `d · 10^scale` as an integer; `None` if it is not a whole
/// number or does not fit.
pub(crate) fn to_scaled(d: Decimal, scale: u32) -> Option<i128> {
    let own = d.scale();
    if own > scale {
        let divisor = pow10(own - scale)?;
        let m = d.mantissa();
        (m % divisor == 0).then_some(m / divisor)
    } else {
        d.mantissa().checked_mul(pow10(scale - own)?)
    }
}

/// The decimals as non-negative integers at the smallest common scale.
pub(crate) fn scale_all(values: &[Decimal]) -> Option<(Vec<u128>, u32)> {
    scale_all_as(values)
}

/// [`scale_all`] into integers of type `T` (`u64` for the fast path of a
/// split); `None` also when one of them does not fit in `T`.
pub(crate) fn scale_all_as<T: TryFrom<i128>>(values: &[Decimal]) -> Option<(Vec<T>, u32)> {
    // A whole number's scale is 0 already: only the others are normalised
    // (which divides out trailing zeros, digit by digit).
    let scale = values
        .iter()
        .map(|d| match d.scale() {
            0 => 0,
            _ => d.normalize().scale(),
        })
        .max()
        .unwrap_or(0);
    let mut ints = Vec::with_capacity(values.len());
    for &d in values {
        // At the common scale already (every whole number when all are):
        // the mantissa as it is.
        let int = if d.scale() == scale {
            d.mantissa()
        } else {
            to_scaled(d, scale)?
        };
        ints.push(T::try_from(int).ok()?);
    }
    Some((ints, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse_decimal(s, "x").unwrap().to_string()
    }

    fn refused(s: &str) -> bool {
        parse_decimal(s, "x").map_err(|e| e.code()) == Err("invalid_number")
    }

    #[test]
    fn reads_plain_and_scientific() {
        assert_eq!(ok("0.01"), "0.01");
        assert_eq!(ok("-12.50"), "-12.50");
        assert_eq!(ok("+7"), "7");
        assert_eq!(ok("1e21"), "1000000000000000000000");
        assert_eq!(ok("1.5e-7"), "0.00000015");
        assert_eq!(ok("3E+2"), "300");
        assert_eq!(ok(".5"), "0.5");
    }

    #[test]
    fn refuses_what_is_not_exact() {
        for bad in [
            "",
            " ",
            "NaN",
            "inf",
            "-Infinity",
            "1,5",
            "1 000",
            "1.2.3",
            "--1",
            "1e",
            "e5",
            "0x10",
            "1e999",
            ".",
        ] {
            assert!(refused(bad), "{bad:?} should be refused");
        }
        assert!(refused("0.12345678901234567890123456789"));
        // 29 significant digits that fit exactly are read, decimal point or not.
        assert_eq!(
            ok("1.2345678901234567890123456789"),
            "1.2345678901234567890123456789"
        );
        assert_eq!(
            ok("12345678901234567890123456789"),
            "12345678901234567890123456789"
        );
        assert!(refused("1.23456789012345678901234567890"));
        assert!(refused("123456789012345678901234567890"));
    }

    #[test]
    fn refuses_hostile_texts_at_once() {
        // Each of these took seconds (the exponent) or is beyond the text
        // bound; each must be refused in well under a millisecond.
        let zeros = "0".repeat(10_000_000);
        let long = format!("{zeros}1");
        let point = format!("0.{zeros}1");
        let exp_digits = format!("1e{zeros}1");
        for bad in [
            "0e-2147483648",
            "0e2147483647",
            "1e-2147483648",
            "0e-61",
            "1e61",
            long.as_str(),
            point.as_str(),
            exp_digits.as_str(),
        ] {
            let started = std::time::Instant::now();
            let err = parse_decimal(bad, "x").unwrap_err();
            assert_eq!(err.code(), "invalid_number");
            assert!(
                started.elapsed() < std::time::Duration::from_millis(200),
                "{:?}… took {:?}",
                &bad[..bad.len().min(20)],
                started.elapsed()
            );
        }
        // At the bounds: read.
        assert_eq!(ok("0e-60"), "0");
        assert_eq!(ok("1e-28"), "0.0000000000000000000000000001");
        assert_eq!(ok("0.0000000000000000000000000001e28"), "1");
        let hundred = format!("{}1", "0".repeat(99));
        assert_eq!(ok(&hundred), "1");
        assert!(refused(&format!("0{hundred}")));
        // Surrounding whitespace is not part of the text's length.
        assert_eq!(ok(&format!("  {hundred}  ")), "1");
    }

    #[test]
    fn the_plain_form_reads_as_the_general_path_does() {
        // Every digit string of up to 28 characters, with and without a
        // point at each place, against rust_decimal's own exact reader.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let point = next() % 3 > 0;
            let len = if point {
                2 + (next() % 26)
            } else {
                1 + (next() % 28)
            } as usize;
            let mut text: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if point {
                let at = 1 + (next() as usize) % (len - 1);
                text.replace_range(at..at, ".");
            }
            let fast = plain(&text).unwrap_or_else(|| panic!("{text} is plain"));
            let exact = Decimal::from_str_exact(&text).unwrap();
            assert_eq!(
                (fast.mantissa(), fast.scale()),
                (exact.mantissa(), exact.scale()),
                "{text}"
            );
            assert_eq!(fast.to_string(), exact.to_string(), "{text}");
        }
        for other in ["", ".5", "5.", "1.2.3", "-1", "+1", " 1", "1e3", "1_000"] {
            assert_eq!(plain(other), None, "{other:?}");
        }
        assert_eq!(plain("0.000").map(|d| d.scale()), Some(3));
    }

    #[test]
    fn push_decimal_writes_what_display_writes() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut cases: Vec<Decimal> = [
            "0", "-0", "0.00", "-0.00", "5", "-5", "0.05", "-0.5", "1.50",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        cases.push(Decimal::MAX);
        cases.push(Decimal::MIN);
        cases.push(Decimal::from_i128_with_scale(i128::from(u64::MAX), 3));
        cases.push(Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 3));
        for _ in 0..50_000 {
            let bits = next() >> (next() % 64);
            let mantissa = if next() % 2 == 0 {
                i128::from(bits)
            } else {
                -i128::from(bits)
            };
            cases.push(Decimal::from_i128_with_scale(
                mantissa,
                (next() % 29) as u32,
            ));
        }
        for d in cases {
            let mut out = String::new();
            push_decimal(&mut out, d);
            assert_eq!(out, d.to_string(), "{:?}", (d.mantissa(), d.scale()));
        }
    }

    #[test]
    fn scales_to_common_integers() {
        let ds = ["1.5", "2", "0.25"].map(|s| s.parse::<Decimal>().unwrap());
        assert_eq!(scale_all(&ds), Some((vec![150, 200, 25], 2)));
        assert_eq!(scale_all_as::<u64>(&ds), Some((vec![150, 200, 25], 2)));
        let big = [Decimal::MAX];
        assert_eq!(scale_all_as::<u64>(&big), None);
        assert!(scale_all(&big).is_some());
        let trailing = ["1.500", "2.0"].map(|s| s.parse::<Decimal>().unwrap());
        assert_eq!(scale_all_as::<u64>(&trailing), Some((vec![15, 20], 1)));
        assert_eq!(to_scaled("1.50".parse().unwrap(), 1), Some(15));
        assert_eq!(to_scaled("1.55".parse().unwrap(), 1), None);
    }
}
